"""Searching the vacancies, placements and other opportunities of the region."""

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, load_only

from matcher.geo import Gazetteer, parse_postcode
from models import Opportunity
from models.vocab import INSTRUMENTS

LIMIT = 500
# What the list and its CSV show: not the texts, skills or raw feed data of 500 places.
LISTED = (
    Opportunity.id,
    Opportunity.kind,
    Opportunity.title,
    Opportunity.employer_name,
    Opportunity.municipality,
    Opportunity.postcode,
    Opportunity.capacity,
    *(getattr(Opportunity, name) for name in INSTRUMENTS),
)


@dataclass(frozen=True)
class Filters:
    """What the mediator searches for; empty values do not filter."""

    text: str = ""
    kind: str = ""
    municipality: str = ""
    instrument: str = ""
    postcode: str = ""
    max_km: float | None = None


@dataclass(frozen=True)
class Found:
    """One opportunity in the list, with its distance from the chosen postcode."""

    opportunity: Opportunity
    distance_km: float | None


@dataclass(frozen=True)
class Listing:
    """What a search shows: at most LIMIT places, and whether more passed the filters."""

    found: list[Found]
    more: bool


def municipalities(session: Session, *, region: str) -> list[str]:
    """Return the municipalities that have open opportunities."""
    return [
        name
        for name in session.scalars(
            select(Opportunity.municipality)
            .where(Opportunity.region == region, Opportunity.municipality.is_not(None))
            .distinct()
            .order_by(Opportunity.municipality)
        )
        if name
    ]


def search(session: Session, *, region: str, filters: Filters) -> Listing:
    """Return open opportunities that pass the filters, nearest first when a postcode is given.

    The distance limit is a filter in the query (on the postcode areas within reach), so a
    place near by is found even when more than LIMIT places match the other filters.
    """
    query = (
        select(Opportunity)
        .options(load_only(*LISTED, raiseload=True))
        .where(Opportunity.region == region, Opportunity.status == "open")
    )
    if filters.text:
        like = f"%{filters.text.lower()}%"
        query = query.where(
            or_(
                func.lower(Opportunity.title).like(like),
                func.lower(Opportunity.employer_name).like(like),
            )
        )
    if filters.kind:
        query = query.where(Opportunity.kind == filters.kind)
    if filters.municipality:
        query = query.where(Opportunity.municipality == filters.municipality)
    if filters.instrument in INSTRUMENTS:
        query = query.where(getattr(Opportunity, filters.instrument).is_(True))
    gazetteer = Gazetteer.default()
    if filters.max_km is not None and filters.postcode in gazetteer:
        near = gazetteer.areas_within(filters.postcode, filters.max_km)
        query = query.where(func.substr(Opportunity.postcode, 1, 4).in_(near))
    ordered = query.order_by(Opportunity.title, Opportunity.id).limit(LIMIT + 1)
    rows = list(session.scalars(ordered))
    return Listing(_by_distance(rows[:LIMIT], filters), more=len(rows) > LIMIT)


def _by_distance(rows: list[Opportunity], filters: Filters) -> list[Found]:
    """Add distances from the filter's postcode and drop those beyond the maximum."""
    gazetteer = Gazetteer.default()
    if not filters.postcode or filters.postcode not in gazetteer:
        return [Found(row, None) for row in rows]
    origin = parse_postcode(filters.postcode)
    found = []
    for row in rows:
        distance = (
            gazetteer.distance_km(origin, row.postcode)
            if row.postcode and row.postcode in gazetteer
            else None
        )
        if filters.max_km is not None and (distance is None or distance > filters.max_km):
            continue
        found.append(Found(row, distance))
    return sorted(found, key=lambda f: (f.distance_km is None, f.distance_km or 0.0))
