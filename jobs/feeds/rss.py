"""RSS 2.0 and Atom feeds of vacancies, including common job-board extension elements."""

from datetime import date
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import Element

from jobs.feeds.records import ParseResult, RecordError, VacancyRecord
from jobs.feeds.schemaorg import normalise_postcode, parse_day, parse_hours, text_of
from jobs.feeds.xmldoc import XmlRefusedError, child_texts, local, parse_xml
from matcher.csv_reading import licence_needed

# Local names (lower case, without "_" or "-") that job boards give their extension
# elements, in whatever namespace and with whatever prefix; Dutch and English.
# fmt: off
_EMPLOYER = (
    "hiringorganization", "werkgever", "organisatie", "bedrijf", "bedrijfsnaam", "company",
    "companyname", "employer", "organisation", "organization", "opdrachtgever",
)
_POSTCODE = ("postalcode", "postcode", "zipcode", "zip", "postcodewerk")
_PLACE = (
    "addresslocality", "plaats", "woonplaats", "standplaats", "werkplaats", "vestigingsplaats",
    "stad", "city", "place", "location", "locality", "werklocatie",
)
_CLOSES = (
    "validthrough", "sluitingsdatum", "einddatum", "vervaldatum", "reagerenvoor",
    "uiterstereactiedatum", "closeson", "closingdate", "expirationdate", "expirydate",
    "expires", "deadline",
)
_HOURS = (
    "workhours", "uren", "urenperweek", "werkuren", "aantaluren", "uurperweek", "hours",
    "hoursperweek", "weeklyhours",
)
_LICENCE = (
    "rijbewijs", "rijbewijsvereist", "rijbewijsnodig", "drivinglicence", "drivinglicense",
    "driverslicense", "requiresdrivinglicence",
)
# fmt: on


def _named(texts: dict[str, str]) -> dict[str, str]:
    """Return child texts by local name without "_" and "-" ("uren_per_week" is "urenperweek")."""
    named: dict[str, str] = {}
    for name, text in texts.items():
        named.setdefault(name.replace("_", "").replace("-", ""), text)
    return named


def _pick(texts: dict[str, str], names: tuple[str, ...]) -> str:
    """Return the first non-empty text among the names."""
    return next((texts[name] for name in names if texts.get(name)), "")


def _feed_date(value: str) -> date | None:
    """Return the date of an RFC 822 (RSS) or ISO 8601 (Atom) timestamp."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return parse_day(value)


def _link(entry: Element, texts: dict[str, str]) -> str:
    """Return an item's link: RSS <link> text or Atom <link href>."""
    for child in entry:
        if local(child.tag) == "link" and child.get("href"):
            return child.get("href", "")
    return texts.get("link", "")


def _author(entry: Element) -> str:
    """Return the name of an Atom author."""
    author = next((c for c in entry if local(c.tag) == "author"), None)
    return child_texts(author).get("name", "") if author is not None else ""


def record_from_entry(entry: Element) -> VacancyRecord:
    """Return the vacancy of an RSS <item> or Atom <entry>; raise ValueError if unusable."""
    texts = _named(child_texts(entry))
    title, link = text_of(texts.get("title", "")), _link(entry, texts)
    external_id = texts.get("guid") or texts.get("id") or link
    if not title or not external_id:
        raise ValueError("item zonder titel of zonder guid/id/link")
    hours_min, hours_max = parse_hours(_pick(texts, _HOURS))
    return VacancyRecord(
        external_id=external_id[:200],
        title=title[:300],
        employer_name=(_pick(texts, _EMPLOYER) or _author(entry))[:200] or None,
        postcode=normalise_postcode(_pick(texts, _POSTCODE)),
        municipality=_pick(texts, _PLACE)[:80] or None,
        hours_min=hours_min,
        hours_max=hours_max,
        description=text_of(
            texts.get("description") or texts.get("summary") or texts.get("content")
        ),
        posted_on=_feed_date(
            texts.get("pubdate") or texts.get("published") or texts.get("updated", "")
        ),
        closes_on=parse_day(_pick(texts, _CLOSES)),
        url=link or None,
        requires_driving_licence=licence_needed(_pick(texts, _LICENCE)) == "true",
        raw=texts,
    )


def parse_feed(data: bytes) -> ParseResult:
    """Parse an RSS 2.0 or Atom document; each bad item is an error, not an abort."""
    try:
        root = parse_xml(data)
    except XmlRefusedError as error:
        return [], [RecordError("feed", str(error), data[:500].decode(errors="replace"), True)]
    entries = [e for e in root.iter() if local(e.tag) in ("item", "entry")]
    records: list[VacancyRecord] = []
    errors: list[RecordError] = []
    for number, entry in enumerate(entries, start=1):
        try:
            records.append(record_from_entry(entry))
        except ValueError as error:
            errors.append(RecordError(f"item {number}", str(error), str(child_texts(entry))))
    return records, errors
