"""Every change to a match goes through here, so each one leaves a MatchStatusChange."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Match, MatchStatusChange
from models.vocab import MATCH_STATUSES, OPEN_MATCH_STATUSES

OPEN_STATUSES = OPEN_MATCH_STATUSES
NEEDS_REASON = ("declined", "rejected")


class TransitionError(ValueError):
    """A status change that the rules do not allow."""


def change_status(
    session: Session,
    *,
    match: Match,
    to_status: str,
    actor_id: int | None,
    reason_code: str | None = None,
    note: str | None = None,
    details: dict[str, Any] | None = None,
) -> MatchStatusChange:
    """Move a match to a new status and record who did it and why."""
    if to_status not in MATCH_STATUSES:
        raise TransitionError(f"unknown status {to_status!r}")
    if to_status in NEEDS_REASON and not reason_code:
        raise TransitionError(f"{to_status} needs a reason code")
    change = MatchStatusChange(
        match_id=match.id,
        actor_id=actor_id,
        from_status=match.status,
        to_status=to_status,
        reason_code=reason_code,
        note=note,
        details=details or {},
    )
    match.status = to_status
    session.add(change)
    return change


def note_event(
    session: Session, *, match: Match, actor_id: int | None, code: str, details: dict[str, Any]
) -> MatchStatusChange:
    """Record something that happened to a match without changing its status."""
    change = MatchStatusChange(
        match_id=match.id,
        actor_id=actor_id,
        from_status=match.status,
        to_status=match.status,
        reason_code=code,
        details=details,
    )
    session.add(change)
    return change


def approve(session: Session, *, match: Match, actor_id: int, now: datetime) -> None:
    """Approve a proposal so the claimant (and later the employer) may see it."""
    if match.status != "proposed":
        raise TransitionError("only a proposed match can be approved")
    match.approved_at = now
    match.approved_by_id = actor_id
    note_event(session, match=match, actor_id=actor_id, code="approved", details={})


def release(session: Session, *, match: Match, actor_id: int, now: datetime) -> None:
    """Release an approved proposal to the employer of the opportunity."""
    if match.approved_at is None:
        raise TransitionError("approve a proposal before releasing it")
    match.released_to_employer_at = now
    note_event(session, match=match, actor_id=actor_id, code="released", details={})


def record_consent(session: Session, *, match: Match, actor_id: int, now: datetime) -> None:
    """Record the claimant's consent, given in person, to show who they are to the employer."""
    if match.approved_at is None:
        raise TransitionError("approve a proposal before recording consent")
    if match.claimant_consented_at is not None:
        raise TransitionError("consent was already recorded")
    match.claimant_consented_at = now
    note_event(session, match=match, actor_id=actor_id, code="consent", details={"via": "session"})


def record_application(
    session: Session, *, match: Match, actor_id: int, applied_on: date
) -> MatchStatusChange:
    """Record that the claimant applied, and on which day."""
    match.applied_on = applied_on
    return change_status(
        session,
        match=match,
        to_status="applied",
        actor_id=actor_id,
        details={"applied_on": applied_on.isoformat()},
    )


def set_checklist(
    session: Session, *, match: Match, actor_id: int, items: dict[str, bool]
) -> MatchStatusChange:
    """Store the state of the application checklist as a new history row."""
    return note_event(
        session, match=match, actor_id=actor_id, code="checklist", details={"checklist": items}
    )


def checklists(session: Session, *, match_ids: list[int]) -> dict[int, dict[str, bool]]:
    """Return the latest checklist of each match."""
    rows = session.scalars(
        select(MatchStatusChange)
        .where(
            MatchStatusChange.match_id.in_(match_ids),
            MatchStatusChange.reason_code == "checklist",
        )
        .order_by(MatchStatusChange.at, MatchStatusChange.id)
    )
    return {row.match_id: dict(row.details.get("checklist", {})) for row in rows}


def history(session: Session, *, match_ids: list[int]) -> dict[int, list[MatchStatusChange]]:
    """Return each match's changes, oldest first."""
    result: dict[int, list[MatchStatusChange]] = {match_id: [] for match_id in match_ids}
    rows = session.scalars(
        select(MatchStatusChange)
        .where(MatchStatusChange.match_id.in_(match_ids))
        .order_by(MatchStatusChange.at, MatchStatusChange.id)
    )
    for row in rows:
        result[row.match_id].append(row)
    return result
