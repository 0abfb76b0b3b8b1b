"""Pydantic's errors come back as our one-line messages, one per field, unknown fields first."""

from typing import Any

import pytest

from web.api.fields import FieldsError, body_model, field, validate

BODY = body_model(
    "Body",
    {
        "name": field("string", required=True, max_length=5, pattern=r"\S"),
        "hours": field("integer", ge=0, le=60),
        "km": field("number", ge=0, le=300),
        "flag": field("boolean", nullable=False),
        "level": field("string", enum=("A1", "B1")),
        "on": field("date"),
        "tags": field("strings"),
        "history": field("history"),
    },
)


def problems(data: object) -> list[tuple[str, str]]:
    """Return (field, message) of each error the body gives."""
    with pytest.raises(FieldsError) as caught:
        validate(BODY, data)
    assert caught.value.status == 422
    return [(error.field, error.message) for error in caught.value.errors]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": "zeskar"}, "at most 5 characters"),
        ({"name": "  "}, "does not match \\S"),
        ({"name": "a\x00"}, "contains control characters"),
        ({"name": "a\ud800"}, "contains control characters"),
        ({"name": None}, "is required"),
        ({"name": 5}, "expected text"),
        ({"hours": 4.0}, "expected a whole number"),
        ({"hours": True}, "expected a whole number"),
        ({"hours": 61}, "must be at most 60"),
        ({"km": -1}, "must be at least 0"),
        ({"km": "3"}, "expected a number"),
        ({"flag": None}, "must not be null"),
        ({"flag": "true"}, "expected true or false"),
        ({"level": "C9"}, "expected one of A1, B1"),
        ({"on": "2026-1-1"}, "expected a date YYYY-MM-DD"),
        ({"tags": "lassen"}, "expected a list"),
        ({"tags": ["a"] * 51}, "at most 50 items"),
        ({"tags": ["a", 5]}, "item 1: expected text"),
        ({"history": [{"years": 2}]}, "item 0: expected {title, years}"),
        ({"history": [{"title": "t", "years": -1}]}, "item 0: years must be at least 0"),
        ({"history": [{"title": "t", "boss": "x"}]}, "item 0: expected {title, years}"),
    ],
)
def test_each_problem_keeps_its_message(change: dict[str, Any], message: str) -> None:
    [(name, text)] = problems({"name": "Anouk"} | change)
    assert (name, text) == (next(iter(change)), message)


def test_unknown_fields_come_first_and_each_field_once() -> None:
    found = problems({"colour": "blauw", "tags": [1, 2], "hours": -5})
    assert found == [
        ("colour", "unknown field"),
        ("name", "is required"),
        ("hours", "must be at least 0"),
        ("tags", "item 0: expected text"),
    ]


def test_a_body_that_is_not_an_object_is_named_body() -> None:
    assert problems([1, 2]) == [("body", "expected a JSON object")]


def test_only_the_sent_fields_come_back_and_dates_stay_text() -> None:
    sent = {"name": "Anouk", "on": "2026-12-01", "level": None, "history": [{"title": "t"}]}
    assert validate(BODY, sent).model_dump(exclude_unset=True) == sent
