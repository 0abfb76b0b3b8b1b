import re

from matcher.explain import (
    UNKNOWN_SENTENCES,
    TitleEvidence,
    advice,
    for_claimant,
    preference_facts,
    reasons,
    unknown_reasons,
)
from matcher.linking import Linker, NullLinker
from matcher.pipeline import rank
from tests.matcher.conftest import TODAY, make_claimant, make_opportunity

ENGLISH = re.compile(r"\b(you|your|the|distance|skills|match)\b", re.IGNORECASE)


def test_every_match_has_dutch_reasons_addressed_with_u(linker: Linker) -> None:
    claimants = [make_claimant(id=f"c{i}", max_travel_km=km) for i, km in enumerate([5, 20, None])]
    places = [
        make_opportunity(id="o1"),
        make_opportunity(id="o2", kind="placement", title="Magazijnmedewerker", postcode="1261"),
        make_opportunity(id="o3", title="Kok", postcode="1251", education_level="mbo4"),
    ]
    for result in rank(claimants, places, today=TODAY, top=5, linker=linker):
        assert result.matches
        for match in result.matches:
            assert match.reasons
            text = " ".join(match.reasons)
            assert re.search(r"\b(u|uw)\b", text), text
            assert not ENGLISH.search(text), text


def test_reasons_per_feature() -> None:
    claimant = make_claimant(hours_per_week=40, education_level="mbo2", skills=["heftruck rijden"])
    place = make_opportunity(
        kind="placement",
        hours_min=8,
        hours_max=20,
        education_level="mbo3",
        skills=["heftruck rijden", "scannen"],
    )
    features = {"occupation": 1.0, "title": 1.0, "hours": 0.5, "covenant": 1.0}
    out = reasons(claimant, place, features, 4.2, TitleEvidence("orderpicker", desired=False))
    assert out[:2] == ["Dit past bij uw ervaring als orderpicker.", "U woont 4 km van deze plek."]
    assert "U heeft 1 van de 2 gevraagde vaardigheden: heftruck rijden." in out
    assert "Als u ook dit kunt, past de plek beter: scannen." in out
    assert "Deze plek heeft minder uren (20 per week) dan u wilt (40)." in out
    assert (
        "Deze plek vraagt opleiding mbo niveau 3. Met die opleiding past de plek beter bij u."
        in out
    )
    assert "Dit is een plek bij een convenantwerkgever." in out


def test_unknowns_are_said() -> None:
    assert unknown_reasons(["driving_licence"]) == [UNKNOWN_SENTENCES["driving_licence"]]
    assert UNKNOWN_SENTENCES["driving_licence"].startswith("We weten niet of u een rijbewijs heeft")
    claimant = make_claimant(driving_licence=None)
    result = rank([claimant], [make_opportunity()], today=TODAY, top=1, linker=_null())[0]
    assert UNKNOWN_SENTENCES["driving_licence"] in result.matches[0].reasons
    assert UNKNOWN_SENTENCES["driving_licence"] in result.advice


def test_advice_when_nothing_fits() -> None:
    lines = advice(make_claimant(max_travel_km=10), matches=0, further=3, extra_km=10)
    assert lines == [
        "Er zijn nu geen plekken die bij u passen. Uw werkcoach kijkt met u verder.",
        "Als u 20 km wilt reizen, komen er 3 plekken bij.",
    ]


def _null() -> Linker:
    return NullLinker()


def test_a_wish_given_twice_is_named_once() -> None:
    # Wishes are typed in by people: repeats, other capitals, one that the place misses.
    claimant = make_claimant(preferences=["bakkerij", "Avond", "bakkerij", "avond", "haven"])
    place = make_opportunity(employer="Bakkerij Jansen", description="Werken in de avond")
    said = for_claimant(preference_facts(claimant, place, {"preferences": 0.6}))
    assert said == ["Dit past bij wat u zoekt: bakkerij, Avond."]
