"""Match routes: what each role may see, approval, release, status changes and interest."""

from typing import Any

from flask.typing import ResponseReturnValue
from sqlalchemy.orm import Session

from matcher.store.candidates import candidate_view
from models import Match, Opportunity
from models.workflow import standing_consent
from web.api import current_caller, present
from web.api.routes import route
from web.api.services import matches as service
from web.api.specs import ANSWER, APPROVAL, CONSENT, INTEREST, MATCH_QUERY, STATUS_CHANGE
from web.api.tokens import Caller
from web.api.views.common import ID, audit, found
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


@route(
    "GET", "/matches", "List matches",
    "mediator (region), employer (approved and released, anonymised; filters "
    "status and opportunity_id only), claimant (own, approved), admin",
    (200, "MatchPage"), query=MATCH_QUERY,
)  # fmt: skip
def list_matches(query: dict[str, Any]) -> ResponseReturnValue:
    """List the matches the caller may see."""
    caller, db = current_caller(), get_session()
    limit, offset = query.pop("limit"), query.pop("offset")
    result = service.list_matches(db, caller=caller, limit=limit, offset=offset, filters=query)
    audit(db, caller, "match", [row.id for row in result.items])
    body = present.page([shown(db, caller, row) for row in result.items], result)
    db.commit()
    return body


@route("GET", f"/matches/<{ID}:match_id>", "Show a match", "as for the list", (200, "Match"))
def get_match(match_id: int) -> ResponseReturnValue:
    """Show one match, with its status history for mediators and admins."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    audit(db, caller, "match", [match.id])
    body = shown(db, caller, match, detail=True)
    db.commit()
    return body


@route(
    "POST", f"/matches/<{ID}:match_id>/status",
    "Move a match by one step of the lifecycle (409 when not allowed)", "mediator",
    (200, "Match"), body=STATUS_CHANGE, refusable=True,
)  # fmt: skip
def change_match_status(match_id: int, body: dict[str, Any]) -> ResponseReturnValue:
    """Record a new status with a reason code (interested, applied, declined, ...)."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.change_status(db, caller=caller, match=match, data=body)
    audit(db, caller, "match", [match.id], action="change")
    db.commit()
    return shown(db, caller, match, detail=True)


@route(
    "POST", f"/matches/<{ID}:match_id>/approve", "Approve a proposal before anyone else sees it",
    "mediator", (200, "Match"), body=APPROVAL, body_required=False, refusable=True,
)  # fmt: skip
def approve_match(match_id: int, body: dict[str, Any]) -> ResponseReturnValue:
    """Approve a proposal so the claimant may see it."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.approve(db, caller=caller, match=match, data=body)
    audit(db, caller, "match", [match.id], action="approve")
    db.commit()
    return shown(db, caller, match, detail=True)


@route(
    "POST", f"/matches/<{ID}:match_id>/release",
    "Release an approved proposal to the employer, anonymised", "mediator", (200, "Match"),
    refusable=True,
)  # fmt: skip
def release_match(match_id: int) -> ResponseReturnValue:
    """Release an approved proposal to the employer, anonymised."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.release(db, caller=caller, match=match)
    audit(db, caller, "match", [match.id], action="release")
    db.commit()
    return shown(db, caller, match, detail=True)


@route(
    "POST", f"/matches/<{ID}:match_id>/interest",
    "Say whether you are interested (also your consent)", "claimant (own)", (200, "Match"),
    body=INTEREST, refusable=True,
)  # fmt: skip
def mark_interest(match_id: int, body: dict[str, Any]) -> ResponseReturnValue:
    """Let a claimant say whether they are interested in an approved match."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.mark_interest(db, caller=caller, match=match, data=body)
    audit(db, caller, "match", [match.id], action="change")
    db.commit()
    return shown(db, caller, match)


@route(
    "POST", f"/matches/<{ID}:match_id>/answer",
    "Invite, hire (placed), not hire with a reason, or record a no-show",
    "employer (own, released)", (200, "Match"), body=ANSWER, refusable=True,
)  # fmt: skip
def answer_match(match_id: int, body: dict[str, Any]) -> ResponseReturnValue:
    """Let an employer invite a released candidate for an interview, or decline with a reason."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.answer(db, caller=caller, match=match, data=body)
    audit(db, caller, "match", [match.id], action="change")
    db.commit()
    return shown(db, caller, match)


@route(
    "POST", f"/matches/<{ID}:match_id>/consent",
    "Give or withdraw consent that the employer sees your name and e-mail", "claimant (own)",
    (200, "Match"), body=CONSENT, refusable=True,
)  # fmt: skip
def set_consent(match_id: int, body: dict[str, Any]) -> ResponseReturnValue:
    """Let a claimant give or withdraw consent that the employer sees their name and e-mail."""
    caller, db = current_caller(), get_session()
    match = found(service.get_match(db, caller=caller, match_id=match_id))
    service.set_consent(db, caller=caller, match=match, data=body)
    audit(db, caller, "match", [match.id], action="change")
    db.commit()
    return shown(db, caller, match)
