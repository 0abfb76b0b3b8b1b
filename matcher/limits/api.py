"""What an API model needs of the hard-limit fields: name, JSON type, bounds, choices, text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from matcher.limits import LIMITS
from matcher.limits.spec import FieldSpec

_PYTHON: dict[str, Any] = {
    "integer": int,
    "number": float,
    "boolean": bool,
    "string": str,
    "strings": list[str],
    "date": dt.date,
}


@dataclass(frozen=True)
class ApiField:
    """One request-body field: a JSON-schema fragment plus what a pydantic model needs."""

    name: str
    json_type: str
    python_type: Any  # int, float, bool, str, list[str] or datetime.date (without None)
    required: bool
    nullable: bool
    description: str
    minimum: float | None = None
    maximum: float | None = None
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    max_length: int | None = None

    def schema(self) -> dict[str, Any]:
        """Return the field as a JSON-schema (OpenAPI 3.1) fragment."""
        items = {"type": "array", "items": {"type": "string"}}
        out: dict[str, Any] = (
            dict(items)
            if self.json_type == "strings"
            else {"type": "string", "format": "date"}
            if self.json_type == "date"
            else {"type": self.json_type}
        )
        bounds = {"minimum": self.minimum, "maximum": self.maximum, "pattern": self.pattern}
        out |= {key: value for key, value in bounds.items() if value is not None}
        if self.max_length is not None:
            out["maxLength"] = self.max_length
        if self.enum:
            out["enum"] = list(self.enum)
        if self.nullable:
            out = {"anyOf": [out, {"type": "null"}]}
        return out | {"description": self.description}

    def constraints(self) -> dict[str, Any]:
        """Return the keyword arguments of ``pydantic.Field`` (ge, le, pattern, max_length)."""
        named = {
            "ge": self.minimum,
            "le": self.maximum,
            "pattern": self.pattern,
            "max_length": self.max_length,
            "description": self.description,
        }
        return {key: value for key, value in named.items() if value is not None}


def api_fields(side: Literal["claimant", "opportunity"]) -> dict[str, ApiField]:
    """Return the hard-limit fields of one side's request body, by field name."""
    return {
        spec.name: _api_field(spec)
        for limit in LIMITS
        for spec in limit.fields
        if spec.side == side
    }


def _api_field(spec: FieldSpec) -> ApiField:
    low, high = spec.api_bounds or (spec.minimum, spec.maximum)
    return ApiField(
        name=spec.name,
        json_type=spec.json_type,
        python_type=_PYTHON[spec.json_type],
        required=spec.required,
        nullable=spec.nullable and not spec.required,
        description=spec.description,
        minimum=low,
        maximum=high,
        enum=spec.choices,
        pattern=spec.pattern,
        max_length=spec.max_length,
    )
