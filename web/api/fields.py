"""Request fields declared once (``field("integer", ge=0, le=60)``) and built into pydantic
models, which give both the check and the JSON Schema; their errors are translated back to
our one-line messages. Domain rules (postcodes, ladder steps) are checked afterwards.
"""

from collections.abc import Callable, Mapping
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    PlainValidator,
    ValidationError,
    WithJsonSchema,
    create_model,
)
from pydantic import Field as Constraints
from pydantic_core import PydanticCustomError

from matcher.records import FieldError

MAX_LIST_ITEMS = 50
MAX_ITEM_LENGTH = 200
Declared = tuple[Any, Any]  # (annotation, pydantic FieldInfo), as create_model takes them


class FieldsError(Exception):
    """A request body or query string broke one or more field rules."""

    def __init__(self, errors: list[FieldError], status: int = 422) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors
        self.status = status


def _problem(message: str) -> PydanticCustomError:
    return PydanticCustomError("zow", message)


def _storable(value: str) -> str:
    """Refuse what cannot be stored: NUL, control characters, lone surrogates."""
    for char in value:
        code = ord(char)
        if (code < 32 and char not in "\t\n\r") or 0xD800 <= code <= 0xDFFF:
            raise _problem("contains control characters")
    return value


def _day(value: Any) -> str:
    """Accept an ISO date YYYY-MM-DD and keep it as text."""
    try:
        date.fromisoformat(value if isinstance(value, str) and len(value) == 10 else "")
    except ValueError:
        raise _problem("expected a date YYYY-MM-DD") from None
    return str(value)


def _one_of(choices: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in choices:
            raise _problem(f"expected one of {', '.join(choices)}")
        return value

    return check


def text(**constraints: Any) -> Any:
    """Return the type of storable text; constraints first so the schema shows them."""
    return Annotated[str, Constraints(**constraints), AfterValidator(_storable)]


ITEM = Annotated[str, Constraints(max_length=MAX_ITEM_LENGTH), AfterValidator(_storable)]
DAY = Annotated[str, PlainValidator(_day), WithJsonSchema({"type": "string", "format": "date"})]
_STRICT = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False)


class WorkHistoryItem(BaseModel):
    """One job of a claimant's work history."""

    model_config = _STRICT
    title: ITEM
    years: float | None = Constraints(None, ge=0, le=80)


_TYPES: dict[str, Any] = {
    "string": text,
    "integer": int,
    "number": float,
    "boolean": bool,
    "date": DAY,
    "strings": Annotated[list[ITEM], Constraints(max_length=MAX_LIST_ITEMS)],
    "history": Annotated[list[WorkHistoryItem], Constraints(max_length=MAX_LIST_ITEMS)],
}


def field(
    json_type: str,
    *,
    required: bool = False,
    nullable: bool = True,
    enum: tuple[str, ...] = (),
    description: str | None = None,
    **constraints: Any,
) -> Declared:
    """Declare one JSON field: type, required/nullable, choices and pydantic constraints."""
    kind = _TYPES[json_type]
    annotation = (
        kind(**constraints) if kind is text else Annotated[kind, Constraints(**constraints)]
    )
    if enum:
        schema = {"type": "string", "enum": list(enum)}
        annotation = Annotated[annotation, AfterValidator(_one_of(enum)), WithJsonSchema(schema)]
    if required:
        return annotation, Constraints(description=description)
    if nullable:
        annotation = annotation | None
    return annotation, Constraints(None, description=description)


def body_model(name: str, fields: Mapping[str, Any], **extra: Any) -> type[BaseModel]:
    """Return the pydantic model of a request body made of these fields."""
    config = ConfigDict(**_STRICT, title=name, json_schema_extra=extra or None)
    return create_model(name, __config__=config, **fields)


def _query_bool(raw: Any) -> bool:
    if raw not in ("true", "false"):
        raise _problem("expected true or false")
    return bool(raw == "true")


def _query_int(low: int, high: int) -> Callable[[Any], int]:
    def convert(raw: Any) -> int:
        text = str(raw)
        ok = text.isascii() and text.lstrip("-").isdigit() and len(text) <= 12
        if not ok or not low <= int(text) <= high:
            raise _problem(f"expected a whole number from {low} to {high}")
        return int(text)

    return convert


def query(json_type: str, *, low: int = 0, high: int = 0, **options: Any) -> Declared:
    """Declare a query parameter: a whole number from low to high, true/false, or text."""
    default, description = options.pop("default", None), options.pop("description", None)
    kind: Any
    if json_type == "integer":
        schema = {"type": "integer", "minimum": low, "maximum": high}
        kind = Annotated[int, PlainValidator(_query_int(low, high)), WithJsonSchema(schema)]
    elif json_type == "boolean":
        kind = Annotated[bool, PlainValidator(_query_bool), WithJsonSchema({"type": "boolean"})]
    else:
        return field("string", nullable=False, description=description, **options)
    return kind, Constraints(default, description=description)


def query_model(name: str, fields: Mapping[str, Any]) -> type[BaseModel]:
    """Return the pydantic model of a query string (unknown parameters are ignored)."""
    return create_model(name, __config__=ConfigDict(extra="ignore", title=name), **fields)


MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "unknown field",
    "string_type": "expected text",
    "string_unicode": "contains control characters",
    "string_too_long": "at most {max_length} characters",
    "too_long": "at most {max_length} items",
    "string_pattern_mismatch": "does not match {pattern}",
    "int_type": "expected a whole number",
    "float_type": "expected a number",
    "finite_number": "expected a number",
    "bool_type": "expected true or false",
    "greater_than_equal": "must be at least {ge:g}",
    "less_than_equal": "must be at most {le:g}",
    "list_type": "expected a list",
}
_SHAPE = ("missing", "extra_forbidden", "model_type")


def validate(model: type[BaseModel], data: Any, *, status: int = 422) -> BaseModel:
    """Return the model of the data; raise FieldsError with one message per field."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise FieldsError(field_errors(model, error), status) from None


def field_errors(model: type[BaseModel], error: ValidationError) -> list[FieldError]:
    """Translate pydantic's errors to ours: the first problem of each field, unknown first."""
    found: dict[str, FieldError] = {}
    details = sorted(error.errors(), key=lambda item: item["type"] != "extra_forbidden")
    for detail in details:
        loc = detail["loc"]
        if not loc:
            return [FieldError("body", "expected a JSON object")]
        name = str(loc[0])
        found.setdefault(name, FieldError(name, _message(model, detail)))
    return list(found.values())


def _message(model: type[BaseModel], detail: Any) -> str:
    """Return our text for one pydantic error."""
    loc, kind = detail["loc"], detail["type"]
    text = MESSAGES.get(kind, "").format(**detail.get("ctx", {})) or detail["msg"]
    if len(loc) == 1:
        declared = model.model_fields.get(str(loc[0]))
        if declared and detail["input"] is None and kind != "missing":
            return "is required" if declared.is_required() else "must not be null"
        return text
    # An item of a list; of an object item, a problem in a field other than title names it.
    inner = loc[2:]
    if kind in _SHAPE:
        text = "expected {title, years}"
    elif inner and inner[0] != "title":
        text = f"{inner[0]} {text}"
    return f"item {loc[1]}: {text}"
