"""The API reads the hard-limit fields from their description: types, bounds, choices."""

import datetime as dt

from matcher.limits.api import api_fields


def test_each_side_lists_its_limit_fields() -> None:
    claimant, opportunity = api_fields("claimant"), api_fields("opportunity")
    assert {"postcode", "max_travel_km", "hours_per_week", "driving_licence"} <= set(claimant)
    assert {"hours_min", "requires_driving_licence", "capacity", "closes_on"} <= set(opportunity)
    assert "hours_min" not in claimant


def test_a_number_field_carries_its_bounds_for_schema_and_pydantic() -> None:
    hours = api_fields("claimant")["hours_per_week"]
    assert hours.python_type is int
    assert hours.schema() == {
        "anyOf": [{"type": "integer", "minimum": 0, "maximum": 60}, {"type": "null"}],
        "description": "Hours a week the claimant can work.",
    }
    assert hours.constraints() == {"ge": 0, "le": 60, "description": hours.description}


def test_the_api_keeps_its_own_wider_bounds_where_it_had_them() -> None:
    assert api_fields("claimant")["max_travel_km"].maximum == 300
    assert api_fields("opportunity")["capacity"].minimum == 0


def test_choices_requiredness_and_dates() -> None:
    opportunity = api_fields("opportunity")
    assert opportunity["kind"].enum == ("vacancy", "placement", "coaching", "day_activity")
    assert opportunity["kind"].required and not opportunity["kind"].nullable
    assert opportunity["requires_driving_licence"].schema()["type"] == "boolean"
    assert opportunity["closes_on"].python_type is dt.date
    assert opportunity["closes_on"].schema()["anyOf"][0] == {"type": "string", "format": "date"}
