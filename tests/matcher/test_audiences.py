"""One match, three audiences; and what would change the result, from the hard limits."""

import re

from matcher.audiences import employer_reasons, for_employer, for_mediator
from matcher.explain import TitleEvidence, facts, for_claimant
from matcher.what_if import changes, claimant_sentence, mediator_sentence
from tests.matcher.conftest import TODAY, make_claimant, make_opportunity

FEATURES = {"occupation": 1.0, "title": 1.0, "hours": 0.5, "covenant": 1.0, "preferences": 1.0}


def _facts() -> list:
    claimant = make_claimant(
        hours_per_week=40,
        education_level="mbo2",
        skills=["heftruck rijden"],
        preferences=["magazijn"],
    )
    place = make_opportunity(
        kind="placement",
        hours_min=8,
        hours_max=20,
        education_level="mbo3",
        skills=["heftruck rijden", "scannen"],
    )
    return facts(claimant, place, FEATURES, 4.2, TitleEvidence("orderpicker", desired=False))


def test_claimant_reads_u_and_the_distance() -> None:
    text = " ".join(for_claimant(_facts()))
    assert "U woont 4 km van deze plek." in text
    assert "mbo niveau 3" in text and "mbo3" not in text


def test_mediator_reads_short_notes_with_missing_data() -> None:
    notes = for_mediator(_facts(), ["driving_licence", "dutch_level"])
    assert "Afstand 4.2 km." in notes
    assert "Vraagt mbo niveau 3; heeft mbo niveau 2 (lager)." in notes
    assert notes[-1] == "Ontbreekt in profiel: rijbewijs, taalniveau."
    assert not any(re.search(r"\b(u|uw)\b", note) for note in notes)


def test_employer_reads_third_person_and_never_the_distance() -> None:
    lines = for_employer(_facts())
    text = " ".join(lines)
    assert "Woont binnen reisafstand." in lines
    assert "Heeft 1 van de 2 gevraagde vaardigheden." in lines
    assert not re.search(r"\d+([.,]\d+)? ?km", text)
    assert not re.search(r"\b(u|uw|U)\b", text)
    # wishes, missing skills and the claimant's own words stay out
    assert "magazijn" not in text and "scannen" not in text and "orderpicker" not in text


def test_employer_does_not_hear_of_a_distance_beyond_reach() -> None:
    claimant = make_claimant(max_travel_km=3)
    lines = employer_reasons(claimant, make_opportunity(), distance_km=8.0)
    assert "Woont binnen reisafstand." not in lines
    assert "Kan de uren van deze plek werken." in employer_reasons(
        make_claimant(hours_per_week=32), make_opportunity(hours_max=38), distance_km=1.0
    )


def test_changes_count_places_behind_each_limit() -> None:
    claimant = make_claimant(
        driving_licence=False, max_travel_km=5, hours_per_week=16, dutch_level="A2"
    )
    base = {"hours_min": 8, "hours_max": 20}
    places = [
        make_opportunity(id="fits", **base),
        make_opportunity(id="car1", requires_driving_licence=True, **base),
        make_opportunity(id="car2", requires_driving_licence=True, **base),
        make_opportunity(id="far", postcode="1211", **base),  # Hilversum, about 9 km
        make_opportunity(id="hours", hours_min=24, hours_max=32),
        make_opportunity(id="dutch", dutch_level="B1", **base),
        make_opportunity(id="dutch2", dutch_level="B2", **base),  # two levels up: not counted
    ]
    found = changes(claimant, places, today=TODAY)
    assert [(c.limit, c.more) for c in found] == [
        ("driving_licence", 2),
        ("max_travel_km", 1),
        ("hours_per_week", 1),
        ("dutch_level", 1),
    ]
    assert claimant_sentence(found[0]) == "Met rijbewijs B passen 2 plekken meer."
    assert claimant_sentence(found[1]) == "Als u 15 km wilt reizen: 1 plek meer."
    assert claimant_sentence(found[2]) == "Als u 24 uur per week kunt werken: 1 plek meer."
    assert mediator_sentence(found[3]) == "Taalniveau B1: +1."


def test_no_change_is_proposed_when_nothing_more_would_fit() -> None:
    claimant = make_claimant(driving_licence=True)
    assert changes(claimant, [make_opportunity()], today=TODAY) == []
    assert changes(make_claimant(postcode=None), [make_opportunity()], today=TODAY) == []
