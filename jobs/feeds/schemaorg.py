"""Map a schema.org JobPosting (as a JSON-LD style dict) to a vacancy record."""

import html
import re
from datetime import date
from typing import Any

from jobs.feeds.prose import agency_client, is_agency, licence_required
from jobs.feeds.records import VacancyRecord
from matcher.address import normalise_postcode as _postcode
from matcher.address import split_address
from matcher.csv_reading import iso_date

# Inline markup joins words ("<b>at night</b>."); block markup separates them.
_INLINE = re.compile(r"</?(?:b|strong|em|i|u|span|a|abbr|small|mark|sup|sub)\b[^>]*>", re.I)
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
    cleaned = _TAGS.sub(" ", _INLINE.sub("", html.unescape(str(value))))
    return _SPACES.sub(" ", cleaned).strip()


def parse_day(value: Any) -> date | None:
    """Return the date of an ISO date or date-time, or None when there is none."""
    text = text_of(value)
    if not text:
        return None
    try:
        # ISO (with or without time and zone: the date as written), or Dutch dd-mm-yyyy.
        return date.fromisoformat(iso_date(text)[:10])
    except ValueError:
        raise ValueError(f"geen geldige datum: {text!r}") from None


def parse_hours(value: Any) -> tuple[int | None, int | None]:
    """Return (min, max) hours per week from text such as "40 hours per week" or "24-32 uur"."""
    numbers = [float(n.replace(",", ".")) for n in _NUMBER.findall(text_of(value))]
    hours = [round(n) for n in numbers if 0 <= n <= _MAX_WEEKLY_HOURS][:2]
    if not hours:
        return None, None
    return min(hours), max(hours)


def normalise_postcode(value: Any) -> str | None:
    """Return "1234AB" or "1234" for a Dutch postcode, None for anything else."""
    return _postcode(text_of(value))


def _places(posting: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    """Return (postcode, place) of every job location; a posting may list several."""
    places = posting.get("jobLocation")
    found: list[tuple[str | None, str | None]] = []
    for place in places if isinstance(places, list) else [places]:
        address = place.get("address") if isinstance(place, dict) else place
        address = address[0] if isinstance(address, list) and address else address
        if isinstance(address, dict):
            postcode = normalise_postcode(address.get("postalCode"))
            locality = text_of(address.get("addressLocality"))[:80] or None
            if postcode is None or locality is None:
                # Some sites put the whole address in streetAddress or name.
                more = split_address(text_of(address.get("streetAddress") or address.get("name")))
                postcode, locality = postcode or more[0], locality or more[1]
            found.append((postcode, locality))
        elif address:
            found.append(split_address(text_of(address)))
    return found or [(None, None)]


def _identifier(posting: dict[str, Any]) -> str:
    """Return the posting's own identifier, if it has one."""
    value = posting.get("identifier")
    value = value[0] if isinstance(value, list) and value else value
    if isinstance(value, dict):
        # A PropertyValue: its name says which scheme, its value is the id.
        value = value.get("value") or value.get("@value") or value.get("@id")
    return text_of(value) if value is not None else ""


def _skills(value: Any) -> list[str]:
    """Return skills from a list or a comma-separated text."""
    if isinstance(value, list):
        return [text_of(item) for item in value if text_of(item)]
    return [part.strip() for part in text_of(value).split(",") if part.strip()]


def _employer(posting: dict[str, Any], description: str) -> tuple[str | None, str | None]:
    """Return (employer, agency): an agency naming its client gives the client as employer."""
    name = text_of(posting.get("hiringOrganization"))[:200] or None
    client = agency_client(description)
    if client and (name is None or is_agency(name)):
        return client[:200], name
    return name, None


def records_from_posting(posting: dict[str, Any], *, fallback_id: str) -> list[VacancyRecord]:
    """Return the vacancy a JobPosting describes, once per place; ValueError without title."""
    title = text_of(posting.get("title") or posting.get("name"))
    if not title:
        raise ValueError("vacature zonder titel (title of name ontbreekt)")
    hours_min, hours_max = parse_hours(posting.get("workHours"))
    description = text_of(posting.get("description"))
    employer, agency = _employer(posting, description)
    prose = " ".join(
        text_of(posting.get(name)) for name in ("qualifications", "experienceRequirements")
    )
    external_id = _identifier(posting) or text_of(posting.get("url")) or fallback_id
    records = []
    for number, (postcode, place) in enumerate(_places(posting), start=1):
        records.append(
            VacancyRecord(
                external_id=(external_id if number == 1 else f"{external_id}#{number}")[:200],
                title=title[:300],
                employer_name=employer,
                postcode=postcode,
                municipality=place[:80] if place else None,
                hours_min=hours_min,
                hours_max=hours_max,
                description=description,
                posted_on=parse_day(posting.get("datePosted")),
                closes_on=parse_day(posting.get("validThrough")),
                url=text_of(posting.get("url")) or None,
                skills=_skills(posting.get("skills")),
                requires_driving_licence=licence_required(f"{description}\n{prose}"),
                raw={**posting, "agency": agency} if agency else posting,
            )
        )
    return records
