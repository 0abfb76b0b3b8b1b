"""Job-title similarity through shared ESCO concepts."""

from __future__ import annotations

from matcher.title_similarity import TitleSimilarity


def test_related_titles_score_above_unrelated_ones() -> None:
    similarity = TitleSimilarity.default()
    matrix = similarity.matrix(["advocaat"], ["bedrijfsjurist", "vrachtwagenchauffeur", "kok"])
    assert matrix.shape == (1, 3)
    assert matrix[0, 0] > matrix[0, 1] and matrix[0, 0] > matrix[0, 2]
    assert ((matrix >= 0) & (matrix <= 1.0001)).all()


def test_same_occupation_in_other_words_is_close() -> None:
    similarity = TitleSimilarity.default()
    matrix = similarity.concept_similarity(["magazijnmedewerkster"], ["medewerker magazijn", "kok"])
    assert matrix[0, 0] > 0.8 > matrix[0, 1]


def test_empty_sides_give_empty_matrices() -> None:
    similarity = TitleSimilarity.default()
    assert similarity.matrix([], ["kok"]).shape == (0, 1)
    assert similarity.concept_similarity(["kok"], []).shape == (1, 0)
    assert similarity.matrix(["", "!!!"], ["kok"]).shape == (2, 1)
