"""Rows counted word by word equal scikit-learn's char_wb TF-IDF rows, bit for bit."""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from matcher.text import TextVocabulary, load_vocabulary, save_vocabulary

FITTED_ON = [
    "orderpicker",
    "magazijnmedewerker",
    "kok",
    "zelfstandig werkend kok",
    "medewerker bediening",
    "chauffeur C/CE",
    "hygiëne",
    "a",
]
# As vacancies and claimants write: caps, accents, dashes, slashes, numbers, tabs and
# runs of spaces, one-letter words, a word repeated, emoji, nothing at all.
TEXTS = [
    "Orderpicker (m/v) 32 uur. Werken in een team in het magazijn.",
    "HULPKOK gezocht!! - keuken, avonddienst\t\tparttime",
    "Medewerker Bediening & Keuken (BBL) / Horeca",
    "kok kok kok",
    "a b c",
    "Chauffeur C/CE · rijbewijs C · 24-40 uur 🚚",
    "  Schoonmaker/Interieurverzorger\n\nkantoren   Hilversum  ",
    "Café-medewerker Naarden-Bussum; hygiëne & HACCP",
    "",
    "   ",
    "ééé",
]


def assert_same_rows(vocabulary: TextVocabulary, texts: list[str]) -> None:
    got = vocabulary.transform(texts)
    expected = vocabulary.vectorizer.transform(texts).tocsr()
    expected.sort_indices()
    assert got.shape == expected.shape and got.dtype == expected.dtype
    np.testing.assert_array_equal(got.indptr, expected.indptr)
    np.testing.assert_array_equal(got.indices, expected.indices)
    np.testing.assert_array_equal(got.data, expected.data)  # bit for bit, no tolerance


def test_rows_equal_the_vectorizers_for_texts_as_people_write_them() -> None:
    vocabulary = TextVocabulary(FITTED_ON)
    assert_same_rows(vocabulary, TEXTS)
    assert_same_rows(vocabulary, TEXTS[::-1])  # remembered words give the same rows
    assert vocabulary.transform(TEXTS)[0].nnz > 0


def test_a_vocabulary_read_from_disk_gives_the_same_rows(tmp_path: Path) -> None:
    save_vocabulary(tmp_path, TextVocabulary(FITTED_ON))
    fitted = load_vocabulary(tmp_path)
    assert fitted is not None
    assert_same_rows(TextVocabulary([], fitted=fitted), TEXTS)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcé kmo-/ \t.1", max_size=30), min_size=1, max_size=5))
def test_rows_equal_the_vectorizers_for_any_text(texts: list[str]) -> None:
    assert_same_rows(TextVocabulary(FITTED_ON), texts)


def test_forgetting_words_past_the_limit_changes_nothing() -> None:
    vocabulary = TextVocabulary(FITTED_ON)
    vocabulary.grams.limit = 2
    for _ in range(3):
        assert_same_rows(vocabulary, TEXTS)


def test_a_single_string_is_refused_as_the_vectorizer_refuses_it() -> None:
    with pytest.raises(ValueError, match="string object received"):
        TextVocabulary(FITTED_ON).transform("kok")  # a str is a sequence of str


def test_a_vectorizer_that_counts_otherwise_is_refused() -> None:
    words = TfidfVectorizer(analyzer="word", sublinear_tf=True).fit(["kok magazijn"])
    with pytest.raises(ValueError, match="word by word"):
        TextVocabulary([], fitted=(words, "words-v1"))
