"""Candidates proposed for an employer's places, through the one employer presenter."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from matcher.store.candidates import CandidateView, candidate_view, visible_to_employer
from models import AuditEvent, Match
from models.lifecycle import AWAITING_EMPLOYER, EMPLOYER, next_statuses
from models.workflow import transition

REMINDER_AFTER = timedelta(days=14)
WAITING = AWAITING_EMPLOYER
# What an employer decides on their candidate page, and the status each decision leads to.
DECISIONS = {
    "interview": "interview",
    "placed": "placed",
    "reject": "rejected",
    "no_show": "no_show",
}


@dataclass(frozen=True)
class Candidate:
    """A candidate on the employer's page: the presenter's view and whether it waits long."""

    view: CandidateView
    overdue: bool
    # The decisions the employer may take now (keys of DECISIONS).
    decisions: tuple[str, ...]


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes that were stored as UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def candidates(session: Session, *, employer_id: int, now: datetime) -> list[Candidate]:
    """Return the approved, released proposals for the employer's places, oldest first."""
    matches = session.scalars(
        visible_to_employer(employer_id).order_by(Match.released_to_employer_at, Match.id)
    ).all()
    found = []
    for match in matches:
        view = candidate_view(session, match=match)
        released = _aware(match.released_to_employer_at)  # type: ignore[arg-type]
        allowed = next_statuses(match.status, EMPLOYER)
        found.append(
            Candidate(
                view,
                match.status in WAITING and now - released > REMINDER_AFTER,
                tuple(d for d, status in DECISIONS.items() if status in allowed),
            )
        )
    return found


def decide(  # noqa: PLR0913 - one decision with its optional details
    session: Session,
    *,
    employer_id: int,
    actor_id: int,
    match_id: int,
    decision: str,
    reason_code: str | None = None,
    placement: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> None:
    """Invite, hire, not hire (with a reason) or record a no-show, by the lifecycle's rules."""
    match = session.scalar(visible_to_employer(employer_id).where(Match.id == match_id))
    if match is None:
        raise LookupError("no such proposal for this employer")
    if decision not in DECISIONS:
        raise LookupError(f"unknown decision {decision!r}")
    transition(
        session,
        match=match,
        to_status=DECISIONS[decision],
        role=EMPLOYER,
        actor_id=actor_id,
        reason_code=reason_code if decision in ("reject", "no_show") else None,
        details=placement if decision == "placed" else None,
        now=now,
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
    decide(
        session,
        employer_id=employer_id,
        actor_id=actor_id,
        match_id=match_id,
        decision="interview" if accept else "reject",
        reason_code=reason_code,
    )


def record_reads(session: Session, *, actor_id: int, found: list[Candidate]) -> None:
    """Write an audit record for each candidate whose name the employer was shown."""
    for candidate in found:
        if candidate.view.name is not None:
            session.add(
                AuditEvent(
                    actor_id=actor_id,
                    actor_role="employer",
                    action="read",
                    object_type="match",
                    object_id=str(candidate.view.match_id),
                    reason="kandidaat",
                )
            )
