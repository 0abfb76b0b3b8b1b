"""Candidates proposed for an employer's places: anonymised until consent and release."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models import AuditEvent, Claimant, Match, Opportunity
from web.mediator.transitions import TransitionError, change_status

REMINDER_AFTER = timedelta(days=14)
WAITING = ("proposed", "discussed", "interested", "applied")
ANSWERABLE = WAITING


@dataclass(frozen=True)
class Candidate:
    """What an employer may see of one proposed candidate."""

    match_id: int
    opportunity_title: str
    status: str
    reasons: list[str]
    skills: list[str]
    hours_per_week: int | None
    ladder_band: str
    released_at: datetime
    overdue: bool
    # Only filled in once the claimant consented and the mediator released the proposal.
    name: str | None
    email: str | None


def ladder_band(step: int) -> str:
    """Return a coarse band of the ladder step, so the exact step is not shown."""
    return "1-2" if step <= 2 else "3-4" if step <= 4 else "5-6"


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes that were stored as UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _visible(employer_id: int) -> Select[Match, Opportunity, Claimant]:
    """Return the query of proposals an employer may see at all."""
    return (
        select(Match, Opportunity, Claimant)
        .join(Opportunity, Opportunity.id == Match.opportunity_id)
        .join(Claimant, Claimant.id == Match.claimant_id)
        .where(
            Opportunity.employer_id == employer_id,
            Match.approved_at.is_not(None),
            Match.released_to_employer_at.is_not(None),
        )
    )


def candidates(session: Session, *, employer_id: int, now: datetime) -> list[Candidate]:
    """Return the approved, released proposals for the employer's places, oldest first."""
    rows = session.execute(_visible(employer_id).order_by(Match.released_to_employer_at)).all()
    return [_candidate(match, opp, claimant, now) for match, opp, claimant in rows]


def _candidate(match: Match, opp: Opportunity, claimant: Claimant, now: datetime) -> Candidate:
    released = _aware(match.released_to_employer_at)  # type: ignore[arg-type]
    identified = match.claimant_consented_at is not None
    return Candidate(
        match_id=match.id,
        opportunity_title=opp.title,
        status=match.status,
        reasons=list(match.reasons or []),
        skills=list(claimant.skills or []),
        hours_per_week=claimant.hours_per_week,
        ladder_band=ladder_band(claimant.ladder_step),
        released_at=released,
        overdue=match.status in WAITING and now - released > REMINDER_AFTER,
        name=claimant.display_name if identified else None,
        email=claimant.email if identified else None,
    )


def answer(
    session: Session,
    *,
    employer_id: int,
    actor_id: int,
    match_id: int,
    accept: bool,
    reason_code: str | None,
) -> None:
    """Invite a candidate for an interview, or decline them with a reason."""
    row = session.execute(_visible(employer_id).where(Match.id == match_id)).first()
    if row is None:
        raise LookupError("no such proposal for this employer")
    match = row[0]
    if match.status not in ANSWERABLE:
        raise TransitionError("this proposal was already answered")
    change_status(
        session,
        match=match,
        to_status="interview" if accept else "rejected",
        actor_id=actor_id,
        reason_code=None if accept else reason_code,
    )


def record_reads(session: Session, *, actor_id: int, found: list[Candidate]) -> None:
    """Write an audit record for each candidate whose name the employer was shown."""
    for candidate in found:
        if candidate.name is not None:
            session.add(
                AuditEvent(
                    actor_id=actor_id,
                    actor_role="employer",
                    action="read",
                    object_type="match",
                    object_id=str(candidate.match_id),
                    reason="kandidaat",
                )
            )
