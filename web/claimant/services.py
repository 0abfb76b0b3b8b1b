"""Queries behind the claimant pages; a claimant only ever sees their own records."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    AuditEvent,
    Claimant,
    Match,
    Opportunity,
    SessionAttendance,
    WeeklySession,
)
from models.lifecycle import AWAITING_CLAIMANT, CLAIMANT, OPEN_MATCH_STATUSES
from models.workflow import (
    TransitionError,
    give_consent,
    standing_consent,
    transition,
    withdraw_consent,
)

ANSWERABLE = AWAITING_CLAIMANT


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


def next_session(session: Session, *, claimant_id: int) -> WeeklySession | None:
    """Return the claimant's next planned session."""
    return session.scalar(
        select(WeeklySession)
        .join(SessionAttendance, SessionAttendance.session_id == WeeklySession.id)
        .where(SessionAttendance.claimant_id == claimant_id, WeeklySession.status == "planned")
        .order_by(WeeklySession.starts_at)
        .limit(1)
    )


def _own_match(session: Session, *, claimant_id: int, match_id: int) -> Match:
    match = session.get(Match, match_id)
    if match is None or match.claimant_id != claimant_id or match.approved_at is None:
        raise LookupError("no such match for this claimant")
    return match


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
    match = _own_match(session, claimant_id=claimant_id, match_id=match_id)
    if match.status not in ANSWERABLE:
        raise TransitionError("not_allowed", "this match was already answered")
    if interested:
        transition(
            session, match=match, to_status="interested", role=CLAIMANT, actor_id=actor_id, now=now
        )
        # Interest means the employer may see who the claimant is, until they withdraw it.
        give_consent(session, match=match, actor_id=actor_id, via="portal", now=now)
    else:
        transition(
            session,
            match=match,
            to_status="declined",
            role=CLAIMANT,
            actor_id=actor_id,
            reason_code="geen_interesse",
            now=now,
        )


def withdraw_interest(
    session: Session, *, claimant_id: int, actor_id: int, match_id: int, now: datetime
) -> None:
    """The claimant no longer wants this proposal; it closes and ends the consent."""
    match = _own_match(session, claimant_id=claimant_id, match_id=match_id)
    transition(
        session,
        match=match,
        to_status="declined",
        role=CLAIMANT,
        actor_id=actor_id,
        reason_code="interesse_ingetrokken",
        now=now,
    )


@dataclass(frozen=True)
class Permission:
    """One employer that may (or might again) see who the claimant is, for one match."""

    match_id: int
    employer_name: str
    opportunity_title: str
    given_at: datetime | None  # None: no consent stands now (it can be given)
    via: str | None


def permissions(session: Session, *, claimant_id: int) -> list[Permission]:
    """Return the claimant's open matches with an employer, with the consent that stands."""
    rows = session.execute(
        select(Match, Opportunity)
        .join(Opportunity, Opportunity.id == Match.opportunity_id)
        .where(
            Match.claimant_id == claimant_id,
            Match.approved_at.is_not(None),
            Opportunity.employer_id.is_not(None),
            Match.status.in_((*OPEN_MATCH_STATUSES, "placed")),
        )
        .order_by(Opportunity.employer_name, Match.id)
    ).all()
    found = []
    for match, opportunity in rows:
        consent = standing_consent(session, match_id=match.id)
        if consent is None and match.status in ANSWERABLE:
            continue  # not answered yet: "Ja, dit wil ik" on the home page gives consent
        found.append(
            Permission(
                match.id,
                opportunity.employer_name or "",
                opportunity.title,
                consent.given_at if consent else None,
                consent.given_via if consent else None,
            )
        )
    return found


def set_consent(
    session: Session,
    *,
    claimant_id: int,
    actor_id: int,
    match_id: int,
    given: bool,
    now: datetime,
) -> None:
    """Give or withdraw, in the portal, consent for one match: one click either way."""
    match = _own_match(session, claimant_id=claimant_id, match_id=match_id)
    if given:
        give_consent(session, match=match, actor_id=actor_id, via="portal", now=now)
    else:
        withdraw_consent(session, match=match, actor_id=actor_id, via="portal", now=now)


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
