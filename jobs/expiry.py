"""Expiry: vacancies past their closing date, or gone from a healthy full feed twice."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Opportunity
from models.workflow import close_open_matches

MISSING_REASON = "Twee keer op rij niet meer in de volledige feed"
CLOSED_REASON = "Sluitingsdatum verstreken"
# One missed run can be a hiccup at the employer's side; two in a row means gone.
MISSED_RUNS_TO_EXPIRE = 2


def expire_closed(session: Session, *, today: date, source_id: int | None) -> int:
    """Expire a source's open opportunities past their closing date (None: those without one)."""
    query = select(Opportunity).where(
        Opportunity.status == "open",
        Opportunity.closes_on < today,
        Opportunity.source_id.is_(None)
        if source_id is None
        else Opportunity.source_id == source_id,
    )
    rows = list(session.scalars(query))
    for row in rows:
        row.status, row.status_reason = "expired", CLOSED_REASON
        close_open_matches(session, opportunity_id=row.id, reason_code="opportunity_closed")
    return len(rows)


@dataclass(frozen=True)
class Missing:
    """What a complete read of a full feed did with the vacancies it no longer lists."""

    expired: int
    waiting: int


def expire_missing(session: Session, *, source_id: int, seen: set[str]) -> Missing:
    """Count a missed run for each open vacancy the full feed no longer lists; expire at two."""
    query = select(Opportunity).where(
        Opportunity.source_id == source_id, Opportunity.status == "open"
    )
    expired = waiting = 0
    for row in session.scalars(query):
        if row.external_id in seen:
            continue
        row.missed_runs += 1
        if row.missed_runs >= MISSED_RUNS_TO_EXPIRE:
            row.status, row.status_reason = "expired", MISSING_REASON
            close_open_matches(session, opportunity_id=row.id, reason_code="opportunity_closed")
            expired += 1
        else:
            waiting += 1
    return Missing(expired, waiting)
