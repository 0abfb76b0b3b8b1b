"""Matches as each role may see them, and the changes mediators and claimants make."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from matcher.records import FieldError
from matcher.store.candidates import visible_to_employer
from models import Claimant, Match, MatchStatusChange, workflow
from models.base import utcnow
from models.lifecycle import MEDIATOR
from models.workflow import TransitionError
from web.api.fields import FieldsError
from web.api.services.paging import Page, paginate
from web.api.tokens import Caller
from web.claimant import services as claimant_pages
from web.employer import proposals

_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")
EMPLOYER_FILTERS = {"status", "opportunity_id"}


def visible_matches(caller: Caller) -> Select[Match]:
    """Return a select of the matches the caller may see."""
    statement = select(Match).order_by(Match.id)
    if caller.role == "mediator":
        in_region = select(Claimant.id).where(Claimant.region == caller.region)
        return statement.where(Match.claimant_id.in_(in_region))
    if caller.role == "employer":
        return visible_to_employer(caller.employer_id or 0).order_by(Match.id)
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
    """Return a page of visible matches, filtered by status, claimant, opportunity or session.

    An employer may filter by status and place only: a claimant or session filter would let
    them link anonymous candidates across proposals.
    """
    if caller.role == "employer":
        linking = sorted(set(filters) - EMPLOYER_FILTERS)
        if linking:
            raise FieldsError(
                [FieldError(name, "employers cannot filter on this") for name in linking],
                status=400,
            )
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
    """Move a match by one declared step of the lifecycle, as a mediator."""
    _require_code(data.get("reason_code"))
    details: dict[str, Any] = {"via": "api"}
    for name in ("start_on", "hours_per_week", "contract", "instrument", "applied_on"):
        if data.get(name) is not None:
            details[name] = data[name]
    with _refused("to_status"):
        change = workflow.transition(
            session,
            match=match,
            to_status=data["to_status"],
            role=MEDIATOR,
            actor_id=caller.user_id,
            reason_code=data["reason_code"],
            note=data.get("note"),
            details=details,
        )
    for name in ("follow_up_on", "applied_on"):
        if data.get(name):
            setattr(match, name, date.fromisoformat(data[name]))
    session.flush()
    return change


def approve(session: Session, *, caller: Caller, match: Match, data: dict[str, Any]) -> None:
    """Approve a proposal so the claimant may see it; approving twice changes nothing."""
    if data.get("reason_code") is not None:
        _require_code(data["reason_code"])
    if match.approved_at is not None:
        return
    with _refused("match"):
        workflow.approve(session, match=match, actor_id=caller.user_id, now=utcnow())
    session.flush()


def release(session: Session, *, caller: Caller, match: Match) -> None:
    """Release an approved proposal to the employer, anonymised; releasing twice is harmless."""
    if match.released_to_employer_at is not None:
        return
    with _refused("match"):
        workflow.release(session, match=match, actor_id=caller.user_id, now=utcnow())
    session.flush()


def mark_interest(session: Session, *, caller: Caller, match: Match, data: dict[str, Any]) -> None:
    """Record whether the claimant is interested, as the claimant pages do (interest is consent)."""
    with _refused("interested"):
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
    """Invite, hire, not hire (with a reason) or record a no-show, as on the candidate page."""
    decision = data.get("decision") or ("interview" if data.get("accept") else "reject")
    if data.get("decision") is None and data.get("accept") is None:
        raise FieldsError([FieldError("decision", "give a decision (or accept)")])
    code = data.get("reason_code")
    if code is not None:
        _require_code(code)
    elif decision in ("reject", "no_show"):
        raise FieldsError([FieldError("reason_code", "a reason code is required here")])
    placement = {
        name: data.get(name) for name in ("start_on", "hours_per_week", "contract", "instrument")
    }
    with _refused("decision"):
        proposals.decide(
            session,
            employer_id=caller.employer_id or 0,
            actor_id=caller.user_id,
            match_id=match.id,
            decision=decision,
            reason_code=code,
            placement=placement,
            now=utcnow(),
        )
    session.flush()


def set_consent(session: Session, *, caller: Caller, match: Match, data: dict[str, Any]) -> None:
    """Give or withdraw the claimant's consent for one match, as the portal page does."""
    with _refused("given"):
        claimant_pages.set_consent(
            session,
            claimant_id=caller.claimant_id or 0,
            actor_id=caller.user_id,
            match_id=match.id,
            given=bool(data["given"]),
            now=utcnow(),
        )
    session.flush()


@contextmanager
def _refused(field: str) -> Iterator[None]:
    """Turn a step the lifecycle refuses into a 409 naming the field and the reason."""
    try:
        yield
    except TransitionError as error:
        raise FieldsError([FieldError(field, str(error).strip("'\""))], status=409) from None
    except LookupError as error:
        raise FieldsError([FieldError(field, str(error).strip("'\""))]) from None


def _require_code(code: str | None) -> None:
    """Refuse reason codes that are not short lower-case codes."""
    if code is None or not _CODE.fullmatch(code):
        raise FieldsError([FieldError("reason_code", "use a short code of a-z, 0-9 and _")])
