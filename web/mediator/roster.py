"""The session overview: one line per attendee, read in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from models import Claimant, Match, MatchStatusChange, SessionAttendance, WeeklySession
from models.lifecycle import OPEN_MATCH_STATUSES as OPEN_STATUSES


@dataclass(frozen=True)
class RosterLine:
    """One attendee as the overview shows them: who, present, what waits, what is next."""

    attendance_id: int
    attended: bool | None
    claimant_id: int
    first_name: str
    last_name: str
    waiting: int  # proposals the mediator has not approved or rejected yet
    open: int  # approved proposals still under way
    last_action: datetime | None
    follow_up: date | None

    @property
    def display_name(self) -> str:
        """Return the name a mediator sees (as Claimant.display_name)."""
        return f"{self.first_name} {self.last_name}"


def session_matches(weekly_session: WeeklySession) -> object:
    """Return the condition for the matches a session shows: its own or still open."""
    return (Match.session_id == weekly_session.id) | Match.status.in_(OPEN_STATUSES)


def roster(session: Session, *, weekly_session: WeeklySession) -> list[RosterLine]:
    """Return the session's attendees in session order with their counts (three queries)."""
    # Columns, not ORM objects: thirty full claimant rows cost more than the page itself.
    rows = session.execute(
        select(
            SessionAttendance.id,
            SessionAttendance.attended,
            Claimant.id.label("claimant_id"),
            Claimant.first_name,
            Claimant.last_name,
        )
        .join(Claimant, Claimant.id == SessionAttendance.claimant_id)
        .where(SessionAttendance.session_id == weekly_session.id)
        .order_by(Claimant.last_name, Claimant.first_name, Claimant.id)
    ).all()
    ids = [row.claimant_id for row in rows]
    shown = and_(Match.claimant_id.in_(ids), session_matches(weekly_session))  # type: ignore[arg-type]
    waiting = (Match.status == "proposed") & Match.approved_at.is_(None)
    under_way = Match.approved_at.is_not(None) & Match.status.in_(OPEN_STATUSES)
    counts = {
        row.claimant_id: row
        for row in session.execute(
            select(
                Match.claimant_id,
                func.sum(case((waiting, 1), else_=0)).label("waiting"),
                func.sum(case((under_way, 1), else_=0)).label("open"),
                func.min(case((under_way, Match.follow_up_on), else_=None)).label("follow_up"),
            )
            .where(shown)
            .group_by(Match.claimant_id)
        )
    }
    last: dict[int, datetime] = {
        claimant_id: at
        for claimant_id, at in session.execute(
            select(Match.claimant_id, func.max(MatchStatusChange.at))
            .join(MatchStatusChange, MatchStatusChange.match_id == Match.id)
            .where(shown)
            .group_by(Match.claimant_id)
        )
    }
    return [
        RosterLine(
            attendance_id=row.id,
            attended=row.attended,
            claimant_id=row.claimant_id,
            first_name=row.first_name,
            last_name=row.last_name,
            waiting=int(counts[row.claimant_id].waiting) if row.claimant_id in counts else 0,
            open=int(counts[row.claimant_id].open) if row.claimant_id in counts else 0,
            last_action=last.get(row.claimant_id),
            follow_up=counts[row.claimant_id].follow_up if row.claimant_id in counts else None,
        )
        for row in rows
    ]


def session_order(session: Session, *, weekly_session: WeeklySession) -> list[int]:
    """Return the session's attendance ids in the order of the overview."""
    return list(
        session.scalars(
            select(SessionAttendance.id)
            .join(Claimant, Claimant.id == SessionAttendance.claimant_id)
            .where(SessionAttendance.session_id == weekly_session.id)
            .order_by(Claimant.last_name, Claimant.first_name, Claimant.id)
        )
    )


def next_session(
    session: Session, *, weekly_session: WeeklySession, claimant_id: int
) -> WeeklySession | None:
    """Return the first planned session after this one that the claimant is invited to."""
    return session.scalars(
        select(WeeklySession)
        .join(SessionAttendance, SessionAttendance.session_id == WeeklySession.id)
        .where(
            SessionAttendance.claimant_id == claimant_id,
            WeeklySession.starts_at > weekly_session.starts_at,
            WeeklySession.status == "planned",
        )
        .order_by(WeeklySession.starts_at)
        .limit(1)
    ).first()
