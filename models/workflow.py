"""Apply the declared lifecycle: the one place that writes Match.status, history and consent."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.consent import MatchConsent
from models.lifecycle import (
    CLOSED_MATCH_STATUSES,
    OPEN_MATCH_STATUSES,
    PLACED,
    SYSTEM,
    next_statuses,
    step_for,
)
from models.match import Match, MatchStatusChange

# Events in a match's history that do not change its status.
EVENTS = (
    "approved",
    "released",
    "checklist",
    "consent_given",
    "consent_withdrawn",
    "follow_up",
)


class TransitionError(ValueError):
    """A change the lifecycle does not allow; `code` says why (web.refusals words it in Dutch)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


def transition(
    session: Session,
    *,
    match: Match,
    to_status: str,
    role: str,
    actor_id: int | None,
    reason_code: str | None = None,
    note: str | None = None,
    details: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> MatchStatusChange:
    """Move a match by one declared step and write its history row; closing ends consent."""
    _check(match.status, to_status, role, reason_code, details)
    details = {"by": role} | (details or {})
    return _write(
        session, match, match.status, to_status, actor_id, reason_code, note, details, now
    )


def create(
    session: Session,
    *,
    match: Match,
    role: str,
    actor_id: int | None,
    reason_code: str,
    details: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> MatchStatusChange:
    """Store a new proposal and the first row of its history."""
    _check(None, "proposed", role, reason_code, details)
    match.status = "proposed"
    session.add(match)
    session.flush()
    details = {"by": role} | (details or {})
    return _write(session, match, None, "proposed", actor_id, reason_code, None, details, now)


def _check(
    from_status: str | None,
    to_status: str,
    role: str,
    reason_code: str | None,
    details: dict[str, Any] | None,
) -> None:
    """Refuse a step the lifecycle does not declare, by a role it does not name."""
    step = step_for(from_status, to_status)
    if step is None:
        allowed = ", ".join(next_statuses(from_status or "", role)) or "none"
        raise TransitionError(
            "not_allowed", f"{from_status} -> {to_status} is not allowed (allowed: {allowed})"
        )
    if role not in step.roles:
        raise TransitionError("role", f"a {role} may not move a match to {to_status}")
    if step.reason_required and not reason_code:
        raise TransitionError("reason", f"{to_status} needs a reason code")
    missing = [k for k in step.details_required if not (details or {}).get(k)]
    if missing:
        raise TransitionError("details", f"{to_status} needs {', '.join(missing)}")


def _write(  # noqa: PLR0913 - the columns of one history row
    session: Session,
    match: Match,
    from_status: str | None,
    to_status: str,
    actor_id: int | None,
    reason_code: str | None,
    note: str | None,
    details: dict[str, Any] | None,
    now: datetime | None,
) -> MatchStatusChange:
    at = now or utcnow()
    change = MatchStatusChange(
        match_id=match.id,
        actor_id=actor_id,
        at=at,
        from_status=from_status,
        to_status=to_status,
        reason_code=reason_code,
        note=note,
        details=details or {},
    )
    match.status = to_status
    session.add(change)
    if to_status in CLOSED_MATCH_STATUSES and to_status != PLACED:
        _end_consent(session, match=match, actor_id=actor_id, why=to_status, now=at)
    return change


def record_event(
    session: Session,
    *,
    match: Match,
    actor_id: int | None,
    code: str,
    details: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> MatchStatusChange:
    """Write a history row for something that happened without changing the status."""
    if code not in EVENTS:
        raise ValueError(f"unknown event {code!r}")
    change = MatchStatusChange(
        match_id=match.id,
        actor_id=actor_id,
        at=now or utcnow(),
        from_status=match.status,
        to_status=match.status,
        reason_code=code,
        details=details or {},
    )
    session.add(change)
    return change


def approve(session: Session, *, match: Match, actor_id: int, now: datetime) -> None:
    """Approve a proposal so the claimant (and later the employer) may see it."""
    if match.status != "proposed":
        raise TransitionError("not_allowed", "only a proposed match can be approved")
    match.approved_at = now
    match.approved_by_id = actor_id
    record_event(session, match=match, actor_id=actor_id, code="approved", now=now)


def release(session: Session, *, match: Match, actor_id: int, now: datetime) -> None:
    """Release an approved, open proposal to the employer of the opportunity."""
    if match.approved_at is None:
        raise TransitionError("not_approved", "approve a proposal before releasing it")
    if match.status not in OPEN_MATCH_STATUSES:
        raise TransitionError("closed", "this match is closed")
    match.released_to_employer_at = now
    record_event(session, match=match, actor_id=actor_id, code="released", now=now)


def standing_consent(session: Session, *, match_id: int) -> MatchConsent | None:
    """Return the consent that stands for a match, or None."""
    return session.scalar(
        select(MatchConsent).where(
            MatchConsent.match_id == match_id, MatchConsent.withdrawn_at.is_(None)
        )
    )


def consented_match_ids(session: Session, *, match_ids: Iterable[int]) -> set[int]:
    """Return which of the matches have a standing consent."""
    ids = list(match_ids)
    if not ids:
        return set()
    return set(
        session.scalars(
            select(MatchConsent.match_id).where(
                MatchConsent.match_id.in_(ids), MatchConsent.withdrawn_at.is_(None)
            )
        )
    )


def give_consent(
    session: Session, *, match: Match, actor_id: int, via: str, now: datetime
) -> MatchConsent:
    """Record the claimant's consent (in the portal, or in the session) for one match."""
    if match.approved_at is None:
        raise TransitionError("not_approved", "approve a proposal before recording consent")
    if match.status not in OPEN_MATCH_STATUSES:
        raise TransitionError("closed", "this match is closed")
    if standing_consent(session, match_id=match.id) is not None:
        raise TransitionError("consent_exists", "consent was already given")
    consent = MatchConsent(match_id=match.id, given_at=now, given_by_id=actor_id, given_via=via)
    session.add(consent)
    record_event(
        session, match=match, actor_id=actor_id, code="consent_given", details={"via": via}, now=now
    )
    return consent


def withdraw_consent(
    session: Session, *, match: Match, actor_id: int, via: str, now: datetime
) -> MatchConsent:
    """Withdraw the claimant's consent; the employer no longer sees who they are."""
    consent = standing_consent(session, match_id=match.id)
    if consent is None:
        raise TransitionError("no_consent", "there is no consent to withdraw")
    consent.withdrawn_at, consent.withdrawn_by_id, consent.withdrawn_via = now, actor_id, via
    record_event(
        session,
        match=match,
        actor_id=actor_id,
        code="consent_withdrawn",
        details={"via": via},
        now=now,
    )
    return consent


def _end_consent(
    session: Session, *, match: Match, actor_id: int | None, why: str, now: datetime
) -> None:
    """End a standing consent because the match closed (declined, rejected, ...)."""
    consent = standing_consent(session, match_id=match.id)
    if consent is not None:
        consent.withdrawn_at, consent.withdrawn_by_id = now, actor_id
        consent.withdrawn_via, consent.ended_by = "ended", why


def close_open_matches(
    session: Session, *, opportunity_id: int, reason_code: str, now: datetime | None = None
) -> int:
    """Close every open match of an opportunity that expired or was filled; return how many."""
    rows = session.scalars(
        select(Match).where(
            Match.opportunity_id == opportunity_id, Match.status.in_(OPEN_MATCH_STATUSES)
        )
    ).all()
    for match in rows:
        transition(
            session,
            match=match,
            to_status="closed",
            role=SYSTEM,
            actor_id=None,
            reason_code=reason_code,
            now=now,
        )
    return len(rows)


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
