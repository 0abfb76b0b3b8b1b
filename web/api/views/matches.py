"""Match routes: what each role may see, approval, release, status changes and interest."""

from typing import Any

from flask import request
from flask.typing import ResponseReturnValue
from sqlalchemy.orm import Session

from matcher.store.candidates import candidate_view
from models import Match, Opportunity
from models.workflow import standing_consent
from web.api import bp, current_caller, present
from web.api.query import page_args, parse_query
from web.api.services import matches as service
from web.api.specs import ANSWER, APPROVAL, CONSENT, INTEREST, MATCH_FILTERS, STATUS_CHANGE
from web.api.tokens import Caller
from web.api.views.common import ID, audit, found, json_body
from web.db import get_session


def shown(db: Session, caller: Caller, match: Match, *, detail: bool = False) -> dict[str, Any]:
    """Return a match as the caller may see it, with what their role needs beside it."""
    data = present.match(match, caller.role, standing_consent(db, match_id=match.id))
    if caller.role == "employer":
        # The one employer presenter, the same the candidate page uses.
        data["candidate"] = candidate_view(db, match=match).as_json()
    if caller.role == "claimant":
        opportunity = db.get(Opportunity, match.opportunity_id)
        data["opportunity"] = present.opportunity(opportunity) if opportunity else None
    if detail and caller.role in ("mediator", "admin"):
        data["history"] = [present.change(c) for c in service.history(db, match_id=match.id)]
    return data


@bp.get("/matches")
def list_matches() -> ResponseReturnValue:
    """List the matches the caller may see."""
    caller, db = current_caller(), get_session()
    limit, offset = page_args(request.args)
    filters = parse_query(request.args, MATCH_FILTERS)
    result = service.list_matches(db, caller=caller, limit=limit, offset=offset, filters=filters)
    audit(db, caller, "match", [row.id for row in result.items])
    body = present.page([shown(db, caller, row) for row in result.items], result)
    db.commit()
    return body


@bp.get(f"/matches/<{ID}:match_id>")
def get_match(match_id: int) -> ResponseReturnValue:
    """Show one match, with its status history for mediators and admins."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    audit(db, caller, "match", [match.id])
    body = shown(db, caller, match, detail=True)
    db.commit()
    return body


@bp.post(f"/matches/<{ID}:match_id>/status")
def change_match_status(match_id: int) -> ResponseReturnValue:
    """Record a new status with a reason code (interested, applied, declined, ...)."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.change_status(db, caller=caller, match=match, data=json_body(STATUS_CHANGE))
    audit(db, caller, "match", [match.id], action="change")
    db.commit()
    return shown(db, caller, match, detail=True)


@bp.post(f"/matches/<{ID}:match_id>/approve")
def approve_match(match_id: int) -> ResponseReturnValue:
    """Approve a proposal so the claimant may see it."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.approve(db, caller=caller, match=match, data=json_body(APPROVAL, optional=True))
    audit(db, caller, "match", [match.id], action="approve")
    db.commit()
    return shown(db, caller, match, detail=True)


@bp.post(f"/matches/<{ID}:match_id>/release")
def release_match(match_id: int) -> ResponseReturnValue:
    """Release an approved proposal to the employer, anonymised."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.release(db, caller=caller, match=match)
    audit(db, caller, "match", [match.id], action="release")
    db.commit()
    return shown(db, caller, match, detail=True)


@bp.post(f"/matches/<{ID}:match_id>/interest")
def mark_interest(match_id: int) -> ResponseReturnValue:
    """Let a claimant say whether they are interested in an approved match."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.mark_interest(db, caller=caller, match=match, data=json_body(INTEREST))
    audit(db, caller, "match", [match.id], action="change")
    db.commit()
    return shown(db, caller, match)


@bp.post(f"/matches/<{ID}:match_id>/answer")
def answer_match(match_id: int) -> ResponseReturnValue:
    """Let an employer invite a released candidate for an interview, or decline with a reason."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.answer(db, caller=caller, match=match, data=json_body(ANSWER))
    audit(db, caller, "match", [match.id], action="change")
    db.commit()
    return shown(db, caller, match)


@bp.post(f"/matches/<{ID}:match_id>/consent")
def set_consent(match_id: int) -> ResponseReturnValue:
    """Let a claimant give or withdraw consent that the employer sees their name and e-mail."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.set_consent(db, caller=caller, match=match, data=json_body(CONSENT))
    audit(db, caller, "match", [match.id], action="change")
    db.commit()
    return shown(db, caller, match)
