"""Query-string parameters: paging and filters, checked like body fields (400 on error)."""

from collections.abc import Mapping
from typing import Any

from matcher.records import FieldError
from web.api.fields import Field, FieldsError
from web.api.services.paging import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET
from web.api.specs import MAX_ID

PAGING: dict[str, Field] = {
    "limit": Field("integer", minimum=1, maximum=MAX_LIMIT, description="Rows per page."),
    "offset": Field("integer", minimum=0, maximum=MAX_OFFSET, description="Rows to skip."),
}


def parse_query(args: Mapping[str, str], spec: Mapping[str, Field]) -> dict[str, Any]:
    """Return the known parameters of a query string, typed; raise FieldsError (400)."""
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, field in spec.items():
        raw = args.get(name)
        if raw is None:
            continue
        try:
            values[name] = _convert(raw, field)
        except ValueError as error:
            errors.append(FieldError(name, str(error)))
    if errors:
        raise FieldsError(errors, status=400)
    return values


def page_args(args: Mapping[str, str]) -> tuple[int, int]:
    """Return (limit, offset) from the query string."""
    values = parse_query(args, PAGING)
    return values.get("limit", DEFAULT_LIMIT), values.get("offset", 0)


def _convert(raw: str, field: Field) -> Any:
    """Convert one query-string value to the field's type."""
    if field.type == "boolean":
        if raw not in ("true", "false"):
            raise ValueError("expected true or false")
        return raw == "true"
    if field.type == "integer":
        if not raw.isascii() or not raw.lstrip("-").isdigit() or len(raw) > 12:
            raise ValueError("expected a whole number")
        number = int(raw)
        low = field.minimum if field.minimum is not None else -MAX_ID
        high = field.maximum if field.maximum is not None else MAX_ID
        if not low <= number <= high:
            raise ValueError(f"expected a whole number from {low:g} to {high:g}")
        return number
    if field.enum is not None and raw not in field.enum:
        raise ValueError(f"expected one of {', '.join(field.enum)}")
    return raw
