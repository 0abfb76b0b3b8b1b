"""The figures on the KPI page: intake to first session, the funnel, outflow, employers."""

from dataclasses import dataclass
from datetime import date, datetime
from statistics import median

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matcher.store.outcomes import placements
from models import (
    Claimant,
    Covenant,
    Employer,
    Match,
    MatchStatusChange,
    Pledge,
    SessionAttendance,
    WeeklySession,
)
from models.lifecycle import FUNNEL

WAIT_BUCKETS = ((0, 7, "0-7"), (8, 14, "8-14"), (15, 30, "15-30"), (31, 10_000, "31+"))


@dataclass(frozen=True)
class Kpis:
    """Everything the KPI page shows."""

    wait_days_median: float | None
    wait_buckets: list[tuple[str, int]]
    funnel: list[tuple[str, int]]
    outflow_per_month: list[tuple[str, int]]
    placements_per_employer: list[tuple[str, int]]
    # (employer, year, pledged, filled) per covenant employer and year.
    pledges: list[tuple[str, int, int, int]]


def _as_date(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def intake_waits(session: Session, *, region: str) -> list[int]:
    """Return, per claimant with a session, the days from intake to their first session."""
    rows = session.execute(
        select(Claimant.intake_on, func.min(WeeklySession.starts_at))
        .join(SessionAttendance, SessionAttendance.claimant_id == Claimant.id)
        .join(WeeklySession, WeeklySession.id == SessionAttendance.session_id)
        .where(Claimant.region == region, WeeklySession.status != "cancelled")
        .group_by(Claimant.id, Claimant.intake_on)
    ).all()
    return [max((_as_date(first) - intake).days, 0) for intake, first in rows if first]


def funnel(session: Session, *, region: str) -> list[tuple[str, int]]:
    """Return how many matches reached each stage; every match counts as proposed."""
    match_ids = session.scalars(
        select(Match.id)
        .join(Claimant, Claimant.id == Match.claimant_id)
        .where(Claimant.region == region)
    ).all()
    # Per match the furthest stage it reached, as an index into FUNNEL.
    furthest = dict.fromkeys(match_ids, 0)
    for match_id, status in session.execute(
        select(MatchStatusChange.match_id, MatchStatusChange.to_status)
        .join(Match, Match.id == MatchStatusChange.match_id)
        .join(Claimant, Claimant.id == Match.claimant_id)
        .where(Claimant.region == region, MatchStatusChange.to_status.in_(FUNNEL))
    ):
        furthest[match_id] = max(furthest[match_id], FUNNEL.index(status))
    at = [0] * len(FUNNEL)
    for stage in furthest.values():
        at[stage] += 1
    # A match at a later stage has passed every earlier one: count from the end.
    return [(stage, sum(at[i:])) for i, stage in enumerate(FUNNEL)]


def outflow_per_month(session: Session, *, region: str) -> list[tuple[str, int]]:
    """Return the number of placements (outflow to work) per month recorded, oldest first."""
    months: dict[str, int] = {}
    for placement in placements(session, region=region):
        at = placement.recorded_at
        key = f"{at.year}-{at.month:02d}"
        months[key] = months.get(key, 0) + 1
    return sorted(months.items())


def placements_per_employer(session: Session, *, region: str) -> list[tuple[str, int]]:
    """Return placements per covenant employer, most first."""
    counts: dict[str, int] = {}
    for placement in placements(session, region=region):
        if placement.covenant_member and placement.employer_name:
            counts[placement.employer_name] = counts.get(placement.employer_name, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def pledges_filled(session: Session, *, region: str) -> list[tuple[str, int, int, int]]:
    """Return, per covenant employer and year, the placements pledged and those filled."""
    filled: dict[tuple[int, int], int] = {}
    for placement in placements(session, region=region):
        if placement.employer_id is not None:
            key = (placement.employer_id, placement.year)
            filled[key] = filled.get(key, 0) + 1
    rows = session.execute(
        select(Employer.id, Employer.name, Pledge.year, func.sum(Pledge.placements))
        .join(Pledge, Pledge.employer_id == Employer.id)
        .join(Covenant, Covenant.id == Pledge.covenant_id)
        .where(Covenant.region == region)
        .group_by(Employer.id, Employer.name, Pledge.year)
        .order_by(Pledge.year.desc(), Employer.name)
    ).all()
    return [(name, year, int(n), filled.get((eid, year), 0)) for eid, name, year, n in rows]


def kpis(session: Session, *, region: str) -> Kpis:
    """Return all figures of the KPI page."""
    waits = intake_waits(session, region=region)
    buckets = [(label, sum(low <= w <= high for w in waits)) for low, high, label in WAIT_BUCKETS]
    return Kpis(
        float(median(waits)) if waits else None,
        buckets,
        funnel(session, region=region),
        outflow_per_month(session, region=region),
        placements_per_employer(session, region=region),
        pledges_filled(session, region=region),
    )
