"""Session routes for mediators and admins; attendee lists are audited."""

from typing import Any

from flask.typing import ResponseReturnValue

from web.api import current_caller, present
from web.api.routes import route
from web.api.services import sessions as service
from web.api.specs import SESSION_QUERY
from web.api.views.common import ID, audit, found
from web.db import get_session


@route(
    "GET", "/sessions", "List sessions", "mediator (region), admin", (200, "SessionPage"),
    query=SESSION_QUERY,
)  # fmt: skip
def list_sessions(query: dict[str, Any]) -> ResponseReturnValue:
    """List the sessions the caller may see, by start time."""
    result = service.list_sessions(get_session(), caller=current_caller(), **query)
    return present.page([present.weekly_session(row) for row in result.items], result)


@route(
    "GET", f"/sessions/<{ID}:session_id>", "Show a session with its attendees",
    "mediator (region), admin", (200, "Session"), endpoint="get_session",
)  # fmt: skip
def get_session_detail(session_id: int) -> ResponseReturnValue:
    """Show one session with who is invited and who came."""
    caller, db = current_caller(), get_session()
    weekly_session, attendees = found(
        service.get_session_with_attendees(db, caller=caller, session_id=session_id)
    )
    audit(db, caller, "claimant", [a.claimant_id for a in attendees])
    db.commit()
    return present.weekly_session(weekly_session, attendees)
