"""Rows in: claimants and opportunities as the matcher sees them, and who to rank."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Subquery, and_, func, or_, select
from sqlalchemy.orm import Session

from matcher.geo import parse_postcode
from matcher.records import ClaimantProfile, OpportunityRecord, WorkExperience
from models import (
    Claimant,
    Employer,
    Match,
    Opportunity,
    SessionAttendance,
    WeeklySession,
)
from models.lifecycle import (
    OPEN_MATCH_STATUSES,
    PLACED,
    POSITIVE_MATCH_STATUSES,
    SETTLED_MATCH_STATUSES,
)
from models.system_flag import AUTOMATIC_MATCHING, flag_enabled

# Statuses that take up a place of an opportunity's capacity.
OCCUPYING = (PLACED,)
# Statuses a later run must not overwrite: a person already acted on them.
SETTLED = SETTLED_MATCH_STATUSES
POSITIVE_OUTCOMES = POSITIVE_MATCH_STATUSES


# What the matcher may know of a claimant: no name, no notes, no monitoring data.
PROFILE_COLUMNS = (
    Claimant.id,
    Claimant.ladder_step,
    Claimant.postcode,
    Claimant.max_travel_km,
    Claimant.hours_per_week,
    Claimant.driving_licence,
    Claimant.desired_occupations,
    Claimant.work_history,
    Claimant.skills,
    Claimant.education_level,
    Claimant.dutch_level,
    Claimant.restrictions,
    Claimant.allowed_kinds,
)
RECORD_COLUMNS = (
    Opportunity.id,
    Opportunity.kind,
    Opportunity.title,
    Opportunity.postcode,
    Opportunity.capacity,
    Opportunity.description,
    Opportunity.employer_name,
    Opportunity.hours_min,
    Opportunity.hours_max,
    Opportunity.requires_driving_licence,
    Opportunity.education_level,
    Opportunity.dutch_level,
    Opportunity.physical_demands,
    Opportunity.closes_on,
    Opportunity.skills,
    Opportunity.esco_uri,
)


def profile_of(claimant: Any, feedback: dict[str, str] | None = None) -> ClaimantProfile:
    """Return what the matcher may know of a claimant (a Claimant or a PROFILE_COLUMNS row)."""
    return ClaimantProfile(
        id=str(claimant.id),
        ladder_step=claimant.ladder_step,
        postcode=pc4_of(claimant.postcode),
        max_travel_km=claimant.max_travel_km,
        hours_per_week=None if claimant.hours_per_week is None else float(claimant.hours_per_week),
        driving_licence=claimant.driving_licence,
        desired_occupations=tuple(claimant.desired_occupations or ()),
        work_history=tuple(
            WorkExperience(str(item.get("title", "")), float(item.get("years", 0) or 0))
            for item in claimant.work_history or ()
        ),
        skills=tuple(claimant.skills or ()),
        education_level=claimant.education_level,
        dutch_level=claimant.dutch_level,
        restrictions=tuple(claimant.restrictions or ()),
        feedback=feedback or {},
        allowed_kinds=None if claimant.allowed_kinds is None else tuple(claimant.allowed_kinds),
    )


def record_of(
    opportunity: Any, *, capacity_left: int, covenant: bool = False
) -> OpportunityRecord | None:
    """Return an opportunity (an Opportunity or a RECORD_COLUMNS row) as the matcher sees it.

    None when it has no usable postcode.
    """
    postcode = pc4_of(opportunity.postcode)
    if postcode is None:
        return None
    return OpportunityRecord(
        id=str(opportunity.id),
        kind=opportunity.kind,
        title=opportunity.title,
        postcode=postcode,
        capacity=max(capacity_left, 0),
        description=opportunity.description or "",
        employer=opportunity.employer_name or "",
        hours_min=float(opportunity.hours_min or 0),
        hours_max=None if opportunity.hours_max is None else float(opportunity.hours_max),
        requires_driving_licence=opportunity.requires_driving_licence,
        education_level=opportunity.education_level,
        dutch_level=opportunity.dutch_level,
        physical_demands=tuple(opportunity.physical_demands or ()),
        closes_on=opportunity.closes_on,
        skills=tuple(opportunity.skills or ()),
        esco_occupation=opportunity.esco_uri,
        extra={"covenant": covenant},
    )


def pc4_of(postcode: str | None) -> str | None:
    """Return the PC4 of a stored postcode, or None when it is missing or malformed."""
    if not postcode:
        return None
    try:
        return parse_postcode(postcode)
    except ValueError:
        return None


def load_profiles(session: Session, *, claimant_ids: Sequence[int]) -> list[ClaimantProfile]:
    """Return the profiles of these claimants with their earlier feedback, in id order."""
    # Columns, not ORM objects: a region's run reads thousands of rows and changes none.
    claimants = session.execute(
        select(*PROFILE_COLUMNS).where(Claimant.id.in_(claimant_ids)).order_by(Claimant.id)
    ).all()
    feedback: dict[int, dict[str, str]] = {}
    rows = session.execute(
        select(Match.claimant_id, Match.opportunity_id, Match.status).where(
            Match.claimant_id.in_(claimant_ids), Match.status.in_(SETTLED)
        )
    )
    for claimant_id, opportunity_id, status in rows:
        feedback.setdefault(claimant_id, {})[str(opportunity_id)] = status
    return [profile_of(c, feedback.get(c.id)) for c in claimants]


def occupied_places() -> Subquery:
    """Return per opportunity how many of its places matches take up (column ``n``)."""
    return (
        select(Match.opportunity_id, func.count().label("n"))
        .where(Match.status.in_(OCCUPYING))
        .group_by(Match.opportunity_id)
        .subquery()
    )


def open_in(region: str, today: dt.date) -> ColumnElement[bool]:
    """Return the condition of a region's opportunity that is open and not past closing."""
    return and_(
        Opportunity.region == region,
        Opportunity.status == "open",
        or_(Opportunity.closes_on.is_(None), Opportunity.closes_on >= today),
    )


def load_open_opportunities(
    session: Session, *, region: str, today: dt.date
) -> list[OpportunityRecord]:
    """Return the region's open opportunities with the capacity they have left."""
    taken = occupied_places()
    rows = session.execute(
        select(*RECORD_COLUMNS, taken.c.n, Employer.covenant_member)
        .outerjoin(taken, taken.c.opportunity_id == Opportunity.id)
        .outerjoin(Employer, Employer.id == Opportunity.employer_id)
        .where(open_in(region, today))
        .order_by(Opportunity.id)
    )
    records = (
        record_of(
            row, capacity_left=row.capacity - (row.n or 0), covenant=bool(row.covenant_member)
        )
        for row in rows
    )
    return [r for r in records if r is not None and r.capacity > 0]


def planned_sessions(
    session: Session, *, region: str, start: dt.datetime, days: int
) -> list[WeeklySession]:
    """Return the region's planned sessions starting in the given number of days from start."""
    return list(
        session.scalars(
            select(WeeklySession)
            .where(
                WeeklySession.region == region,
                WeeklySession.status == "planned",
                WeeklySession.starts_at >= start,
                WeeklySession.starts_at < start + dt.timedelta(days=days),
            )
            .order_by(WeeklySession.starts_at)
        )
    )


def attendee_ids(session: Session, *, session_id: int) -> list[int]:
    """Return the ids of the claimants invited to a session."""
    return list(
        session.scalars(
            select(SessionAttendance.claimant_id).where(SessionAttendance.session_id == session_id)
        )
    )


def open_proposals_per_opportunity(
    session: Session, *, excluding_claimants: Collection[int]
) -> dict[str, int]:
    """Return, per opportunity id, how many open proposals claimants outside a run hold."""
    rows = session.execute(
        select(Match.opportunity_id, func.count())
        .where(
            Match.status.in_(OPEN_MATCH_STATUSES),
            Match.claimant_id.not_in(list(excluding_claimants)),
        )
        .group_by(Match.opportunity_id)
    )
    return {str(opportunity_id): count for opportunity_id, count in rows}


def matching_enabled(session: Session) -> bool:
    """Return whether an admin left automatic matching switched on."""
    return flag_enabled(session, AUTOMATIC_MATCHING)
