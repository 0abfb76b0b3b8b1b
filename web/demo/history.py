"""Demo weekly sessions: two held ones with outcomes, and this week's."""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from models import (
    Claimant,
    GroupSession,
    Match,
    Opportunity,
    SessionAttendance,
    User,
)
from models.lifecycle import MEDIATOR, SYSTEM
from models.workflow import create, transition

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Each held session leaves matches in one of these end states, with the path that led there.
PATHS = (
    ("proposed", "discussed", "interested", "applied", "interview", "placed"),
    ("proposed", "discussed", "interested", "applied", "interview"),
    ("proposed", "discussed", "interested", "applied"),
    ("proposed", "discussed", "interested"),
    ("proposed", "discussed", "declined"),
    ("proposed", "discussed", "rejected"),
)
REASONS = {"declined": "reistijd_te_lang", "rejected": "past_niet_bij_profiel"}
DEMO_PLACEMENT = {"start_on": "2026-01-05", "hours_per_week": 24, "contract": "bepaalde_tijd"}


def _session(region: str, mediator: User, day: date, status: str) -> GroupSession:
    """Return a Tuesday-morning session in Huizen."""
    starts = datetime.combine(day, time(10, 0), tzinfo=AMSTERDAM)
    return GroupSession(
        region=region,
        mediator_id=mediator.id,
        starts_at=starts,
        location="Werkplein Huizen, zaal 2",
        municipality="Huizen",
        seats=12,
        status=status,
    )


def _matches(
    rng: random.Random,
    group: GroupSession,
    claimant: Claimant,
    open_jobs: list[Opportunity],
    mediator: User,
) -> list[tuple[Match, tuple[str, ...]]]:
    """Return a held session's matches for one claimant with their status paths."""
    made: list[tuple[Match, tuple[str, ...]]] = []
    for opportunity in rng.sample(open_jobs, k=3):
        path: tuple[str, ...] = rng.choice(PATHS)
        match = Match(
            claimant_id=claimant.id,
            opportunity_id=opportunity.id,
            session_id=group.id,
            run_id="demo",
            score=round(rng.uniform(0.4, 0.95), 3),
            reasons=[f"Past bij uw wens: {opportunity.title.lower()}"],
            approved_by_id=mediator.id,
            approved_at=group.starts_at,
        )
        made.append((match, path))
    return made


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
    """Add two held sessions with outcomes and one planned session this week."""
    ready = [c for c in claimants if c.ladder_step >= 5]
    jobs = [o for o in opportunities if o.kind in ("vacancy", "placement") and o.status == "open"]
    days = [
        (today - timedelta(days=14), "held"),
        (today - timedelta(days=7), "held"),
        (today + timedelta(days=2), "planned"),
    ]
    used: set[int] = set()
    for day, status in days:
        mediator = mediators[0]
        group = _session(region, mediator, day, status)
        session.add(group)
        session.flush()
        own = [c for c in ready[1:] if c.mediator_id == mediator.id and c.id not in used]
        # The demo claimant login attends every session, so their pages have content.
        attendees = [claimants[0], *rng.sample(own, k=9)]
        for claimant in attendees:
            used.add(claimant.id)
            attended = None if status == "planned" else rng.random() < 0.9
            session.add(
                SessionAttendance(session_id=group.id, claimant_id=claimant.id, attended=attended)
            )
            if attended:
                _record(session, _matches(rng, group, claimant, jobs, mediator), mediator)


def _record(session: Session, matches: list[tuple[Match, tuple[str, ...]]], actor: User) -> None:
    """Store matches and walk each one along its path, by the declared lifecycle."""
    for match, path in matches:
        at = match.approved_at
        create(session, match=match, role=SYSTEM, actor_id=None, reason_code="matching_run", now=at)
        for after in path[1:]:
            details = dict(DEMO_PLACEMENT) if after == "placed" else None
            transition(
                session,
                match=match,
                to_status=after,
                role=MEDIATOR,
                actor_id=actor.id,
                reason_code=REASONS.get(after),
                details=details,
                now=at,
            )
