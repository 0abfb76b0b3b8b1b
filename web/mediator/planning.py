"""Weekly sessions: what is planned, who comes, and inviting a new claimant."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import AuditEvent, Claimant, Match, Opportunity, SessionAttendance, WeeklySession
from models.lifecycle import OPEN_MATCH_STATUSES as OPEN_STATUSES
from models.workflow import consented_match_ids
from web.mediator.proposals import checklists

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class SessionSummary:
    """One session in the planner, with how many seats are taken."""

    session: WeeklySession
    attendees: int

    @property
    def free_seats(self) -> int:
        """Return the number of seats still free."""
        return max(self.session.seats - self.attendees, 0)


@dataclass
class Proposal:
    """A match shown in a session, with its opportunity and checklist."""

    match: Match
    opportunity: Opportunity
    checklist: dict[str, bool] = field(default_factory=dict)
    # The claimant's consent to be named to the employer stands.
    consent: bool = False


@dataclass
class Attendee:
    """A claimant in a session and the proposals to discuss with them."""

    claimant: Claimant
    attendance: SessionAttendance
    proposals: list[Proposal]


def week_bounds(today: date) -> tuple[datetime, datetime]:
    """Return Monday 00:00 and the next Monday 00:00 (Amsterdam) around a day."""
    monday = today - timedelta(days=today.weekday())
    start = datetime.combine(monday, time(0, 0), tzinfo=AMSTERDAM)
    return start, start + timedelta(days=7)


def session_summaries(
    session: Session, *, region: str, start: datetime, end: datetime
) -> list[SessionSummary]:
    """Return the region's sessions starting in [start, end), earliest first."""
    counts = (
        select(SessionAttendance.session_id, func.count().label("n"))
        .group_by(SessionAttendance.session_id)
        .subquery()
    )
    rows = session.execute(
        select(WeeklySession, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.session_id == WeeklySession.id)
        .where(
            WeeklySession.region == region,
            WeeklySession.starts_at >= start,
            WeeklySession.starts_at < end,
        )
        .order_by(WeeklySession.starts_at)
    ).all()
    return [SessionSummary(weekly_session, int(n)) for weekly_session, n in rows]


def get_weekly_session(session: Session, *, session_id: int, region: str) -> WeeklySession | None:
    """Return a session of the region, or None."""
    weekly_session = session.get(WeeklySession, session_id)
    return (
        weekly_session if weekly_session is not None and weekly_session.region == region else None
    )


def attendees(
    session: Session, *, weekly_session: WeeklySession, attendance_id: int | None = None
) -> list[Attendee]:
    """Return the session's attendees (or one) by name, each with open proposals by score."""
    query = (
        select(SessionAttendance, Claimant)
        .join(Claimant, Claimant.id == SessionAttendance.claimant_id)
        .where(SessionAttendance.session_id == weekly_session.id)
        .order_by(Claimant.last_name, Claimant.first_name, Claimant.id)
    )
    if attendance_id is not None:
        query = query.where(SessionAttendance.id == attendance_id)
    rows = session.execute(query).all()
    ids = [claimant.id for _attendance, claimant in rows]
    matches = session.execute(
        select(Match, Opportunity)
        .join(Opportunity, Opportunity.id == Match.opportunity_id)
        .where(
            Match.claimant_id.in_(ids),
            (Match.session_id == weekly_session.id) | Match.status.in_(OPEN_STATUSES),
        )
        .order_by(Match.score.desc(), Match.id)
    ).all()
    match_ids = [match.id for match, _opp in matches]
    lists = checklists(session, match_ids=match_ids)
    consented = consented_match_ids(session, match_ids=match_ids)
    by_claimant: dict[int, list[Proposal]] = {claimant_id: [] for claimant_id in ids}
    for match, opportunity in matches:
        by_claimant[match.claimant_id].append(
            Proposal(match, opportunity, lists.get(match.id, {}), match.id in consented)
        )
    return [Attendee(c, a, by_claimant[c.id]) for a, c in rows]


def open_proposals(session: Session, pairs: list[tuple[Match, Opportunity]]) -> dict[int, Proposal]:
    """Return the open, approved matches among pairs as proposals with their buttons' state."""
    open_pairs = [(m, o) for m, o in pairs if m.approved_at and m.status in OPEN_STATUSES]
    ids = [m.id for m, _o in open_pairs]
    lists = checklists(session, match_ids=ids)
    consented = consented_match_ids(session, match_ids=ids)
    return {m.id: Proposal(m, o, lists.get(m.id, {}), m.id in consented) for m, o in open_pairs}


def first_free_session(
    session: Session, *, region: str, now: datetime, within_days: int
) -> WeeklySession | None:
    """Return the earliest planned session within the coming days that has a free seat."""
    for summary in session_summaries(
        session, region=region, start=now, end=now + timedelta(days=within_days)
    ):
        if summary.session.status == "planned" and summary.free_seats > 0:
            return summary.session
    return None


def invite(
    session: Session, *, weekly_session: WeeklySession, claimant_id: int
) -> SessionAttendance:
    """Invite a claimant to a session."""
    attendance = SessionAttendance(session_id=weekly_session.id, claimant_id=claimant_id)
    session.add(attendance)
    session.flush()
    return attendance


def invite_to_first_free(
    session: Session, *, claimant: Claimant, now: datetime, within_days: int = 14
) -> WeeklySession | None:
    """Invite a new claimant to the first planned session with a free seat, if any."""
    weekly_session = first_free_session(
        session, region=claimant.region, now=now, within_days=within_days
    )
    if weekly_session is not None:
        invite(session, weekly_session=weekly_session, claimant_id=claimant.id)
    return weekly_session


def plan_session(
    session: Session,
    *,
    region: str,
    mediator_id: int,
    starts_at: datetime,
    location: str,
    seats: int,
) -> WeeklySession:
    """Add a planned session."""
    # Kept in UTC: SQLite would store an Amsterdam time as if it were UTC, an hour off.
    weekly_session = WeeklySession(
        region=region,
        mediator_id=mediator_id,
        starts_at=starts_at.astimezone(UTC),
        location=location,
        seats=seats,
    )
    session.add(weekly_session)
    session.flush()
    return weekly_session


def record_session_read(session: Session, *, actor_id: int, session_id: int, view: str) -> None:
    """Write an audit record that a mediator opened a session's attendee list."""
    session.add(
        AuditEvent(
            actor_id=actor_id,
            actor_role="mediator",
            action="read",
            object_type="group_session",
            object_id=str(session_id),
            reason=view,
        )
    )


def sessions_of(
    session: Session, *, claimant_id: int
) -> list[tuple[WeeklySession, SessionAttendance]]:
    """Return the sessions a claimant was invited to, latest first."""
    rows = session.execute(
        select(WeeklySession, SessionAttendance)
        .join(SessionAttendance, SessionAttendance.session_id == WeeklySession.id)
        .where(SessionAttendance.claimant_id == claimant_id)
        .order_by(WeeklySession.starts_at.desc())
    ).all()
    return [(weekly_session, attendance) for weekly_session, attendance in rows]


def has_planned_session(session: Session, *, claimant_id: int) -> bool:
    """Return whether the claimant is already invited to a planned session."""
    return any(g.status == "planned" for g, _a in sessions_of(session, claimant_id=claimant_id))
