"""The region's open places as a requirement table, kept per process while they do not change.

"What would change" (``matcher.what_if``) counts, for one person, the region's open places
that fit. Reading and building those 20,000 places costs over a second; the count itself a
few milliseconds. So the table is kept per process, by database, region and day, and a
cheap fingerprint of the places and of the matches that take up capacity says when it has
to be built again.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Hashable
from functools import cache

from sqlalchemy import Text, cast, func, select, true
from sqlalchemy.orm import Session

from matcher.filters import OpportunityTable
from matcher.geo import Gazetteer
from matcher.records import OpportunityRecord
from matcher.store.inputs import OCCUPYING, occupied_places, open_in, pc4_of
from models import Match, Opportunity

# Regions a process keeps; an installation serves one or a few.
KEPT = 4

# Only what the hard limits and the distance need: no texts, no skills.
LIMIT_COLUMNS = (
    Opportunity.id,
    Opportunity.kind,
    Opportunity.postcode,
    Opportunity.capacity,
    Opportunity.hours_min,
    Opportunity.requires_driving_licence,
    Opportunity.dutch_level,
    # As text: a region has few distinct lists, each decoded once (see load_limit_records).
    cast(Opportunity.physical_demands, Text).label("physical_demands"),
    Opportunity.closes_on,
)

Key = tuple[str, str, dt.date]
Fingerprint = tuple[Hashable, ...]

_lock = threading.Lock()
_kept: OrderedDict[Key, tuple[Fingerprint, OpportunityTable]] = OrderedDict()


def requirement_table(session: Session, *, region: str, today: dt.date) -> OpportunityTable:
    """Return the requirement table of the region's open places, built again only on change."""
    key = (str(session.get_bind().engine.url), region, today)
    # Fingerprint first, places after: a change between the two only costs one more build.
    now = fingerprint(session, region=region)
    with _lock:
        kept = _kept.get(key)
        if kept is not None and kept[0] == now:
            _kept.move_to_end(key)
            return kept[1]
    table = OpportunityTable.build(
        load_limit_records(session, region=region, today=today), Gazetteer.default(), today
    )
    with _lock:
        _kept[key] = (now, table)
        _kept.move_to_end(key)
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return table


def fingerprint(session: Session, *, region: str) -> Fingerprint:
    """Return what changes whenever a place of the region or an occupying match changes.

    Any added, removed or edited place (every write stamps ``updated_at``) and any match
    entering or leaving an occupying status moves one of these numbers.
    """
    places = (
        select(
            func.count(Opportunity.id).label("places"),
            func.max(Opportunity.id).label("last_place"),
            func.max(Opportunity.updated_at).label("place_changed"),
        )
        .where(Opportunity.region == region)
        .subquery()
    )
    taken = (
        select(
            func.count(Match.id).label("taken"),
            func.max(Match.updated_at).label("taken_changed"),
        )
        .where(Match.status.in_(OCCUPYING))
        .subquery()
    )
    # One round trip, one pass over each table: two one-row aggregates side by side.
    row = session.execute(select(places, taken).select_from(places.join(taken, true()))).one()
    return tuple(row)


def load_limit_records(session: Session, *, region: str, today: dt.date) -> list[OpportunityRecord]:
    """Return the region's open places with room left, with only what the limits read."""
    taken = occupied_places()
    rows = session.execute(
        select(*LIMIT_COLUMNS, taken.c.n)
        .outerjoin(taken, taken.c.opportunity_id == Opportunity.id)
        .where(open_in(region, today))
        .order_by(Opportunity.id)
    )
    # 20,000 places share a few hundred postcodes and a few lists of demands.
    postcode_of = cache(pc4_of)
    demands_of = cache(_demands)
    out = []
    for row in rows:
        left = row.capacity - (row.n or 0)
        if left <= 0 or (postcode := postcode_of(row.postcode)) is None:
            continue
        out.append(
            OpportunityRecord(
                id=str(row.id),
                kind=row.kind,
                title="",
                postcode=postcode,
                capacity=left,
                hours_min=float(row.hours_min or 0),
                requires_driving_licence=row.requires_driving_licence,
                dutch_level=row.dutch_level,
                physical_demands=demands_of(row.physical_demands),
                closes_on=row.closes_on,
            )
        )
    return out


def _demands(text: str | None) -> tuple[str, ...]:
    """Return a stored list of physical demands (JSON text, or NULL) as a tuple."""
    return tuple(json.loads(text) or ()) if text else ()


def forget() -> None:
    """Drop every kept table (tests start each on a fresh database)."""
    with _lock:
        _kept.clear()
