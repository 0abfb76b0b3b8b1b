"""Placements read from the lifecycle history: the one source of outflow and pledge figures."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Employer, Match, MatchStatusChange, Opportunity
from models.lifecycle import PLACED


@dataclass(frozen=True)
class Placement:
    """One match that reached "placed", when it was recorded, and with which employer."""

    match_id: int
    recorded_at: datetime
    start_on: date | None
    employer_id: int | None
    employer_name: str | None
    covenant_member: bool
    instrument: str | None

    @property
    def year(self) -> int:
        """Return the year the placement counts for: its start, else when it was recorded."""
        return (self.start_on or self.recorded_at.date()).year


def _start(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def placements(
    session: Session, *, region: str | None = None, employer_id: int | None = None
) -> list[Placement]:
    """Return every placement in the history, oldest first, for a region or one employer."""
    statement = (
        select(MatchStatusChange, Opportunity, Employer)
        .join(Match, Match.id == MatchStatusChange.match_id)
        .join(Opportunity, Opportunity.id == Match.opportunity_id)
        .outerjoin(Employer, Employer.id == Opportunity.employer_id)
        .where(
            MatchStatusChange.to_status == PLACED,
            MatchStatusChange.from_status.is_distinct_from(PLACED),
        )
        .order_by(MatchStatusChange.at, MatchStatusChange.id)
    )
    if region is not None:
        statement = statement.where(Opportunity.region == region)
    if employer_id is not None:
        statement = statement.where(Opportunity.employer_id == employer_id)
    found = []
    for change, opportunity, employer in session.execute(statement).all():
        at = change.at if change.at.tzinfo else change.at.replace(tzinfo=UTC)
        details = change.details or {}
        found.append(
            Placement(
                change.match_id,
                at,
                _start(details.get("start_on")),
                opportunity.employer_id,
                employer.name if employer else opportunity.employer_name,
                bool(employer and employer.covenant_member),
                details.get("instrument"),
            )
        )
    return found
