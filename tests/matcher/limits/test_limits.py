"""The description of each hard limit and what the matcher does must not drift apart."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import numpy as np
import pytest

from matcher.audiences import MISSING_NAMES, kept_out
from matcher.explain import UNKNOWN_SENTENCES
from matcher.filters import (
    SIFTS,
    OpportunityTable,
    feasible_except_distance,
    refused_by,
    unknowns,
)
from matcher.geo import Gazetteer
from matcher.limits import AUDIENCES, LIMITS, HardLimit, unknown_fields
from matcher.records import CLAIMANT_FIELDS, OPPORTUNITY_FIELDS, ClaimantProfile, OpportunityRecord
from matcher.what_if import EASES, Change, claimant_sentence, mediator_sentence
from models import Claimant, Opportunity
from tests.matcher.conftest import TODAY, make_claimant, make_opportunity

# Per limit: a change to the base pair (claimant, opportunity) that only that limit refuses.
# A new limit needs a witness here, or test_every_limit_has_a_witness fails.
WITNESSES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "route": ({"ladder_step": 2}, {"kind": "vacancy"}),
    "distance": ({"max_travel_km": 10}, {"postcode": "3511"}),
    "hours": ({"hours_per_week": 16}, {"hours_min": 24}),
    "licence": ({"driving_licence": False}, {"requires_driving_licence": True}),
    "dutch": ({"dutch_level": "A2"}, {"dutch_level": "B1"}),
    "demands": ({"restrictions": ["geen_tillen"]}, {"physical_demands": ["tillen"]}),
    "open": ({}, {"capacity": 0}),
}
# allowed_kinds None means "route by ladder step", not "unknown".
NOT_UNKNOWN = {"allowed_kinds"}


def _feasible(claimant: ClaimantProfile, opportunity: OpportunityRecord) -> bool:
    table = OpportunityTable.build([opportunity], Gazetteer.default(), TODAY)
    return bool(feasible_except_distance([claimant], table)[0, 0])


def test_every_limit_has_a_witness() -> None:
    assert set(WITNESSES) == {limit.name for limit in LIMITS}


@pytest.mark.parametrize("limit", LIMITS, ids=lambda limit: limit.name)
def test_a_witness_touches_only_the_fields_its_limit_names(limit: HardLimit) -> None:
    claimant, opportunity = WITNESSES[limit.name]
    assert set(claimant) <= set(limit.claimant_fields)
    assert set(opportunity) <= set(limit.opportunity_fields)


@pytest.mark.parametrize("limit", SIFTS, ids=lambda limit: limit.name)
def test_the_feasibility_matrix_applies_every_profile_limit(limit: HardLimit) -> None:
    claimant, opportunity = WITNESSES[limit.name]
    assert _feasible(make_claimant(), make_opportunity())
    assert not _feasible(make_claimant(**claimant), make_opportunity(**opportunity))


@pytest.mark.parametrize("limit", LIMITS, ids=lambda limit: limit.name)
def test_each_witness_is_refused_by_its_own_limit_alone(limit: HardLimit) -> None:
    claimant, opportunity = WITNESSES[limit.name]
    pair = make_claimant(**claimant), make_opportunity(**opportunity)
    assert refused_by(*pair, Gazetteer.default(), TODAY) == [limit.name]
    assert kept_out([limit.name], "employer") == [limit.kept_out.employer]


def test_a_fitting_pair_is_refused_by_nothing_and_an_unknown_postcode_by_distance() -> None:
    gazetteer = Gazetteer.default()
    assert refused_by(make_claimant(), make_opportunity(), gazetteer, TODAY) == []
    lost = make_claimant(postcode=None)
    assert refused_by(lost, make_opportunity(), gazetteer, TODAY) == ["distance"]


def test_only_travel_distance_is_left_to_geography() -> None:
    assert [limit.name for limit in LIMITS if limit not in SIFTS] == ["distance"]
    assert all(limit.admits is not None for limit in SIFTS)


def test_profiles_are_shared_and_columns_named_by_limit() -> None:
    records = [make_opportunity(id=str(i)) for i in range(3)] + [make_opportunity(hours_min=4)]
    table = OpportunityTable.build(records, Gazetteer.default(), TODAY)
    assert table.profiles == 2
    assert set(table.requirements) == {limit.name for limit in SIFTS}
    assert list(table.requirements["hours"]) == [24.0, 4.0]
    assert np.array_equal(table.profile, [0, 0, 0, 1])


def test_the_limits_name_fields_of_the_records() -> None:
    claimant = {f.name for f in dataclasses.fields(ClaimantProfile)}
    opportunity = {f.name for f in dataclasses.fields(OpportunityRecord)}
    for limit in LIMITS:
        assert set(limit.claimant_fields) <= claimant & set(CLAIMANT_FIELDS), limit.name
        assert set(limit.opportunity_fields) <= opportunity & set(OPPORTUNITY_FIELDS), limit.name
        for spec in limit.fields:
            fields = limit.claimant_fields if spec.side == "claimant" else limit.opportunity_fields
            assert spec.name in fields, (limit.name, spec.name)


def test_every_optional_claimant_field_of_a_limit_is_named_by_unknowns() -> None:
    defaults = {f.name: f.default for f in dataclasses.fields(ClaimantProfile)}
    for limit in LIMITS:
        optional = {f for f in limit.claimant_fields if defaults[f] is None} - NOT_UNKNOWN
        assert optional == {u.field for u in limit.unknowns}, limit.name
        for field in optional:
            assert field in unknowns(make_claimant(**{field: None}))


def test_a_complete_claimant_has_no_unknowns() -> None:
    assert unknowns(make_claimant()) == []


def test_every_unknown_has_words_for_the_claimant_and_the_mediator() -> None:
    for unknown in unknown_fields():
        assert UNKNOWN_SENTENCES[unknown.field].startswith("We weten ")
        assert MISSING_NAMES[unknown.field]
        assert unknown.completeness in {"required", "recommended", "none"}


@pytest.mark.parametrize("limit", LIMITS, ids=lambda limit: limit.name)
def test_every_limit_has_words_for_every_audience(limit: HardLimit) -> None:
    for audience in AUDIENCES:
        assert limit.kept_out.to(audience).endswith(".")
    assert re.search(r"\b[Uu]w?\b", limit.kept_out.claimant)
    employer = limit.kept_out.employer
    # The employer never reads a distance, a number or the claimant addressed as "u".
    assert not re.search(r"\d|\bkm\b|\b[Uu]\b", employer), employer


def test_every_ease_eases_a_claimant_field_of_its_limit() -> None:
    for limit in LIMITS:
        if limit.ease is not None:
            assert limit.ease.field in limit.claimant_fields, limit.name


def test_every_ease_has_sentences_for_the_claimant_and_the_mediator() -> None:
    assert set(EASES) == {"driving_licence", "max_travel_km", "hours_per_week", "dutch_level"}
    for name in EASES:
        change = Change(name, 2, "X")
        assert "2 plekken" in claimant_sentence(change) and "X" in claimant_sentence(change)
        assert mediator_sentence(change).endswith(": +2.")


@pytest.mark.parametrize(("table", "side"), [(Claimant, "claimant"), (Opportunity, "opportunity")])
def test_the_database_bounds_equal_the_described_ones(table: Any, side: str) -> None:
    specs = {s.name: s for limit in LIMITS for s in limit.fields if s.side == side}
    checked = 0
    for constraint in table.__table__.constraints:
        text = str(getattr(constraint, "sqltext", ""))
        found = re.search(r"(\w+) BETWEEN (\d+) AND (\d+)", text)
        if found and found[1] in specs:
            assert specs[found[1]].bounds() == (int(found[2]), int(found[3])), text
            checked += 1
    assert checked or side == "opportunity"
