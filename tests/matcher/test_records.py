import datetime as dt
from typing import Any

import pytest

from matcher.records import (
    ClaimantProfile,
    FieldError,
    OpportunityRecord,
    WorkExperience,
    claimant_from_dict,
    opportunity_from_dict,
)
from matcher.scales import dutch_rank, education_rank

CLAIMANT: dict[str, Any] = {"id": "c1", "ladder_step": 5, "postcode": "1271 AB"}
OPPORTUNITY: dict[str, Any] = {
    "id": "o1",
    "kind": "vacancy",
    "title": "Kok",
    "postcode": "1271",
    "capacity": 2,
}


def fields_of(result: object) -> set[str]:
    assert isinstance(result, list), result
    assert all(isinstance(error, FieldError) for error in result)
    return {error.field for error in result}


def test_claimant_from_json_values() -> None:
    result = claimant_from_dict(
        {
            **CLAIMANT,
            "max_travel_km": 12.5,
            "driving_licence": False,
            "work_history": [{"title": "kok", "years": 2}],
            "dutch_level": "b1",
            "education_level": "havo/vwo",
            "restrictions": ["geen_tillen"],
            "age": 54,
            "gender": "v",
        }
    )
    assert isinstance(result, ClaimantProfile)
    assert result.postcode == "1271" and result.max_travel_km == 12.5
    assert result.work_history == (WorkExperience("kok", 2.0),)
    assert result.dutch_level == "B1" and result.education_level == "havo_vwo"
    assert result.extra == {"age": 54, "gender": "v"}


def test_claimant_from_csv_cells() -> None:
    row = {
        **{k: str(v) for k, v in CLAIMANT.items()},
        "driving_licence": "ja",
        "hours_per_week": "24,5",
        "skills": "koken; hygiëne ;",
        "work_history": "kok:2;afwasser:0,5",
        "restrictions": "",
        "feedback": "o1:interested;o2:declined",
        "allowed_kinds": "coaching;placement",
    }
    result = claimant_from_dict(row)
    assert isinstance(result, ClaimantProfile)
    assert result.driving_licence is True and result.hours_per_week == 24.5
    assert result.skills == ("koken", "hygiëne")
    assert [job.title for job in result.work_history] == ["kok", "afwasser"]
    assert result.work_history[1].years == 0.5
    assert result.restrictions == ()  # an empty cell records "none"
    assert result.feedback == {"o1": "interested", "o2": "declined"}
    assert result.allowed_kinds == ("coaching", "placement")


def test_missing_claimant_values_stay_unknown() -> None:
    result = claimant_from_dict(CLAIMANT)
    assert isinstance(result, ClaimantProfile)
    assert result.driving_licence is None and result.restrictions is None
    assert result.max_travel_km is None and result.hours_per_week is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ladder_step", 7),
        ("ladder_step", "twee"),
        ("postcode", "12345"),
        ("max_travel_km", -1),
        ("driving_licence", "misschien"),
        ("dutch_level", "D1"),
        ("education_level", "master"),
        ("work_history", "  :3"),
        ("allowed_kinds", "vacancy;stage"),
    ],
)
def test_claimant_errors_name_the_field(field: str, value: object) -> None:
    assert fields_of(claimant_from_dict({**CLAIMANT, field: value})) == {field}


def test_required_fields_are_reported_together() -> None:
    assert fields_of(claimant_from_dict({"notes": "x"})) == {"id", "ladder_step"}
    assert fields_of(opportunity_from_dict({})) == {"id", "kind", "title", "postcode", "capacity"}


def test_opportunity_from_dict() -> None:
    result = opportunity_from_dict(
        {**OPPORTUNITY, "closes_on": "2026-12-01", "physical_demands": "tillen;staan", "x": 1}
    )
    assert isinstance(result, OpportunityRecord)
    assert result.closes_on == dt.date(2026, 12, 1)
    assert result.physical_demands == ("tillen", "staan")
    assert result.requires_driving_licence is False and result.extra == {"x": 1}


@pytest.mark.parametrize(
    ("field", "value"),
    [("kind", "internship"), ("capacity", 1.5), ("closes_on", "1 december"), ("hours_max", 1)],
)
def test_opportunity_errors_name_the_field(field: str, value: object) -> None:
    data = {**OPPORTUNITY, "hours_min": 8, field: value}
    assert fields_of(opportunity_from_dict(data)) == {field}


def test_scales_are_ordered() -> None:
    assert dutch_rank("A1") < dutch_rank("A2") < dutch_rank("B1") < dutch_rank("C2")
    levels = ["geen", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo/vwo", "hbo", "wo"]
    assert [education_rank(level) for level in levels] == list(range(9))
