"""Weekly sessions for mediators (their region) and admins."""

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models import SessionAttendance, WeeklySession
from web.api.services.paging import Page, paginate
from web.api.tokens import Caller


def visible_sessions(caller: Caller) -> Select[WeeklySession]:
    """Return a select of the sessions the caller may see."""
    statement = select(WeeklySession).order_by(WeeklySession.starts_at, WeeklySession.id)
    if caller.role == "mediator":
        return statement.where(WeeklySession.region == caller.region)
    if caller.role == "admin":
        return statement
    return statement.where(WeeklySession.id.is_(None))


def list_sessions(
    session: Session, *, caller: Caller, limit: int, offset: int, status: str | None = None
) -> Page[WeeklySession]:
    """Return a page of visible sessions by start time, optionally of one status."""
    statement = visible_sessions(caller)
    if status:
        statement = statement.where(WeeklySession.status == status)
    return paginate(session, statement, limit=limit, offset=offset)


def get_session_with_attendees(
    session: Session, *, caller: Caller, session_id: int
) -> tuple[WeeklySession, list[SessionAttendance]] | None:
    """Return a visible session and its attendance rows, or None."""
    weekly_session = session.scalar(visible_sessions(caller).where(WeeklySession.id == session_id))
    if weekly_session is None:
        return None
    attendees = session.scalars(
        select(SessionAttendance)
        .where(SessionAttendance.session_id == weekly_session.id)
        .order_by(SessionAttendance.claimant_id)
    )
    return weekly_session, list(attendees)
