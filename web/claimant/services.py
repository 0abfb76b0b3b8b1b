"""Queries behind the claimant pages; a claimant only ever sees their own records."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    AuditEvent,
    Claimant,
    GroupSession,
    Match,
    Opportunity,
    SessionAttendance,
)
from web.mediator.transitions import TransitionError, change_status

ANSWERABLE = ("proposed", "discussed")


def claimant_of_user(session: Session, *, user_id: int) -> Claimant | None:
    """Return the claimant record that belongs to a login."""
    return session.scalar(select(Claimant).where(Claimant.user_id == user_id))


def approved_matches(session: Session, *, claimant_id: int) -> list[tuple[Match, Opportunity]]:
    """Return the matches a mediator approved for this claimant, best first."""
    rows = session.execute(
        select(Match, Opportunity)
        .join(Opportunity, Opportunity.id == Match.opportunity_id)
        .where(Match.claimant_id == claimant_id, Match.approved_at.is_not(None))
        .order_by(Match.score.desc())
    ).all()
    return [(match, opportunity) for match, opportunity in rows]


def next_session(session: Session, *, claimant_id: int) -> GroupSession | None:
    """Return the claimant's next planned session."""
    return session.scalar(
        select(GroupSession)
        .join(SessionAttendance, SessionAttendance.session_id == GroupSession.id)
        .where(SessionAttendance.claimant_id == claimant_id, GroupSession.status == "planned")
        .order_by(GroupSession.starts_at)
        .limit(1)
    )


def mark_interest(
    session: Session,
    *,
    claimant_id: int,
    actor_id: int,
    match_id: int,
    interested: bool,
    now: datetime,
) -> None:
    """Record whether the claimant wants a proposal; interest also gives consent."""
    match = session.get(Match, match_id)
    if match is None or match.claimant_id != claimant_id or match.approved_at is None:
        raise LookupError("no such match for this claimant")
    if match.status not in ANSWERABLE:
        raise TransitionError("this match was already answered")
    if interested:
        # Interest means the employer may see who the claimant is.
        match.claimant_consented_at = now
        change_status(
            session,
            match=match,
            to_status="interested",
            actor_id=actor_id,
            details={"consent": True},
        )
    else:
        change_status(
            session,
            match=match,
            to_status="declined",
            actor_id=actor_id,
            reason_code="geen_interesse",
        )


def update_preferences(
    claimant: Claimant,
    *,
    hours_per_week: int | None,
    max_travel_km: float | None,
    desired_occupations: list[str],
) -> None:
    """Change the claimant's availability, travel distance and wishes."""
    claimant.hours_per_week = hours_per_week
    claimant.max_travel_km = max_travel_km
    claimant.desired_occupations = desired_occupations


def record_own_read(session: Session, *, actor_id: int, claimant_id: int, what: str) -> None:
    """Write an audit record that the claimant read or downloaded their own data."""
    session.add(
        AuditEvent(
            actor_id=actor_id,
            actor_role="claimant",
            action="read",
            object_type="claimant",
            object_id=str(claimant_id),
            reason=what,
        )
    )
