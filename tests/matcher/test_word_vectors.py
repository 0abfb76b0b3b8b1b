"""The static word vectors: unknown compounds, label scores, the shipped table, the linker."""

import io

import numpy as np
import pytest

from matcher.occupations import OccupationLinker
from matcher.taxonomy import Taxonomy
from matcher.word_vectors import DIMENSIONS, LabelVectors, WordVectors, load_vectors


def _table() -> WordVectors:
    """Three words on their own axes: a head, a modifier and an unrelated word."""
    vectors = np.zeros((3, DIMENSIONS), dtype=np.float32)
    vectors[0, 0] = vectors[1, 1] = vectors[2, 2] = 1.0
    return WordVectors(["monteur", "diesel", "bakker"], vectors)


def test_an_unknown_compound_is_its_known_head_plus_half_its_modifier() -> None:
    [vector] = _table().embed([["dieselmonteur"]])
    assert vector[:3] == pytest.approx(np.array([1.0, 0.5, 0.0]) / np.sqrt(1.25))


def test_a_compound_whose_modifier_is_unknown_is_its_head() -> None:
    [vector] = _table().embed([["fietsmonteur"]])
    assert vector[:3] == pytest.approx([1.0, 0.0, 0.0])


def test_a_text_without_known_words_has_no_vector_and_lifts_nothing() -> None:
    table = _table()
    assert not table.embed([["xq"], []]).any()
    labels = LabelVectors(table, [(0, ["bakker"]), (1, ["monteur"])], concepts=3)
    assert not labels.scores([["onbekendwoord"]]).any()


def test_a_concept_scores_by_its_best_label_and_one_without_labels_scores_nothing() -> None:
    labels = LabelVectors(
        _table(), [(0, ["bakker"]), (0, ["monteur"]), (2, ["diesel"])], concepts=3
    )
    scores = labels.scores([["automonteur"], ["bakker"]])
    assert scores[0].tolist() == pytest.approx([1.0, 0.0, 0.0])
    assert scores[1].tolist() == pytest.approx([1.0, 0.0, 0.0])


def _packed(**arrays: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, allow_pickle=False, **arrays)
    return buffer.getvalue()


def test_a_table_of_another_shape_is_refused_with_a_rebuild_hint() -> None:
    with pytest.raises(ValueError, match="mist scale; bouw opnieuw"):
        load_vectors(_packed(words=np.array(["kok"]), vectors=np.zeros((1, DIMENSIONS))))
    wrong = _packed(
        words=np.array(["kok"]), vectors=np.zeros((1, 32), np.int8), scale=np.array([0.01])
    )
    with pytest.raises(ValueError, match="bouw opnieuw"):
        load_vectors(wrong)


def test_the_version_follows_the_vectors() -> None:
    changed = np.zeros((3, DIMENSIONS), dtype=np.float32)
    changed[0, 5] = 1.0
    assert WordVectors(["monteur", "diesel", "bakker"], changed).version != _table().version


def test_the_shipped_table_knows_words_alike_in_meaning_not_in_spelling() -> None:
    table = WordVectors.default()
    assert table is not None, "matcher/data/word_vectors_nl.npz is missing: build it"
    kassa, kassiere, lasser = table.embed([["kassamedewerker"], ["caissiere"], ["lasser"]])
    assert kassa @ kassiere > kassa @ lasser
    chauffeur, buschauffeur, verpleger = table.embed([["chauffeur"], ["buschauffeur"], ["kok"]])
    assert chauffeur @ buschauffeur > chauffeur @ verpleger


def test_word_meaning_is_part_of_the_linker_version() -> None:
    full = Taxonomy.default()
    cooks = tuple(o for o in full.occupations if o.isco_code.startswith("512"))
    small = Taxonomy(cooks, (), full.skills, full.skill_groups, full.attribution)
    with_meaning = OccupationLinker.from_taxonomy(small, synonyms=False)
    without = OccupationLinker.from_taxonomy(small, synonyms=False, meaning=False)
    assert with_meaning.version != without.version


def test_cosines_at_or_below_the_floor_count_as_nothing() -> None:
    vectors = np.zeros((2, DIMENSIONS), dtype=np.float32)
    vectors[0, 0] = 1.0
    vectors[1, :2] = [0.6, 0.8]  # cosine 0.6 with the first word
    table = WordVectors(["kok", "bakker"], vectors)
    labels = LabelVectors(table, [(0, ["kok"]), (1, ["bakker"])], concepts=2)
    assert labels.scores([["kok"]], floor=0.5).tolist()[0] == pytest.approx([1.0, 0.6])
    assert labels.scores([["kok"]], floor=0.7).tolist()[0] == pytest.approx([1.0, 0.0])
