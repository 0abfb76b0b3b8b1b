"""Who came to a session, closing it ("Sessie afronden") and reopening it the same day."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Claimant, SessionAttendance, WeeklySession

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class SessionStateError(ValueError):
    """A session step that is not possible now; `code` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _day(value: datetime) -> date:
    aware = value if value.tzinfo else value.replace(tzinfo=ZoneInfo("UTC"))
    return aware.astimezone(AMSTERDAM).date()


def mark(
    session: Session, *, weekly_session: WeeklySession, attendance_id: int, present: bool
) -> None:
    """Mark one invited person present or absent, while the session is not closed."""
    attendance = session.get(SessionAttendance, attendance_id)
    if attendance is None or attendance.session_id != weekly_session.id:
        raise LookupError("no such attendee in this session")
    if weekly_session.status != "planned":
        raise SessionStateError("closed")
    attendance.attended = present


def unmarked(session: Session, *, weekly_session: WeeklySession) -> list[Claimant]:
    """Return who is neither marked present nor absent: closing marks them absent."""
    return list(
        session.scalars(
            select(Claimant)
            .join(SessionAttendance, SessionAttendance.claimant_id == Claimant.id)
            .where(
                SessionAttendance.session_id == weekly_session.id,
                SessionAttendance.attended.is_(None),
            )
            .order_by(Claimant.last_name, Claimant.first_name)
        )
    )


def close(session: Session, *, weekly_session: WeeklySession, now: datetime) -> int:
    """Close a session on or after its day; mark the unmarked absent; return how many."""
    if weekly_session.status != "planned":
        raise SessionStateError("not_planned")
    if _day(now) < _day(weekly_session.starts_at):
        raise SessionStateError("too_early")
    rows = session.scalars(
        select(SessionAttendance).where(
            SessionAttendance.session_id == weekly_session.id, SessionAttendance.attended.is_(None)
        )
    ).all()
    for attendance in rows:
        attendance.attended = False
    weekly_session.status, weekly_session.closed_at = "held", now
    return len(rows)


def reopen(weekly_session: WeeklySession, *, now: datetime) -> None:
    """Reopen a session closed today, so attendance can be corrected."""
    if (
        weekly_session.status != "held"
        or weekly_session.closed_at is None
        or _day(weekly_session.closed_at) != _day(now)
    ):
        raise SessionStateError("not_today")
    weekly_session.status, weekly_session.closed_at = "planned", None


def can_reopen(weekly_session: WeeklySession, *, now: datetime) -> bool:
    """Return whether the session was closed today (and so may be reopened)."""
    return (
        weekly_session.status == "held"
        and weekly_session.closed_at is not None
        and _day(weekly_session.closed_at) == _day(now)
    )
