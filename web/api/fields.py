"""Typed field specs: one definition gives both the request check and its JSON Schema.

A spec describes the JSON shape (type, bounds, enum, length); domain rules such as
postcodes and ladder steps are checked afterwards by the interchange-format validators.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from matcher.records import FieldError

JsonSchema = dict[str, Any]
MAX_LIST_ITEMS = 50
MAX_ITEM_LENGTH = 200


class FieldsError(Exception):
    """A request body or query string broke one or more field rules."""

    def __init__(self, errors: list[FieldError], status: int = 422) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors
        self.status = status


@dataclass(frozen=True)
class Field:
    """One JSON field: its type and the limits the database can hold."""

    type: str  # string, integer, number, boolean, date, strings, history
    required: bool = False
    nullable: bool = True
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    description: str = ""

    def value_schema(self) -> JsonSchema:
        """Return the JSON Schema of the field's non-null values."""
        return _base_schema(self)

    def schema(self) -> JsonSchema:
        """Return the JSON Schema of the field, null included when it is optional."""
        schema = _base_schema(self)
        if self.nullable and not self.required:
            schema = {"anyOf": [schema, {"type": "null"}]}
        if self.description:
            schema["description"] = self.description
        return schema


def _base_schema(spec: Field) -> JsonSchema:
    """Return the JSON Schema of a field's non-null values."""
    text: JsonSchema = {"type": "string", "maxLength": MAX_ITEM_LENGTH}
    by_type: dict[str, JsonSchema] = {
        "string": {"type": "string"},
        "integer": {"type": "integer"},
        "number": {"type": "number"},
        "boolean": {"type": "boolean"},
        "date": {"type": "string", "format": "date"},
        "strings": {"type": "array", "items": text, "maxItems": MAX_LIST_ITEMS},
        "history": {
            "type": "array",
            "maxItems": MAX_LIST_ITEMS,
            "items": {
                "type": "object",
                "required": ["title"],
                "additionalProperties": False,
                "properties": {
                    "title": text,
                    "years": {"type": "number", "minimum": 0, "maximum": 80},
                },
            },
        },
    }
    schema = dict(by_type[spec.type])
    if spec.max_length is not None:
        schema["maxLength"] = spec.max_length
    if spec.minimum is not None:
        schema["minimum"] = spec.minimum
    if spec.maximum is not None:
        schema["maximum"] = spec.maximum
    if spec.enum is not None:
        schema["enum"] = list(spec.enum)
    if spec.pattern is not None:
        schema["pattern"] = spec.pattern
    return schema


def object_schema(fields: Mapping[str, Field]) -> JsonSchema:
    """Return the JSON Schema of a request body made of these fields."""
    required = [name for name, spec in fields.items() if spec.required]
    schema: JsonSchema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {name: spec.schema() for name, spec in fields.items()},
    }
    if required:
        schema["required"] = required
    return schema


def check_body(body: Any, fields: Mapping[str, Field], *, partial: bool = False) -> dict[str, Any]:
    """Return the body's fields after checking their JSON types; raise FieldsError."""
    if not isinstance(body, dict):
        raise FieldsError([FieldError("body", "expected a JSON object")])
    errors = [FieldError(str(name), "unknown field") for name in body if name not in fields]
    for name, spec in fields.items():
        if name not in body or body[name] is None:
            if spec.required and not partial:
                errors.append(FieldError(name, "is required"))
            elif name in body and not spec.nullable:
                errors.append(FieldError(name, "must not be null"))
            continue
        problem = check_value(body[name], spec)
        if problem:
            errors.append(FieldError(name, problem))
    if errors:
        raise FieldsError(errors)
    return {name: value for name, value in body.items() if name in fields}


def check_value(value: Any, spec: Field) -> str | None:
    """Return what is wrong with one non-null value, or None."""
    if spec.type == "strings":
        return _check_list(value, lambda item: _check_text(item, MAX_ITEM_LENGTH))
    if spec.type == "history":
        return _check_list(value, _check_history_item)
    if spec.type == "date":
        return _check_date(value)
    if spec.type == "boolean":
        return None if isinstance(value, bool) else "expected true or false"
    if spec.type in ("integer", "number"):
        return _check_number(value, spec)
    problem = _check_text(value, spec.max_length)
    if problem is None and spec.enum is not None and value not in spec.enum:
        return f"expected one of {', '.join(spec.enum)}"
    if problem is None and spec.pattern is not None and not re.search(spec.pattern, value):
        return f"does not match {spec.pattern}"
    return problem


def _check_text(value: Any, max_length: int | None) -> str | None:
    if not isinstance(value, str):
        return "expected text"
    if max_length is not None and len(value) > max_length:
        return f"at most {max_length} characters"
    if any(_unstorable(char) for char in value):
        return "contains control characters"
    return None


def _unstorable(char: str) -> bool:
    """Tell whether a character cannot be stored (NUL, control, lone surrogate)."""
    code = ord(char)
    return (code < 32 and char not in "\t\n\r") or 0xD800 <= code <= 0xDFFF


def _check_number(value: Any, spec: Field) -> str | None:
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if not is_number or (spec.type == "integer" and not isinstance(value, int)):
        return "expected a whole number" if spec.type == "integer" else "expected a number"
    if value != value or (spec.minimum is not None and value < spec.minimum):
        return f"must be at least {spec.minimum:g}"
    if spec.maximum is not None and value > spec.maximum:
        return f"must be at most {spec.maximum:g}"
    return None


def _check_date(value: Any) -> str | None:
    try:
        date.fromisoformat(value if isinstance(value, str) and len(value) == 10 else "")
    except ValueError:
        return "expected a date YYYY-MM-DD"
    return None


def _check_list(value: Any, check_item: Any) -> str | None:
    if not isinstance(value, list):
        return "expected a list"
    if len(value) > MAX_LIST_ITEMS:
        return f"at most {MAX_LIST_ITEMS} items"
    for position, item in enumerate(value):
        problem = check_item(item)
        if problem:
            return f"item {position}: {problem}"
    return None


def _check_history_item(item: Any) -> str | None:
    if not isinstance(item, dict) or set(item) - {"title", "years"} or "title" not in item:
        return "expected {title, years}"
    years = item.get("years")
    if years is not None:
        problem = _check_number(years, Field("number", minimum=0, maximum=80))
        if problem:
            return f"years {problem}"
    return _check_text(item["title"], MAX_ITEM_LENGTH)
