"""What would change the result: per hard limit, how many more places would fit.

For each limit of ``matcher.limits`` that describes an ``Ease`` (driving licence, travel
distance, hours, Dutch level), the same hard constraints are checked again with only
that one limit eased by its step, and the extra places counted. Limits without one
(physical restrictions, route, openness) are never eased: they are not the claimant's
to change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matcher.filters import (
    OpportunityTable,
    feasible_except_distance,
    travel_limits,
    within_reach,
)
from matcher.geo import Gazetteer
from matcher.limits import LIMITS, Ease
from matcher.records import ClaimantProfile, OpportunityRecord

EASES: dict[str, Ease] = {limit.ease.field: limit.ease for limit in LIMITS if limit.ease}


@dataclass(frozen=True)
class Change:
    """One eased limit and how many more places would then fit."""

    limit: str  # the eased field: driving_licence | max_travel_km | hours_per_week | dutch_level
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
    return changes_in(claimant, OpportunityTable.build(opportunities, places, today), places)


def changes_in(
    claimant: ClaimantProfile, table: OpportunityTable, gazetteer: Gazetteer
) -> list[Change]:
    """Return the limits whose easing would let more places of a built table fit."""
    if claimant.postcode is None or not len(table.location):
        return []
    distance = gazetteer.distance_matrix(gazetteer.index_of([claimant.postcode]), table.location)
    now = _count(claimant, table, distance)
    out = []
    for name, ease in sorted(EASES.items(), key=lambda item: item[1].priority):
        if (step := ease.eased(claimant)) is None:
            continue
        eased, to = step
        more = _count(eased, table, distance) - now
        if more > 0:
            out.append(Change(name, more, to))
    return sorted(out, key=lambda change: -change.more)


def claimant_sentence(change: Change) -> str:
    """Say a change to the claimant ("u")."""
    places = "1 plek" if change.more == 1 else f"{change.more} plekken"
    return EASES[change.limit].claimant.format(to=change.to, places=places)


def mediator_sentence(change: Change) -> str:
    """Say a change to the mediator, short."""
    return EASES[change.limit].mediator.format(to=change.to, more=change.more)


def _count(
    claimant: ClaimantProfile, table: OpportunityTable, distance: npt.NDArray[np.float64]
) -> int:
    ok = feasible_except_distance([claimant], table)
    ok &= within_reach(distance, travel_limits([claimant]))
    return int(ok.sum())
