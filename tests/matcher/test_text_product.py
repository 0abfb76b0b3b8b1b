"""The split text product (common n-grams dense) equals the plain sparse product."""

import numpy as np
import pytest
from scipy import sparse

from matcher.text import TextSpace, TextVocabulary
from matcher.text_product import SplitRows

VOCABULARY = TextVocabulary(
    ["orderpicker", "kok", "hulpkok", "magazijnmedewerker", "schoonmaker", "chauffeur C/CE"]
)
OPPORTUNITIES = [
    "Orderpicker (m/v) 32 uur. Werken in een team in het magazijn.",
    "Hulpkok gezocht - keuken, avonddienst",
    "Orderpicker (m/v) 32 uur. Werken in een team in het magazijn.",  # an agency repost
    "",
    "Chauffeur C/CE gezocht!! Werken in een team, 24-40 uur",
    "Schoonmaker/Interieurverzorger kantoren Hilversum",
    "Medewerker bediening & keuken (BBL)",
]
CLAIMANTS = [
    "kok hulpkok koken hygiëne",
    "",
    "magazijnmedewerker orderpicker heftruck rijden",
    "xyz qqq",  # no n-gram in the vocabulary
]


def plain(left: sparse.csr_matrix, right: sparse.csr_matrix) -> np.ndarray:
    return sparse.csr_matrix(left @ right.T).toarray()


def test_split_rows_give_the_sparse_product_for_any_split_and_columns() -> None:
    right = VOCABULARY.transform(OPPORTUNITIES)
    left = VOCABULARY.transform(CLAIMANTS)
    positions = np.array([6, 1, 3, 4, 0], dtype=np.intp)
    expected = plain(left, right[positions])
    assert expected[0].any() and not expected[1].any()
    for common in (0, 1, 7, 40, 10_000):  # none dense, a few, all of them dense
        got = SplitRows(right, common).similarity(left, positions)
        assert got.shape == (4, 5) and got.dtype == np.float32
        np.testing.assert_allclose(got, expected, atol=1e-6)


def test_a_split_keeps_every_entry_once() -> None:
    right = VOCABULARY.transform(OPPORTUNITIES)
    split = SplitRows(right, 30)
    dense, rare = split.split(right)
    assert dense.shape == (len(OPPORTUNITIES), 30)
    assert np.count_nonzero(dense) + rare.nnz == right.nnz
    # The most common n-gram of these texts is among the dense columns.
    counts = np.bincount(right.indices, minlength=right.shape[1])
    assert split.slot[int(np.argmax(counts))] >= 0


def test_a_run_gives_the_same_similarities_before_and_after_it_builds_the_whole_matrix() -> None:
    space = TextSpace(OPPORTUNITIES, VOCABULARY)
    left = VOCABULARY.transform(CLAIMANTS)
    expected = plain(left, VOCABULARY.transform(OPPORTUNITIES))
    blocks = [np.array(p, dtype=np.intp) for p in ([1, 4], [0, 1, 2, 3, 4, 5, 6], [6, 0])]
    for positions in blocks:  # the first block reads its rows; later ones use the split
        np.testing.assert_allclose(
            space.products(left, positions), expected[:, positions], atol=1e-6
        )
    # The split keeps the rows; the whole matrix asked for after is read again, the same.
    np.testing.assert_array_equal(
        space.opportunities.toarray(), VOCABULARY.transform(OPPORTUNITIES).toarray()
    )


def test_a_pairs_similarity_hardly_depends_on_the_other_opportunities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Which n-grams are multiplied dense follows the run's texts (few here, so that the
    # two runs choose differently), and BLAS adds in an order of its own: a pair's value
    # may differ in float32's last bits, not more.
    monkeypatch.setattr("matcher.text.SplitRows", lambda rows: SplitRows(rows, 5))
    left = VOCABULARY.transform(CLAIMANTS)
    whole = TextSpace(OPPORTUNITIES * 3, VOCABULARY)
    part = TextSpace(OPPORTUNITIES[4:] + OPPORTUNITIES[:2], VOCABULARY)
    every, some = np.arange(21, dtype=np.intp), np.arange(5, dtype=np.intp)
    for _ in range(3):  # the first call reads rows; later ones multiply the split rows
        on_whole, on_part = whole.products(left, every), part.products(left, some)
        np.testing.assert_allclose(on_part[:, :3], on_whole[:, 4:7], rtol=0, atol=1e-6)
        np.testing.assert_allclose(on_part[:, 3:], on_whole[:, :2], rtol=0, atol=1e-6)
