from typing import Any

import pytest

from matcher.filters import RESTRICTION_EXCLUDES, excluded_demands, unknowns
from matcher.linking import Linker
from matcher.pipeline import rank
from matcher.scales import route
from tests.matcher.conftest import TODAY, make_claimant, make_opportunity


def matched(linker: Linker, claimant: dict[str, Any], opportunity: dict[str, Any]) -> bool:
    results = rank(
        [make_claimant(**claimant)],
        [make_opportunity(**opportunity)],
        today=TODAY,
        top=5,
        linker=linker,
    )
    return bool(results[0].matches)


def test_the_base_pair_is_feasible(linker: Linker) -> None:
    assert matched(linker, {}, {})


@pytest.mark.parametrize(
    ("claimant", "opportunity"),
    [
        ({"max_travel_km": 10}, {"postcode": "3511"}),  # Utrecht is about 25 km from Huizen
        ({"hours_per_week": 16}, {"hours_min": 24}),
        ({"driving_licence": False}, {"requires_driving_licence": True}),
        ({"dutch_level": "A2"}, {"dutch_level": "B1"}),
        ({"restrictions": ["geen_tillen"]}, {"physical_demands": ["tillen"]}),
        ({"restrictions": ["niet_lang_staan"]}, {"physical_demands": ["Staan"]}),
        ({"restrictions": ["geen_nachtdienst"]}, {"physical_demands": ["nachtwerk"]}),
        ({}, {"capacity": 0}),
        ({}, {"closes_on": "2026-11-22"}),
        ({"ladder_step": 2}, {"kind": "vacancy"}),
    ],
)
def test_each_hard_constraint_removes_the_match(
    linker: Linker, claimant: dict[str, Any], opportunity: dict[str, Any]
) -> None:
    assert not matched(linker, claimant, opportunity)


@pytest.mark.parametrize(
    ("claimant", "opportunity"),
    [
        ({"max_travel_km": 30}, {"postcode": "3511"}),
        ({"hours_per_week": 24}, {"hours_min": 24}),
        ({"dutch_level": "C1"}, {"dutch_level": "B1"}),
        ({"restrictions": ["geen_tillen"]}, {"physical_demands": ["staan"]}),
        ({}, {"closes_on": TODAY.isoformat()}),
    ],
)
def test_limits_are_inclusive(
    linker: Linker, claimant: dict[str, Any], opportunity: dict[str, Any]
) -> None:
    assert matched(linker, claimant, opportunity)


@pytest.mark.parametrize(
    ("missing", "opportunity"),
    [
        ("postcode", {}),
        ("max_travel_km", {"postcode": "1251"}),  # Laren, about 7 km: beyond the cautious 5 km
        ("hours_per_week", {"hours_min": 4}),
        ("driving_licence", {"requires_driving_licence": True}),
        ("dutch_level", {"dutch_level": "A1"}),
        ("restrictions", {"physical_demands": ["zitten"]}),
    ],
)
def test_an_unknown_claimant_value_does_not_lift_the_limit(
    linker: Linker, missing: str, opportunity: dict[str, Any]
) -> None:
    claimant = make_claimant(**{missing: None})
    assert missing in unknowns(claimant)
    assert not matched(linker, {missing: None}, opportunity)


def test_restrictions_map_to_demands() -> None:
    assert excluded_demands(["Geen tillen"]) >= {"tillen", "zwaar_tillen"}
    assert excluded_demands(["geen_klantcontact"]) == {"klantcontact"}
    assert excluded_demands(["slechtziend"]) == frozenset()  # not a functional limitation we map
    assert all(
        restriction.startswith(("geen_", "niet_", "beperkt_"))
        for restriction in RESTRICTION_EXCLUDES
    )


@pytest.mark.parametrize(
    ("step", "kinds"),
    [
        (1, {"day_activity"}),
        (2, {"day_activity"}),
        (3, {"coaching", "day_activity", "placement"}),
        (4, {"coaching", "day_activity", "placement"}),
        (5, {"placement", "coaching", "vacancy"}),
        (6, {"vacancy", "placement"}),
    ],
)
def test_routing_per_ladder_step(linker: Linker, step: int, kinds: set[str]) -> None:
    assert set(route(step)) == kinds
    for kind in ("vacancy", "placement", "coaching", "day_activity"):
        assert matched(linker, {"ladder_step": step}, {"kind": kind}) == (kind in kinds)


def test_a_mediator_can_override_the_route(linker: Linker) -> None:
    override = {"ladder_step": 2, "allowed_kinds": ["vacancy"]}
    assert matched(linker, override, {"kind": "vacancy"})
    assert not matched(linker, override, {"kind": "day_activity"})
