"""Text rows and preference words remembered per process give what a fresh transform gives."""

import numpy as np

from matcher.text import TextVocabulary
from matcher.words import RunTexts, WordIndex

TEXTS = [
    "Orderpicker (m/v) 32 uur. Werken in een team in het magazijn.",
    "Hulpkok gezocht - keuken, avonddienst",
    "Orderpicker (m/v) 32 uur. Werken in een team in het magazijn.",  # an agency repost
    "",
]


def test_remembered_rows_equal_a_fresh_transform_even_when_the_memory_overflows() -> None:
    vocabulary = TextVocabulary(["orderpicker", "kok", "hulpkok", "magazijnmedewerker"])
    vocabulary.memo_limit = 2
    fresh = vocabulary.transform(TEXTS).toarray()
    assert np.allclose(vocabulary.rows(TEXTS).toarray(), fresh)
    assert np.allclose(vocabulary.rows(TEXTS[::-1]).toarray(), fresh[::-1])
    assert fresh[0].any() and not fresh[3].any()


def test_a_preference_share_does_not_depend_on_the_other_texts() -> None:
    words = WordIndex()
    alone = words.shares([["avond", "keuken"], ["magazijn"]], [TEXTS[1]])
    among = WordIndex().shares([["avond", "keuken"], ["magazijn"]], TEXTS)
    assert (
        alone[:, 0].tolist() == among[:, 1].tolist() == [0.5, 0.0]
    )  # "avonddienst" is not "avond"
    assert among[1].tolist() == [1.0, 0.0, 1.0, 0.0]


def test_a_run_reads_its_texts_once_and_shares_what_a_fresh_index_shares() -> None:
    wishes = [["avond", "keuken"], ["magazijn", "nieuwwoord"], []]
    texts = RunTexts([*TEXTS, "Kok voor de avond, keuken in Huizen"])
    blocks = [np.array(p, dtype=np.intp) for p in ([1, 4], [0, 1, 2, 3, 4], [4, 0], [3])]
    for positions in blocks:  # the first block alone, then rows of the whole run
        got = texts.shares(wishes, positions)
        fresh = WordIndex().shares(wishes, [texts.texts[i] for i in positions.tolist()])
        assert got.tolist() == fresh.tolist()
    assert texts.shares(wishes, np.array([4, 0], dtype=np.intp)).tolist() == [
        [1.0, 0.0],
        [0.0, 0.5],
        [0.0, 0.0],
    ]
