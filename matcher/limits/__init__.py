"""The hard limits of the matcher, each described once (see docs/architecture.md).

A ``HardLimit`` names the field on each side, the comparison, what an unknown claimant
value means, the words for every audience, what would change the result, and the form
and API fields. The feasibility check, ``unknowns``, the explanations, "what would
change", the profile's completeness and the forms are all read from ``LIMITS``.
"""

from __future__ import annotations

from matcher.limits.person import PERSON_LIMITS
from matcher.limits.place import PLACE_LIMITS
from matcher.limits.spec import (
    AUDIENCES,
    Audience,
    Ease,
    FieldSpec,
    FormText,
    HardLimit,
    Unknown,
    Wording,
)

# Also the order in which ``unknowns`` names missing claimant values.
LIMITS: tuple[HardLimit, ...] = (*PLACE_LIMITS, *PERSON_LIMITS)

__all__ = [
    "AUDIENCES",
    "LIMITS",
    "Audience",
    "Ease",
    "FieldSpec",
    "FormText",
    "HardLimit",
    "Unknown",
    "Wording",
    "field_spec",
    "unknown_fields",
]


def unknown_fields() -> tuple[Unknown, ...]:
    """Return every claimant value a limit needs, in the order the texts name them."""
    return tuple(unknown for limit in LIMITS for unknown in limit.unknowns)


def field_spec(name: str, side: str) -> FieldSpec:
    """Return the description of one limit field on one side (claimant or opportunity)."""
    for limit in LIMITS:
        for spec in limit.fields:
            if spec.name == name and spec.side == side:
                return spec
    raise KeyError(f"{side}.{name} is not a hard-limit field")
