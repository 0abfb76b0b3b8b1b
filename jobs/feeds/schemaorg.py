"""Map a schema.org JobPosting (as a JSON-LD style dict) to a vacancy record."""

import html
import re
from datetime import date
from typing import Any

from jobs.feeds.records import VacancyRecord
from matcher.geo import parse_postcode

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# More hours than this in a week is a salary or a year, not working hours.
_MAX_WEEKLY_HOURS = 80


def text_of(value: Any) -> str:
    """Return plain text from a string, a list of strings or a {name: ...} object."""
    if isinstance(value, list):
        return " ".join(filter(None, (text_of(item) for item in value)))
    if isinstance(value, dict):
        return text_of(value.get("name") or value.get("@value") or value.get("value") or "")
    if value is None:
        return ""
    cleaned = _TAGS.sub(" ", html.unescape(str(value)))
    return _SPACES.sub(" ", cleaned).strip()


def parse_day(value: Any) -> date | None:
    """Return the date of an ISO date or date-time, or None when there is none."""
    text = text_of(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"geen geldige datum: {text!r}") from None


def parse_hours(value: Any) -> tuple[int | None, int | None]:
    """Return (min, max) hours per week from text such as "40 hours per week" or "24-32 uur"."""
    numbers = [float(n.replace(",", ".")) for n in _NUMBER.findall(text_of(value))]
    hours = [round(n) for n in numbers if 0 < n <= _MAX_WEEKLY_HOURS][:2]
    if not hours:
        return None, None
    return min(hours), max(hours)


def normalise_postcode(value: Any) -> str | None:
    """Return "1234AB" or "1234" for a Dutch postcode, None for anything else."""
    text = text_of(value).upper().replace(" ", "")
    try:
        pc4 = parse_postcode(text)
    except ValueError:
        return None
    return text if len(text) == 6 else pc4


def _first(value: Any) -> Any:
    """Return the first element of a list, or the value itself."""
    return value[0] if isinstance(value, list) and value else value


def _address(posting: dict[str, Any]) -> dict[str, Any]:
    """Return the postal address of the first job location."""
    place = _first(posting.get("jobLocation"))
    if not isinstance(place, dict):
        return {}
    address = _first(place.get("address"))
    if isinstance(address, dict):
        return address
    return {"addressLocality": text_of(address)} if address else {}


def _identifier(posting: dict[str, Any]) -> str:
    """Return the posting's own identifier, if it has one."""
    value = _first(posting.get("identifier"))
    if isinstance(value, dict):
        # A PropertyValue: its name says which scheme, its value is the id.
        value = value.get("value") or value.get("@value") or value.get("@id")
    return text_of(value) if value is not None else ""


def _skills(value: Any) -> list[str]:
    """Return skills from a list or a comma-separated text."""
    if isinstance(value, list):
        return [text_of(item) for item in value if text_of(item)]
    return [part.strip() for part in text_of(value).split(",") if part.strip()]


def record_from_posting(posting: dict[str, Any], *, fallback_id: str) -> VacancyRecord:
    """Return the vacancy a JobPosting describes; raise ValueError when it has no title."""
    title = text_of(posting.get("title") or posting.get("name"))
    if not title:
        raise ValueError("vacature zonder titel (title of name ontbreekt)")
    address = _address(posting)
    hours_min, hours_max = parse_hours(posting.get("workHours"))
    return VacancyRecord(
        external_id=_identifier(posting) or text_of(posting.get("url")) or fallback_id,
        title=title[:300],
        employer_name=text_of(posting.get("hiringOrganization"))[:200] or None,
        postcode=normalise_postcode(address.get("postalCode")),
        municipality=text_of(address.get("addressLocality"))[:80] or None,
        hours_min=hours_min,
        hours_max=hours_max,
        description=text_of(posting.get("description")),
        posted_on=parse_day(posting.get("datePosted")),
        closes_on=parse_day(posting.get("validThrough")),
        url=text_of(posting.get("url")) or None,
        skills=_skills(posting.get("skills")),
        raw=posting,
    )
