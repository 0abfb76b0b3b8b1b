import itertools

from matcher.explain import TitleEvidence, reasons
from matcher.phrasebook import Phrasebook
from tests.matcher.conftest import make_claimant, make_opportunity

CLAIMANTS = [
    make_claimant(id="c1"),
    make_claimant(id="c2", skills=["kassa", "Heftruck rijden"], hours_per_week=16),
    make_claimant(id="c3", skills=[], hours_per_week=None, education_level=None),
    make_claimant(
        id="c4",
        education_level="hbo",
        preferences=["magazijn", "avond"],
        feedback={"o2": "declined", "o3": "applied"},
    ),
]
OPPORTUNITIES = [
    make_opportunity(id="o1"),
    make_opportunity(
        id="o2", skills=["kassa", "scannen", "koken", "plannen"], hours_min=8, hours_max=16
    ),
    make_opportunity(id="o3", kind="placement", education_level="mbo3", skills=[]),
    make_opportunity(
        id="o4", kind="day_activity", hours_min=None, hours_max=None, education_level="vmbo"
    ),
    make_opportunity(id="o5", kind="coaching", title="Kok", description="Avond in de keuken"),
]
FEATURES = [
    {"occupation": 1.0, "title": 1.0, "hours": 1.0, "covenant": 1.0, "preferences": 0.5},
    {"occupation": 0.5, "title": 0.2, "hours": 0.5, "covenant": 0.0, "preferences": 0.0},
    {"occupation": 0.1, "title": 0.7, "hours": 0.0, "covenant": 0.0, "preferences": -1.0},
    {"occupation": 0.0, "title": 0.0, "hours": 1.0, "covenant": 0.0, "preferences": 1.0},
]
# Around the shown figure's edges: under 1 km, halves rounding both ways, unknown.
DISTANCES = [0.0, 0.99, 1.0, 1.49, 1.5, 2.5, 2.51, 14.5, 40.0, float("nan")]
TITLES = [None, TitleEvidence("orderpicker", True), TitleEvidence("kok", False)]


def test_one_phrasebook_says_what_explain_says_for_every_match() -> None:
    # One phrasebook for all: a key that leaves out what decides a sentence shows here.
    phrases = Phrasebook()
    cases = itertools.product(CLAIMANTS, OPPORTUNITIES, FEATURES, DISTANCES, TITLES)
    for claimant, place, features, km, title in cases:
        expected = reasons(claimant, place, features, km, title)
        assert phrases.reasons(claimant, place, features, km, title) == expected, (
            claimant.id,
            place.id,
            features,
            km,
            title,
        )


def test_a_remembered_sentence_is_not_shared_with_the_caller() -> None:
    phrases = Phrasebook()
    claimant, place = CLAIMANTS[0], OPPORTUNITIES[1]
    first = phrases.reasons(claimant, place, FEATURES[0], 3.0, TITLES[1])
    first.clear()
    assert phrases.reasons(claimant, place, FEATURES[0], 3.0, TITLES[1]) == reasons(
        claimant, place, FEATURES[0], 3.0, TITLES[1]
    )
