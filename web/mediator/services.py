"""Queries behind the mediator pages."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import AuditEvent, Claimant, Match, SessionAttendance, WeeklySession
from models.vocab import OPEN_MATCH_STATUSES


@dataclass(frozen=True)
class ClaimantRow:
    """One line of the mediator's claimant list."""

    id: int
    name: str
    municipality: str | None
    ladder_step: int
    open_matches: int
    next_session: datetime | None


def list_claimants(session: Session, *, mediator_id: int, region: str) -> list[ClaimantRow]:
    """Return the active claimants of the mediator's caseload, by name."""
    # Only this caseload's rows: not every match and attendance of the region.
    caseload = select(Claimant.id).where(Claimant.mediator_id == mediator_id)
    open_matches = (
        select(Match.claimant_id, func.count().label("n"))
        .where(Match.status.in_(OPEN_MATCH_STATUSES), Match.claimant_id.in_(caseload))
        .group_by(Match.claimant_id)
        .subquery()
    )
    next_session = (
        select(SessionAttendance.claimant_id, func.min(WeeklySession.starts_at).label("at"))
        .join(WeeklySession, WeeklySession.id == SessionAttendance.session_id)
        .where(WeeklySession.status == "planned", SessionAttendance.claimant_id.in_(caseload))
        .group_by(SessionAttendance.claimant_id)
        .subquery()
    )
    rows = session.execute(
        select(Claimant, open_matches.c.n, next_session.c.at)
        .outerjoin(open_matches, open_matches.c.claimant_id == Claimant.id)
        .outerjoin(next_session, next_session.c.claimant_id == Claimant.id)
        .where(
            Claimant.mediator_id == mediator_id,
            Claimant.region == region,
            Claimant.status == "active",
        )
        .order_by(Claimant.last_name, Claimant.first_name)
    ).all()
    return [
        ClaimantRow(c.id, c.display_name, c.municipality, c.ladder_step, n or 0, at)
        for c, n, at in rows
    ]


def record_export(session: Session, *, actor_id: int, claimant_ids: list[int]) -> None:
    """Write one audit record per claimant whose data leaves the screen in an export file."""
    session.add_all(
        AuditEvent(
            actor_id=actor_id,
            actor_role="mediator",
            action="export",
            object_type="claimant",
            object_id=str(claimant_id),
            reason="caseload_csv",
        )
        for claimant_id in claimant_ids
    )


def record_list_access(session: Session, *, actor_id: int, count: int) -> None:
    """Write an audit record that a mediator saw a list of claimants."""
    session.add(
        AuditEvent(
            actor_id=actor_id,
            actor_role="mediator",
            action="read",
            object_type="claimant_list",
            object_id=str(count),
            reason="caseload",
        )
    )
