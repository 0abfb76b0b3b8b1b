"""Write vacancy records as Opportunities: insert new ones, refresh known ones."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobs.expiry import MISSING_REASON
from jobs.feeds.records import VacancyRecord
from jobs.linking import TitleLinker
from models import FeedSource, Opportunity
from models.vocab import DUTCH_LEVELS, EDUCATION_LEVELS, OPPORTUNITY_KINDS

# Record fields copied onto the Opportunity as they are.
COPIED = (
    "kind",
    "title",
    "employer_name",
    "postcode",
    "municipality",
    "hours_min",
    "hours_max",
    "description",
    "posted_on",
    "closes_on",
    "skills",
    "education_level",
    "dutch_level",
    "requires_driving_licence",
    "physical_demands",
    "capacity",
    "raw",
)


@dataclass
class UpsertCounts:
    """What one batch did."""

    new: int = 0
    updated: int = 0


def _column_values(record: VacancyRecord) -> dict[str, Any]:
    """Return the record's values, made to fit the table's constraints."""
    values = {name: getattr(record, name) for name in COPIED}
    if values["kind"] not in OPPORTUNITY_KINDS:
        values["kind"] = "vacancy"
    if values["education_level"] not in EDUCATION_LEVELS:
        values["education_level"] = None
    if values["dutch_level"] not in DUTCH_LEVELS:
        values["dutch_level"] = None
    low, high = values["hours_min"], values["hours_max"]
    if low is not None and high is not None and low > high:
        values["hours_min"], values["hours_max"] = high, low
    values["capacity"] = max(0, values["capacity"])
    return values


def _needs_link(record: VacancyRecord, row: Opportunity | None) -> bool:
    """Link a title that is new or changed; a feed's own ESCO URI is trusted."""
    if record.esco_uri:
        return False
    return row is None or row.title != record.title or row.esco_uri is None


def _links(
    records: list[VacancyRecord], known: dict[str, Opportunity], linker: TitleLinker
) -> dict[str, tuple[str, str] | None]:
    """Return the ESCO link of each title that needs one; a failing linker links nothing."""
    titles = sorted({r.title for r in records if _needs_link(r, known.get(r.external_id))})
    try:
        return dict(zip(titles, linker(titles), strict=True))
    except Exception:  # noqa: BLE001  (linking is an extra: never lose a vacancy over it)
        return {}


def _apply(row: Opportunity, values: dict[str, Any]) -> bool:
    """Set the values on a row and return whether anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def upsert_batch(
    session: Session,
    source: FeedSource,
    records: list[VacancyRecord],
    *,
    seen_at: datetime,
    linker: TitleLinker,
) -> UpsertCounts:
    """Insert or refresh a batch of records of one source, keyed on (source, external id)."""
    ids = [r.external_id for r in records]
    query = select(Opportunity).where(
        Opportunity.source_id == source.id, Opportunity.external_id.in_(ids)
    )
    known = {row.external_id or "": row for row in session.scalars(query)}
    links = _links(records, known, linker)
    counts = UpsertCounts()
    for record in records:
        values = _column_values(record)
        if record.esco_uri:
            values["esco_uri"], values["esco_label"] = record.esco_uri[:120], None
        elif record.title in links:
            link = links[record.title]
            values["esco_uri"], values["esco_label"] = link or (None, None)
        row = known.get(record.external_id)
        if row is None:
            row = Opportunity(source_id=source.id, external_id=record.external_id, status="open")
            row.region = source.region
            session.add(row)
            known[record.external_id] = row
            counts.new += 1
            _apply(row, values)
        elif _apply(row, values):
            counts.updated += 1
        _mark_seen(row, seen_at)
    session.flush()
    return counts


def _mark_seen(row: Opportunity, seen_at: datetime) -> None:
    """Record that the feed listed the row; a vacancy that returns is open again."""
    row.last_seen_at, row.missed_runs = seen_at, 0
    if row.status == "expired" and row.status_reason == MISSING_REASON:
        row.status, row.status_reason = "open", None
