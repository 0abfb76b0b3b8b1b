"""Claimant profiles and opportunities in the interchange format (docs/design.md).

``claimant_from_dict`` and ``opportunity_from_dict`` validate one JSON object or CSV row
and return the record or the list of field errors. Fields outside the format are kept
in ``extra`` and never read by the matcher: that is where protected attributes (age,
gender, nationality, origin, health) end up, so they can never become features.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from matcher import coercion as co
from matcher.geo import parse_postcode
from matcher.scales import OPPORTUNITY_KINDS, normalise_dutch, normalise_education


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of one record."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass(frozen=True)
class WorkExperience:
    """A job held before, most recent first in a history."""

    title: str
    years: float


@dataclass(frozen=True)
class ClaimantProfile:
    """A claimant as the matcher sees them; None means "not known"."""

    id: str
    ladder_step: int
    postcode: str | None = None
    max_travel_km: float | None = None
    hours_per_week: float | None = None
    driving_licence: bool | None = None
    desired_occupations: tuple[str, ...] = ()
    work_history: tuple[WorkExperience, ...] = ()
    skills: tuple[str, ...] = ()
    education_level: str | None = None
    dutch_level: str | None = None
    # None: restrictions were never recorded; (): recorded that there are none.
    restrictions: tuple[str, ...] | None = None
    notes: str = ""
    preferences: tuple[str, ...] = ()
    feedback: Mapping[str, str] = field(default_factory=dict)
    allowed_kinds: tuple[str, ...] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OpportunityRecord:
    """A vacancy, placement, coaching slot or day-activity place."""

    id: str
    kind: str
    title: str
    postcode: str
    capacity: int
    description: str = ""
    employer: str = ""
    hours_min: float = 0.0
    hours_max: float | None = None
    requires_driving_licence: bool = False
    education_level: str | None = None
    dutch_level: str | None = None
    physical_demands: tuple[str, ...] = ()
    closes_on: dt.date | None = None
    skills: tuple[str, ...] = ()
    esco_occupation: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


Parser = Callable[[Any], Any]


def _kind(value: Any) -> str:
    kind = co.to_text(value).lower()
    if kind not in OPPORTUNITY_KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(OPPORTUNITY_KINDS)}")
    return kind


def _kinds(value: Any) -> tuple[str, ...]:
    return tuple(_kind(item) for item in co.to_list(value))


def _postcode(value: Any) -> str:
    return parse_postcode(co.to_text(value))


def _ladder(value: Any) -> int:
    return co.to_int(value, minimum=1, maximum=6)


CLAIMANT_FIELDS: dict[str, tuple[Parser, bool]] = {
    # name: (parser, required)
    "id": (co.to_text, True),
    "ladder_step": (_ladder, True),
    "postcode": (_postcode, False),
    "max_travel_km": (co.to_float, False),
    "hours_per_week": (co.to_float, False),
    "driving_licence": (co.to_bool, False),
    "desired_occupations": (co.to_list, False),
    "work_history": (co.to_history, False),
    "skills": (co.to_list, False),
    "education_level": (normalise_education, False),
    "dutch_level": (normalise_dutch, False),
    "restrictions": (co.to_list, False),
    "notes": (co.to_text, False),
    "preferences": (co.to_list, False),
    "feedback": (co.to_feedback, False),
    "allowed_kinds": (_kinds, False),
}

OPPORTUNITY_FIELDS: dict[str, tuple[Parser, bool]] = {
    "id": (co.to_text, True),
    "kind": (_kind, True),
    "title": (co.to_text, True),
    "postcode": (_postcode, True),
    "capacity": (co.to_int, True),
    "description": (co.to_text, False),
    "employer": (co.to_text, False),
    "hours_min": (co.to_float, False),
    "hours_max": (co.to_float, False),
    "requires_driving_licence": (co.to_bool, False),
    "education_level": (normalise_education, False),
    "dutch_level": (normalise_dutch, False),
    "physical_demands": (co.to_list, False),
    "closes_on": (co.to_date, False),
    "skills": (co.to_list, False),
    "esco_occupation": (co.to_text, False),
}

# List fields where an empty CSV cell means "an empty list", not "unknown".
_LIST_FIELDS = {"desired_occupations", "work_history", "skills", "restrictions", "preferences"}


def claimant_from_dict(data: Mapping[str, Any]) -> ClaimantProfile | list[FieldError]:
    """Validate one claimant; return the profile or the errors, each naming its field."""
    values, errors = _parse(data, CLAIMANT_FIELDS)
    if errors:
        return errors
    if "work_history" in values:
        values["work_history"] = tuple(WorkExperience(t, y) for t, y in values["work_history"])
    return ClaimantProfile(**values, extra=_extra(data, CLAIMANT_FIELDS))


def opportunity_from_dict(data: Mapping[str, Any]) -> OpportunityRecord | list[FieldError]:
    """Validate one opportunity; return the record or the errors, each naming its field."""
    values, errors = _parse(data, OPPORTUNITY_FIELDS)
    hours_max = values.get("hours_max")
    if not errors and hours_max is not None and hours_max < values.get("hours_min", 0.0):
        errors.append(FieldError("hours_max", "must not be below hours_min"))
    if errors:
        return errors
    return OpportunityRecord(**values, extra=_extra(data, OPPORTUNITY_FIELDS))


def _parse(
    data: Mapping[str, Any], spec: dict[str, tuple[Parser, bool]]
) -> tuple[dict[str, Any], list[FieldError]]:
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, (parser, required) in spec.items():
        raw = data.get(name)
        if co.is_blank(raw):
            if required:
                errors.append(FieldError(name, "is required"))
            elif name in _LIST_FIELDS and isinstance(raw, str):
                values[name] = ()
            continue
        try:
            values[name] = parser(raw)
        except ValueError as error:
            errors.append(FieldError(name, str(error)))
    return values, errors


def _extra(data: Mapping[str, Any], spec: dict[str, tuple[Parser, bool]]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in spec}
