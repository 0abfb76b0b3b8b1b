"""Matches as each role may see them, and the changes mediators and claimants make."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from matcher.records import FieldError
from models import Claimant, Match, MatchStatusChange, Opportunity
from models.base import utcnow
from web.api.fields import FieldsError
from web.api.services.paging import Page, paginate
from web.api.tokens import Caller
from web.claimant import services as claimant_pages
from web.employer import proposals
from web.mediator import transitions
from web.mediator.transitions import TransitionError

_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")


def visible_matches(caller: Caller) -> Select[Match]:
    """Return a select of the matches the caller may see."""
    statement = select(Match).order_by(Match.id)
    if caller.role == "mediator":
        in_region = select(Claimant.id).where(Claimant.region == caller.region)
        return statement.where(Match.claimant_id.in_(in_region))
    if caller.role == "employer":
        own = select(Opportunity.id).where(Opportunity.employer_id == (caller.employer_id or 0))
        return statement.where(
            Match.opportunity_id.in_(own),
            Match.approved_at.is_not(None),
            Match.released_to_employer_at.is_not(None),
        )
    if caller.role == "claimant":
        return statement.where(
            Match.claimant_id == (caller.claimant_id or 0), Match.approved_at.is_not(None)
        )
    if caller.role == "admin":
        return statement
    return statement.where(Match.id.is_(None))


def list_matches(
    session: Session,
    *,
    caller: Caller,
    limit: int,
    offset: int,
    filters: dict[str, Any],
) -> Page[Match]:
    """Return a page of visible matches, filtered by status, claimant, opportunity or session."""
    statement = visible_matches(caller)
    for name, value in filters.items():
        statement = statement.where(getattr(Match, name) == value)
    return paginate(session, statement, limit=limit, offset=offset)


def get_match(session: Session, *, caller: Caller, match_id: int) -> Match | None:
    """Return one match if the caller may see it, else None."""
    return session.scalar(visible_matches(caller).where(Match.id == match_id))


def history(session: Session, *, match_id: int) -> list[MatchStatusChange]:
    """Return a match's status changes, oldest first."""
    return list(
        session.scalars(
            select(MatchStatusChange)
            .where(MatchStatusChange.match_id == match_id)
            .order_by(MatchStatusChange.at, MatchStatusChange.id)
        )
    )


def change_status(
    session: Session, *, caller: Caller, match: Match, data: dict[str, Any]
) -> MatchStatusChange:
    """Move a match to a new status with a reason code, by the UI's own transition rules."""
    if data["to_status"] == match.status:
        raise FieldsError([FieldError("to_status", f"the match is already {match.status}")])
    _require_code(data.get("reason_code"))
    for name in ("follow_up_on", "applied_on"):
        if data.get(name):
            setattr(match, name, date.fromisoformat(data[name]))
    with _as_field("to_status"):
        change = transitions.change_status(
            session,
            match=match,
            to_status=data["to_status"],
            actor_id=caller.user_id,
            reason_code=data["reason_code"],
            note=data.get("note"),
            details={"via": "api"},
        )
    session.flush()
    return change


def approve(session: Session, *, caller: Caller, match: Match, data: dict[str, Any]) -> None:
    """Approve a proposal so the claimant may see it; approving twice changes nothing."""
    if data.get("reason_code") is not None:
        _require_code(data["reason_code"])
    if match.approved_at is not None:
        return
    with _as_field("match"):
        transitions.approve(session, match=match, actor_id=caller.user_id, now=utcnow())
    session.flush()


def release(session: Session, *, caller: Caller, match: Match) -> None:
    """Release an approved proposal to the employer, anonymised; releasing twice is harmless."""
    if match.released_to_employer_at is not None:
        return
    with _as_field("match"):
        transitions.release(session, match=match, actor_id=caller.user_id, now=utcnow())
    session.flush()


def mark_interest(session: Session, *, caller: Caller, match: Match, data: dict[str, Any]) -> None:
    """Record whether the claimant is interested, as the claimant pages do (interest is consent)."""
    with _as_field("interested"):
        claimant_pages.mark_interest(
            session,
            claimant_id=caller.claimant_id or 0,
            actor_id=caller.user_id,
            match_id=match.id,
            interested=bool(data["interested"]),
            now=utcnow(),
        )
    session.flush()


def answer(session: Session, *, caller: Caller, match: Match, data: dict[str, Any]) -> None:
    """Invite a candidate for an interview or decline them with a reason, as employers do."""
    code = data.get("reason_code")
    if code is not None:
        _require_code(code)
    elif not data["accept"]:
        raise FieldsError([FieldError("reason_code", "a reason code is required to decline")])
    with _as_field("accept"):
        proposals.answer(
            session,
            employer_id=caller.employer_id or 0,
            actor_id=caller.user_id,
            match_id=match.id,
            accept=bool(data["accept"]),
            reason_code=code,
        )
    session.flush()


@contextmanager
def _as_field(field: str) -> Iterator[None]:
    """Turn a refused transition of the shared rules into a field error."""
    try:
        yield
    except (TransitionError, LookupError) as error:
        raise FieldsError([FieldError(field, str(error).strip("'\""))]) from None


def _require_code(code: str | None) -> None:
    """Refuse reason codes that are not short lower-case codes."""
    if code is None or not _CODE.fullmatch(code):
        raise FieldsError([FieldError("reason_code", "use a short code of a-z, 0-9 and _")])
