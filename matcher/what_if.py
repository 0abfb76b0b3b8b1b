"""What would change the result: per hard limit, how many more places would fit.

For each limit that keeps places out which are otherwise close to the claimant's
profile (no driving licence, travel distance, hours, Dutch level), the same hard
constraints are checked again with only that one limit eased, and the extra places
counted. Physical restrictions are never eased: they are not the claimant's to change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from matcher.filters import (
    OpportunityTable,
    feasible_except_distance,
    travel_limits,
    within_reach,
)
from matcher.geo import Gazetteer
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.scales import DUTCH_LEVELS, dutch_rank

EXTRA_KM = 10.0
EXTRA_HOURS = 8.0


@dataclass(frozen=True)
class Change:
    """One eased limit and how many more places would then fit."""

    limit: str  # driving_licence | max_travel_km | hours_per_week | dutch_level
    more: int
    to: str  # the eased value, for the sentence ("rijbewijs B", "20 km", "32 uur", "B1")


def changes(
    claimant: ClaimantProfile,
    opportunities: list[OpportunityRecord],
    *,
    today: dt.date,
    gazetteer: Gazetteer | None = None,
) -> list[Change]:
    """Return the limits whose easing would let more places fit, most places first."""
    if claimant.postcode is None or not opportunities:
        return []
    places = gazetteer or Gazetteer.default()
    table = OpportunityTable.build(opportunities, places, today)
    distance = places.distance_matrix(places.index_of([claimant.postcode]), table.location)
    now = _count(claimant, table, distance)
    out = []
    for limit, eased, to in _eased(claimant):
        more = _count(eased, table, distance) - now
        if more > 0:
            out.append(Change(limit, more, to))
    return sorted(out, key=lambda change: -change.more)


def claimant_sentence(change: Change) -> str:
    """Say a change to the claimant ("u")."""
    places = "1 plek" if change.more == 1 else f"{change.more} plekken"
    match change.limit:
        case "driving_licence":
            return f"Met rijbewijs B passen {places} meer."
        case "max_travel_km":
            return f"Als u {change.to} wilt reizen: {places} meer."
        case "hours_per_week":
            return f"Als u {change.to} per week kunt werken: {places} meer."
    return f"Met Nederlands op niveau {change.to}: {places} meer."


def mediator_sentence(change: Change) -> str:
    """Say a change to the mediator, short."""
    names = {
        "driving_licence": "Met rijbewijs B",
        "max_travel_km": f"Reisafstand {change.to}",
        "hours_per_week": f"{change.to} per week",
        "dutch_level": f"Taalniveau {change.to}",
    }
    return f"{names[change.limit]}: +{change.more}."


def _eased(claimant: ClaimantProfile) -> list[tuple[str, ClaimantProfile, str]]:
    out = []
    if not claimant.driving_licence:
        out.append(("driving_licence", replace(claimant, driving_licence=True), "rijbewijs B"))
    km = travel_limits([claimant])[0] + EXTRA_KM
    out.append(("max_travel_km", replace(claimant, max_travel_km=km), f"{km:g} km"))
    if claimant.hours_per_week is not None:
        hours = claimant.hours_per_week + EXTRA_HOURS
        out.append(("hours_per_week", replace(claimant, hours_per_week=hours), f"{hours:g} uur"))
    rank = dutch_rank(claimant.dutch_level or "A0")
    if rank + 1 < len(DUTCH_LEVELS):
        level = DUTCH_LEVELS[rank + 1]
        out.append(("dutch_level", replace(claimant, dutch_level=level), level))
    return out


def _count(
    claimant: ClaimantProfile, table: OpportunityTable, distance: npt.NDArray[np.float64]
) -> int:
    ok = feasible_except_distance([claimant], table)
    ok &= within_reach(distance, travel_limits([claimant]))
    return int(ok.sum())
