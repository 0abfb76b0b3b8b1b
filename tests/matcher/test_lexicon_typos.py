"""Typo correction mends slips of the keyboard, never swaps a compound's modifier."""

from __future__ import annotations

import pytest

from matcher.lexicon import Lexicon
from matcher.linking import Linker

# Label words as ESCO writes them, female forms included; "bar" and "bejaarden" are not
# among them, so "barmedewerker" and "bejaardenverzorgster" are unknown but correct words.
_LABEL_WORDS = (
    "bank medewerker bankmedewerker bankmedewerkster paarden verzorger paardenverzorger"
    " paardenverzorgster magazijn magazijnmedewerker verpleegkundige kok"
)


@pytest.fixture
def lexicon() -> Lexicon:
    """Return a lexicon over a few label words."""
    return Lexicon(_LABEL_WORDS.split())


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # Correct Dutch compounds that no label has: the modifier stays as written.
        ("barmedewerker", ("bar", "medewerker")),
        ("barmedewerkster", ("bar", "medewerker")),
        ("bejaardenverzorgster", ("bejaarden", "verzorger")),
        # Slips of the keyboard are still mended.
        ("magazijnmedwerker", ("magazijn", "medewerker")),
        ("magazjinmedewerker", ("magazijn", "medewerker")),
        ("bnakmedewerker", ("bank", "medewerker")),
        ("verpleegkundge", ("verpleegkundige",)),
        ("medwerker", ("medewerker",)),
    ],
)
def test_a_correction_keeps_the_modifier_unless_it_mends_a_slip(
    lexicon: Lexicon, word: str, expected: tuple[str, ...]
) -> None:
    assert lexicon.canonical(word) == expected


def _esco_lexicon(linker: Linker) -> Lexicon:
    """Return the lexicon of the real linker, or skip when only the stand-in is there."""
    scorer = getattr(linker, "scorer", None)
    if scorer is None:
        pytest.skip("the ESCO taxonomy is not available")
    lexicon: Lexicon = scorer.index.lexicon
    return lexicon


# Vacancy words for people whose modifier is a plain Dutch word that ESCO's labels lack;
# each lies one or two letters from another known compound (paarden-, voet-, tele-, kerkhof-).
@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("bejaardenverzorger", ("bejaarden", "verzorger")),
        ("bejaardenverzorgster", ("bejaarden", "verzorger")),
        ("vogelverzorger", ("vogel", "verzorger")),
        ("vogelverzorgster", ("vogel", "verzorger")),
        ("tegelverkoper", ("tegel", "verkoper")),
        ("tegelverkoopster", ("tegel", "verkoper")),
        ("kerkmedewerker", ("kerk", "medewerker")),
    ],
)
def test_esco_words_keep_an_unknown_modifier(
    linker: Linker, word: str, expected: tuple[str, ...]
) -> None:
    assert _esco_lexicon(linker).canonical(word) == expected


@pytest.mark.parametrize(
    "word",
    [
        "barmedewerkster",
        "ouderenverzorgster",
        "dagbestedingsbegeleidster",
        "slagersmedewerker",
        "stukadoorsmedewerker",
        "schoolschoonmaakster",
        "garagedeurmonteur",
        "hondenverzorgster",
        "wasserijmedewerkster",
        "zwembadmedewerker",
        "bakkersbezorger",
        "tuincentrummedewerker",
    ],
)
def test_esco_words_invent_no_modifier(linker: Linker, word: str) -> None:
    # Every part but the head is written in the word itself: nothing was swapped in.
    *modifiers, _ = _esco_lexicon(linker).canonical(word)
    assert all(part in word for part in modifiers)


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("magazijnmedwerker", ("magazijn", "medewerker")),
        ("magazjinmedewerker", ("magazijn", "medewerker")),
        ("kassamedwerker", ("kassa", "medewerker")),
        ("verkoopmedewerkr", ("verkoop", "medewerker")),
        ("verpleegkundge", ("verpleegkundige",)),
        ("vrachtwagenchaufeur", ("vracht", "wagen", "chauffeur")),
        ("chauffuer", ("chauffeur",)),
        ("medwerker", ("medewerker",)),
        ("timmermna", ("timmerman",)),
        ("loodgeiter", ("loodgieter",)),
    ],
)
def test_esco_typos_are_still_corrected(
    linker: Linker, typo: str, expected: tuple[str, ...]
) -> None:
    assert _esco_lexicon(linker).canonical(typo) == expected
