"""Demo history: half a year of weekly sessions, as the Zicht op Werk approach runs them.

Every claimant comes to a weekly session within a week of intake (a few wait one or two
weeks longer: a full room, an illness), and people ready for work come back weekly
until they are placed. Proposals from held sessions move through the statuses at a
pace real applications take, so the funnel, the outflow per month and the covenant
ledger fill the way a working region's would. This week's sessions are still planned.
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from models import (
    Claimant,
    Match,
    Opportunity,
    SessionAttendance,
    User,
    WeeklySession,
)
from models.lifecycle import MEDIATOR, SYSTEM
from models.workflow import create, transition
from web.demo.people import HISTORY_WEEKS

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SEATS = 14
# Each held session leaves matches in one of these end states, with the path that led there.
PATHS = (
    ("proposed", "discussed", "interested", "applied", "interview", "placed"),
    ("proposed", "discussed", "interested", "applied", "interview"),
    ("proposed", "discussed", "interested", "applied"),
    ("proposed", "discussed", "interested"),
    ("proposed", "discussed", "declined"),
    ("proposed", "discussed", "rejected"),
)
PATH_WEIGHTS = (12, 10, 18, 20, 28, 12)
# Days after the session at which each status is reached.
STATUS_DAY = {
    "proposed": -2,
    "discussed": 0,
    "interested": 0,
    "declined": 0,
    "rejected": 0,
    "applied": 4,
    "interview": 12,
    "placed": 24,
}
REASONS = {"declined": "reistijd_te_lang", "rejected": "past_niet_bij_profiel"}
# What a mediator records with a placement: the lifecycle asks for it.
DEMO_PLACEMENT = {"hours_per_week": 24, "contract": "bepaalde_tijd"}
# (mediator index, weekday, town, room): one session a week per mediator.
ROOMS = (
    (0, 1, "Huizen", "Werkplein Huizen, zaal 2"),
    (1, 3, "Hilversum", "Werkplein Hilversum, zaal 1"),
)


@dataclass
class History:
    """What the history has made so far: proposals per claimant, and who was placed."""

    proposed: defaultdict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    placed: set[int] = field(default_factory=set)


def add_sessions_and_outcomes(
    session: Session,
    rng: random.Random,
    *,
    region: str,
    today: date,
    mediators: list[User],
    claimants: list[Claimant],
    opportunities: list[Opportunity],
) -> None:
    """Add half a year of weekly sessions per mediator, with attendance and outcomes."""
    jobs = [o for o in opportunities if o.kind in ("vacancy", "placement") and o.status == "open"]
    history = History()
    for index, weekday, town, room in ROOMS:
        mediator = mediators[index % len(mediators)]
        own = [c for c in claimants if c.mediator_id == mediator.id]
        days = _session_days(today, weekday)
        firsts = _first_sessions(rng, own, days)
        returning: list[Claimant] = []
        for day in days:
            weekly_session = _session(region, mediator, day, town, room, today)
            session.add(weekly_session)
            session.flush()
            new = [c for c in own if firsts.get(c.id) == day]
            again = rng.sample(returning, k=max(0, min(len(returning), SEATS - len(new))))
            if index == 0 and day >= today - timedelta(days=14):
                # The demo claimant login comes every week, so their pages have content.
                again = [claimants[0], *[c for c in again if c is not claimants[0]]]
            made = []
            attendees = list(dict.fromkeys([*new, *again]))
            weekly_session.seats = max(
                SEATS, len(attendees)
            )  # a busy intake week opens extra chairs
            for claimant in attendees:
                made += _attend(
                    session, rng, weekly_session, claimant, jobs, mediator, today, history
                )
            _record(session, made, mediator)
            returning += [c for c in new if c.ladder_step >= 5 and c is not claimants[0]]
            returning = [c for c in returning if c.id not in history.placed]


def _session_days(today: date, weekday: int) -> list[date]:
    """Return the session dates of the history, oldest first, ending this week."""
    this_week = today - timedelta(days=today.weekday()) + timedelta(days=weekday)
    return [this_week - timedelta(weeks=n) for n in range(HISTORY_WEEKS, -1, -1)]


def _first_sessions(
    rng: random.Random, claimants: list[Claimant], days: list[date]
) -> dict[int, date]:
    """Return each claimant's first session: the first after intake, for a few a later one."""
    firsts = {}
    for claimant in claimants:
        after = [day for day in days if day >= claimant.intake_on]
        if not after:
            continue
        delay = rng.choices((0, 1, 2), weights=(85, 11, 4))[0]
        firsts[claimant.id] = after[min(delay, len(after) - 1)]
    return firsts


def _session(
    region: str, mediator: User, day: date, town: str, room: str, today: date
) -> WeeklySession:
    """Return a morning session; those before today were held."""
    # Stored in UTC, as the app stores every moment.
    starts = datetime.combine(day, time(10, 0), tzinfo=AMSTERDAM).astimezone(UTC)
    return WeeklySession(
        region=region,
        mediator_id=mediator.id,
        starts_at=starts,
        location=room,
        municipality=town,
        seats=SEATS,
        status="held" if day < today else "planned",
    )


def _attend(
    session: Session,
    rng: random.Random,
    weekly_session: WeeklySession,
    claimant: Claimant,
    jobs: list[Opportunity],
    mediator: User,
    today: date,
    history: History,
) -> list[tuple[Match, list[tuple[str, datetime]]]]:
    """Record one person at a session; at a held one, return their proposals and steps."""
    if weekly_session.status == "planned":
        session.add(SessionAttendance(session_id=weekly_session.id, claimant_id=claimant.id))
        return []
    attended = rng.random() < 0.9
    session.add(
        SessionAttendance(session_id=weekly_session.id, claimant_id=claimant.id, attended=attended)
    )
    if attended and claimant.ladder_step >= 5:
        return _matches(rng, weekly_session, claimant, jobs, mediator, today, history)
    return []


def _matches(
    rng: random.Random,
    weekly_session: WeeklySession,
    claimant: Claimant,
    jobs: list[Opportunity],
    mediator: User,
    today: date,
    history: History,
) -> list[tuple[Match, list[tuple[str, datetime]]]]:
    """Return a held session's matches for one claimant with their dated status steps."""
    made = []
    seen = history.proposed[claimant.id]
    wanted = {t.lower() for t in claimant.desired_occupations}
    fitting = [o for o in jobs if o.id not in seen and _fits(o, claimant, wanted)]
    others = [o for o in jobs if o.id not in seen]
    for opportunity in rng.sample(fitting if len(fitting) >= 2 else others, k=2):
        path = rng.choices(PATHS, weights=PATH_WEIGHTS)[0]
        # Only the steps that have happened by today: a recent proposal is still under way.
        steps = [(s, weekly_session.starts_at + timedelta(days=STATUS_DAY[s])) for s in path]
        steps = [(s, at) for s, at in steps if at.date() <= today]
        match = Match(
            claimant_id=claimant.id,
            opportunity_id=opportunity.id,
            session_id=weekly_session.id,
            run_id="demo",
            score=round(rng.uniform(0.4, 0.95), 3),
            reasons=[f"Dit past bij het werk dat u zoekt: {_job_of(opportunity)}."],
            approved_by_id=mediator.id,
            approved_at=weekly_session.starts_at - timedelta(days=1),
            created_at=steps[0][1],
        )
        made.append((match, steps))
        seen.add(opportunity.id)
        if steps[-1][0] == "placed":
            history.placed.add(claimant.id)
    return made


def _job_of(opportunity: Opportunity) -> str:
    """Return the job in a demo title without its hours: "Kok (24-32 uur)" -> "kok"."""
    return opportunity.title.split(" (")[0].lower()


def _fits(opportunity: Opportunity, claimant: Claimant, wanted: set[str]) -> bool:
    """Return whether a mediator would propose this: wished-for work the person may do."""
    title = _job_of(opportunity)
    licence_ok = claimant.driving_licence or not opportunity.requires_driving_licence
    return licence_ok and (title in wanted or not wanted)


def _record(
    session: Session, matches: list[tuple[Match, list[tuple[str, datetime]]]], actor: User
) -> None:
    """Store matches and walk each one along its dated steps, by the declared lifecycle."""
    for match, steps in matches:
        (_first, created_at), *later = steps
        create(
            session,
            match=match,
            role=SYSTEM,
            actor_id=None,
            reason_code="matching_run",
            now=created_at,
        )
        for status, at in later:
            details = None
            if status == "placed":
                details = DEMO_PLACEMENT | {"start_on": (at + timedelta(days=7)).date().isoformat()}
            transition(
                session,
                match=match,
                to_status=status,
                role=MEDIATOR,
                actor_id=actor.id,
                reason_code=REASONS.get(status),
                details=details,
                now=at,
            )
