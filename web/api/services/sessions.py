"""Weekly group sessions for mediators (their region) and admins."""

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models import GroupSession, SessionAttendance
from web.api.services.paging import Page, paginate
from web.api.tokens import Caller


def visible_sessions(caller: Caller) -> Select[GroupSession]:
    """Return a select of the sessions the caller may see."""
    statement = select(GroupSession).order_by(GroupSession.starts_at, GroupSession.id)
    if caller.role == "mediator":
        return statement.where(GroupSession.region == caller.region)
    if caller.role == "admin":
        return statement
    return statement.where(GroupSession.id.is_(None))


def list_sessions(
    session: Session, *, caller: Caller, limit: int, offset: int, status: str | None = None
) -> Page[GroupSession]:
    """Return a page of visible sessions by start time, optionally of one status."""
    statement = visible_sessions(caller)
    if status:
        statement = statement.where(GroupSession.status == status)
    return paginate(session, statement, limit=limit, offset=offset)


def get_session_with_attendees(
    session: Session, *, caller: Caller, session_id: int
) -> tuple[GroupSession, list[SessionAttendance]] | None:
    """Return a visible session and its attendance rows, or None."""
    group = session.scalar(visible_sessions(caller).where(GroupSession.id == session_id))
    if group is None:
        return None
    attendees = session.scalars(
        select(SessionAttendance)
        .where(SessionAttendance.session_id == group.id)
        .order_by(SessionAttendance.claimant_id)
    )
    return group, list(attendees)
