"""A claimant's wishes: one rule for the ranking's share and the reasons' names."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.linking import Linker
from matcher.pipeline import rank
from matcher.words import RunTexts, WordIndex, distinct_wishes, wish_words, wishes_met
from tests.matcher.conftest import TODAY, make_claimant, make_opportunity

# Vacancy texts as Dutch employers and agencies write them.
TEXTS = [
    "Verkoper bakkerij (m/v/x) - 24 uur, ook op zaterdag",
    "Werken in de zorg met ouderen; avond- en weekenddiensten",
    "Kok in de keuken van De Gooische Brasserie, werken in het weekend",
    "Magazijnmedewerker / orderpicker, overdag, Hilversum",
    "Hovenier - werken met dieren en planten op de kinderboerderij",
    "",
]

# Wishes as claimants type them into a form or tell a mediator, with the answer the rule
# gives for each text above (1 = met): whole words, every word of one alternative.
CASES = [
    ("bakkerij", [1, 0, 0, 0, 0, 0]),
    ("  Bakkerij ", [1, 0, 0, 0, 0, 0]),
    ("werken met dieren", [0, 0, 0, 0, 1, 0]),  # "werken" and "met" alone are not enough
    ("in de buurt", [0, 0, 0, 0, 0, 0]),  # "in de" is in nearly every text
    ("avond/weekend", [0, 1, 1, 0, 0, 0]),  # either; "avond- en" says avond
    ("avond of zaterdag", [1, 1, 0, 0, 0, 0]),
    ("orderpicker", [0, 0, 0, 1, 0, 0]),
    ("magazijn", [0, 0, 0, 0, 0, 0]),  # "magazijnmedewerker" is another word
    ("Zorg", [0, 1, 0, 0, 0, 0]),
]


@pytest.mark.parametrize(("wish", "met"), CASES)
def test_a_wish_is_met_when_every_word_of_one_alternative_is_in_the_text(
    wish: str, met: list[int]
) -> None:
    assert [len(wishes_met([wish], text)) for text in TEXTS] == met
    assert WordIndex().shares([[wish]], TEXTS)[0].tolist() == met


def test_each_wish_counts_once_however_it_was_typed() -> None:
    typed = ["bakkerij", "Bakkerij ", "BAKKERIJ", "zaterdag", "-", "x", "zaterdag/zaterdag"]
    assert [spelling for spelling, _ in distinct_wishes(typed)] == ["bakkerij", "zaterdag"]
    # Two distinct wishes, both met: the whole share, not 3 of 7 typed entries.
    assert WordIndex().shares([typed], TEXTS[:1]).tolist() == [[1.0]]
    assert wishes_met(typed, TEXTS[0]) == ["bakkerij", "zaterdag"]


def test_wishes_without_words_share_nothing() -> None:
    assert WordIndex().shares([[], ["-"], ["x", "?"]], TEXTS[:2]).tolist() == [[0.0, 0.0]] * 3


WISHES = [wish for wish, _ in CASES] + ["AVOND", "weekend/avond", "keuken", "-", "nieuwwoord"]


@settings(max_examples=60, deadline=None)
@given(
    lists=st.lists(st.lists(st.sampled_from(WISHES), max_size=5), min_size=1, max_size=4),
    picked=st.lists(st.integers(0, len(TEXTS) - 1), min_size=1, max_size=8),
)
def test_the_ranking_share_is_the_share_of_wishes_the_reasons_name(
    lists: list[list[str]], picked: list[int]
) -> None:
    texts = RunTexts(TEXTS)
    positions = np.array(picked, dtype=np.intp)
    for _ in range(2):  # the first block reads texts alone, later ones the run's rows
        shares = texts.shares(lists, positions)
        for row, wishes in enumerate(lists):
            distinct = max(len(distinct_wishes(wishes)), 1)
            named = [len(wishes_met(wishes, TEXTS[i])) / distinct for i in picked]
            assert shares[row].tolist() == pytest.approx(named)


def test_the_claimant_reads_exactly_the_wishes_that_lifted_the_place(linker: Linker) -> None:
    places = [
        make_opportunity(id="zorg", employer="Zorggroep", description=TEXTS[1]),
        make_opportunity(id="dieren", employer="Kinderboerderij", description=TEXTS[4]),
    ]
    claimant = make_claimant(preferences=["werken met dieren", "Werken met dieren", "zaterdag"])
    result = rank([claimant], places, today=TODAY, top=2, linker=linker)[0]
    by_id = {m.opportunity_id: m for m in result.matches}
    assert by_id["dieren"].features["preferences"] == 0.5  # one of two distinct wishes
    assert "Dit past bij wat u zoekt: werken met dieren." in by_id["dieren"].reasons
    # "werken" and "met" are in the care text too, but the wish is not: nothing said.
    assert by_id["zorg"].features["preferences"] == 0.0
    assert not any("wat u zoekt" in r for r in by_id["zorg"].reasons)


SPELLING = st.text(alphabet="aeéëkrsz_ -/.&'240İ", max_size=25)


@settings(max_examples=300, deadline=None)
@given(wishes=st.lists(SPELLING, min_size=1, max_size=4), data=st.data())
def test_a_wish_is_found_in_the_text_as_the_text_s_own_words_would_find_it(
    wishes: list[str], data: st.DataObject
) -> None:
    """Accents, digits, underscores and punctuation: the search agrees with the words."""
    # Texts made of the wishes themselves, glued to other text: "ae" inside "aek" is no word.
    pieces = data.draw(st.lists(st.one_of(st.sampled_from(wishes), SPELLING), max_size=6))
    text = "".join(pieces)
    words = wish_words(text)
    expected = [
        spelling
        for spelling, alternatives in distinct_wishes(wishes)
        if any(alternative <= words for alternative in alternatives)
    ]
    assert wishes_met(wishes, text) == expected


def test_a_wish_for_what_is_not_wanted_lifts_nothing_and_counts_not_at_all() -> None:
    # Said to a mediator as "geen nachtdienst": finding its words would lift night work.
    night = "Medewerker productie in nachtdienst, geen ervaring nodig"
    typed = ["Geen nachtdienst", "niet in het weekend", " zonder tillen", "productie"]
    assert wishes_met(typed, night) == ["productie"]
    assert [spelling for spelling, _ in distinct_wishes(typed)] == ["productie"]
    # One wish counts (and is met); the three others are in no denominator.
    assert WordIndex().shares([typed, typed[:3]], [night]).tolist() == [[1.0], [0.0]]
    # A wish that only contains such a word is an ordinary wish.
    assert wishes_met(["werk zonder tillen"], "Werk zonder tillen") == ["werk zonder tillen"]
