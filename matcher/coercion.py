"""Turn loosely typed field values from JSON Lines or CSV into typed values.

Each function raises ValueError with a message fit for a person fixing the file.
CSV cells are strings: lists are separated by ';', work history is "title:years;...".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

_TRUE = {"true", "1", "ja", "yes", "j", "y", "waar"}
_FALSE = {"false", "0", "nee", "no", "n", "onwaar"}


def is_blank(value: Any) -> bool:
    """Tell whether a value means "not given" (absent, null or an empty cell)."""
    return value is None or (isinstance(value, str) and not value.strip())


def to_bool(value: Any) -> bool:
    """Return a boolean from a bool or a yes/no word."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError(f"expected true or false, got {value!r}")


def to_float(value: Any, *, minimum: float = 0.0) -> float:
    """Return a non-negative number from a number or numeric text (decimal comma allowed)."""
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {value!r}")
    try:
        number = float(value.replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise ValueError(f"expected a number, got {value!r}") from None
    if number != number or number < minimum:  # NaN compares unequal to itself
        raise ValueError(f"expected a number >= {minimum:g}, got {value!r}")
    return number


def to_int(value: Any, *, minimum: int = 0, maximum: int | None = None) -> int:
    """Return a whole number within bounds."""
    number = to_float(value, minimum=minimum)
    if number != int(number) or (maximum is not None and number > maximum):
        bounds = f"{minimum}-{maximum}" if maximum is not None else f">= {minimum}"
        raise ValueError(f"expected a whole number {bounds}, got {value!r}")
    return int(number)


def to_text(value: Any) -> str:
    """Return stripped text."""
    if isinstance(value, (dict, list)):
        raise ValueError(f"expected text, got {type(value).__name__}")
    return str(value).strip()


def to_list(value: Any) -> tuple[str, ...]:
    """Return a tuple of non-empty strings from a list or a ';'-separated cell."""
    if isinstance(value, str):
        items: list[Any] = value.split(";")
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise ValueError(f"expected a list or text separated by ';', got {value!r}")
    return tuple(text for text in (to_text(item) for item in items) if text)


def to_date(value: Any) -> dt.date:
    """Return a date from an ISO text (YYYY-MM-DD)."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(to_text(value)[:10])
    except ValueError:
        raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}") from None


def to_history(value: Any) -> tuple[tuple[str, float], ...]:
    """Return (title, years) pairs from [{title, years}] or "title:years;..."."""
    if isinstance(value, str):
        value = [_history_cell(part) for part in value.split(";") if part.strip()]
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"expected a list of {{title, years}}, got {value!r}")
    return tuple(_history_item(item) for item in value)


def to_feedback(value: Any) -> dict[str, str]:
    """Return opportunity id -> outcome from a mapping or "id:outcome;..."."""
    if isinstance(value, str):
        pairs = [part.split(":", 1) for part in value.split(";") if part.strip()]
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError(f"expected id:outcome separated by ';', got {value!r}")
        value = {key: outcome for key, outcome in pairs}
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping of opportunity id to outcome, got {value!r}")
    return {to_text(key): to_text(outcome).lower() for key, outcome in value.items()}


def _history_cell(part: str) -> dict[str, str]:
    title, _sep, years = part.rpartition(":")
    return {"title": title, "years": years} if title else {"title": years, "years": ""}


def _history_item(item: Any) -> tuple[str, float]:
    if not isinstance(item, dict) or is_blank(item.get("title")):
        raise ValueError(f"each work-history entry needs a title, got {item!r}")
    years = item.get("years")
    return to_text(item["title"]), 0.0 if is_blank(years) else to_float(years)
