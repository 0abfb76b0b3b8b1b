"""Session routes for mediators and admins; attendee lists are audited."""

from flask import request
from flask.typing import ResponseReturnValue

from web.api import bp, current_caller, present
from web.api.query import page_args, parse_query
from web.api.services import sessions as service
from web.api.specs import SESSION_FILTERS
from web.api.views.common import ID, audit, found
from web.db import get_session


@bp.get("/sessions")
def list_sessions() -> ResponseReturnValue:
    """List the sessions the caller may see, by start time."""
    limit, offset = page_args(request.args)
    status = parse_query(request.args, SESSION_FILTERS).get("status")
    result = service.list_sessions(
        get_session(), caller=current_caller(), limit=limit, offset=offset, status=status
    )
    return present.page([present.group_session(row) for row in result.items], result)


@bp.get(f"/sessions/<{ID}:session_id>", endpoint="get_session")
def get_session_detail(session_id: int) -> ResponseReturnValue:
    """Show one session with who is invited and who came."""
    caller, db = current_caller(), get_session()
    group, attendees = found(
        service.get_session_with_attendees(db, caller=caller, session_id=session_id)
    )
    audit(db, caller, "claimant", [a.claimant_id for a in attendees])
    db.commit()
    return present.group_session(group, attendees)
