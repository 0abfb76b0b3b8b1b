"""Normalising messy Dutch titles and mapping their words onto the label vocabulary."""

from __future__ import annotations

import pytest

from matcher.label_index import LabelIndex
from matcher.lexicon import Lexicon
from matcher.normalise import clean, strip_accents, title_tokens


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Medewerker Logistiek 32 uur Huizen", ["medewerker", "logistiek"]),
        ("Orderpicker (m/v)", ["orderpicker"]),
        ("Mdw. klantenservice 24-32 uur p/w", ["medewerker", "klantenservice"]),
        ("Chef-kok (M/V/X) fulltime Den Haag", ["chef", "kok"]),
        ("Vacature: Senior Verpleegkundige 0,8 fte", ["verpleegkundige"]),
        ("Kok in Alphen aan den Rijn", ["kok", "in"]),
        ("3D animator", ["3d", "animator"]),
    ],
)
def test_title_tokens_drop_noise(title: str, expected: list[str]) -> None:
    assert title_tokens(title) == expected


def test_a_protected_word_is_not_taken_for_a_place() -> None:
    assert title_tokens("Bakker Best") == ["bakker"]
    assert title_tokens("Bakker Best", protected={"best"}) == ["bakker", "best"]


def test_accents_and_punctuation_go() -> None:
    assert strip_accents("inspiciënte café") == "inspiciente cafe"
    assert clean("Chef-Kok/Kokkin!") == "chef kok kokkin"


@pytest.fixture
def lexicon() -> Lexicon:
    """Return a lexicon over a handful of label words."""
    words = "magazijn medewerker klanten service kok verkoper kapper directeur technicus"
    return Lexicon(words.split() + ["chauffeur", "vracht", "wagen", "bedrijf", "jurist"])


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("medewerkster", ("medewerker",)),
        ("magazijnmedewerkster", ("magazijn", "medewerker")),
        ("klantenservicemedewerker", ("klanten", "service", "medewerker")),
        ("vrachtwagenchauffeur", ("vracht", "wagen", "chauffeur")),
        ("bedrijfsjurist", ("bedrijf", "jurist")),
        ("kokkin", ("kok",)),
        ("verkoopster", ("verkoper",)),
        ("kapster", ("kapper",)),
        ("directrice", ("directeur",)),
        ("technici", ("technicus",)),
        ("medewekrer", ("medewerker",)),
        ("onbekend", ("onbekend",)),
    ],
)
def test_lexicon_maps_gender_compounds_and_typos(
    lexicon: Lexicon, word: str, expected: tuple[str, ...]
) -> None:
    assert lexicon.canonical(word) == expected


def test_a_hyphenated_title_word_is_read_as_the_label_word_it_joins_to() -> None:
    index = LabelIndex([(0, "rijinstructeur", 1.0), (1, "assistent kok", 1.0)], 2)
    # "rij" is too short a compound part to split "rijinstructeur" off a label.
    assert index.analyse_query("Rij-instructeur (B)").words == ("rijinstructeur", "b")
    # No label writes "assistentkok": the two words stay two.
    assert index.analyse_query("Assistent-kok").words == ("assistent", "kok")
