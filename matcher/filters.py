"""Routing and hard constraints, evaluated for a block of claimants against all opportunities.

A pair is feasible only when every limit of ``matcher.limits.LIMITS`` holds. A value the
claimant has not given is read in the most cautious way each limit describes, and
``unknowns`` names it for the reasons.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from matcher.geo import Gazetteer
from matcher.limits import LIMITS, HardLimit, unknown_fields
from matcher.limits.checks import (
    RESTRICTION_EXCLUDES,
    UNKNOWN_TRAVEL_KM,
    excluded_demands,
    travel_limit,
)
from matcher.limits.spec import BoolMatrix
from matcher.records import ClaimantProfile, OpportunityRecord

__all__ = [
    "RESTRICTION_EXCLUDES",
    "UNKNOWN_TRAVEL_KM",
    "BoolMatrix",
    "OpportunityTable",
    "excluded_demands",
    "feasible_except_distance",
    "refused_by",
    "travel_limits",
    "unknowns",
    "within_reach",
]

# The limits checked per requirement profile (all but travel distance, which is geography).
SIFTS: tuple[HardLimit, ...] = tuple(limit for limit in LIMITS if limit.need is not None)
_NEEDS = tuple(limit.need for limit in SIFTS if limit.need is not None)


def unknowns(claimant: ClaimantProfile) -> list[str]:
    """Return the names of the claimant fields a hard constraint needs but that are missing."""
    return [u.field for u in unknown_fields() if getattr(claimant, u.field) is None]


@dataclass
class OpportunityTable:
    """Column arrays of the opportunities, built once per matching run.

    Opportunities share few distinct requirement profiles (one value per limit), so the
    limits are checked per profile and then spread to the opportunities with one gather.
    ``requirements`` holds one column per limit, by the limit's name.
    """

    records: list[OpportunityRecord]
    location: npt.NDArray[np.intp]
    profile: npt.NDArray[np.intp]
    requirements: Mapping[str, Any]
    profiles: int

    @classmethod
    def build(
        cls, records: list[OpportunityRecord], gazetteer: Gazetteer, today: dt.date
    ) -> OpportunityTable:
        """Return the table of opportunities; closed or full ones are never feasible."""
        keys = [_profile_key(r, today) for r in records]
        profiles = list(dict.fromkeys(keys))
        number = {key: i for i, key in enumerate(profiles)}
        # One column per limit, named by it: the key's values come in the order of SIFTS.
        values = list(zip(*profiles, strict=True)) if profiles else [() for _ in SIFTS]
        requirements = {
            limit.name: limit.column(list(column))
            for limit, column in zip(SIFTS, values, strict=True)
        }
        return cls(
            records=records,
            location=gazetteer.index_of([r.postcode for r in records]),
            profile=np.array([number[k] for k in keys], dtype=np.intp),
            requirements=requirements,
            profiles=len(profiles),
        )


def _profile_key(record: OpportunityRecord, today: dt.date) -> tuple[Hashable, ...]:
    """Return what each limit of SIFTS asks of the claimant for this opportunity, in order."""
    return tuple(need(record, today) for need in _NEEDS)


def feasible_except_distance(
    block: Sequence[ClaimantProfile],
    table: OpportunityTable,
    columns: npt.NDArray[np.intp] | None = None,
) -> BoolMatrix:
    """Return which pairs meet every hard constraint other than travel distance.

    With ``columns``, only for the opportunities at those positions.
    """
    ok = np.ones((len(block), table.profiles), dtype=bool)
    for limit in SIFTS:
        if limit.admits is not None:
            ok &= limit.admits(block, table.requirements[limit.name])
    return ok[:, table.profile if columns is None else table.profile[columns]]


def travel_limits(block: Sequence[ClaimantProfile]) -> npt.NDArray[np.float64]:
    """Return each claimant's maximum travel distance, cautious when unknown."""
    return np.array([travel_limit(c) for c in block], dtype=np.float64)


def within_reach(distance: npt.NDArray[np.float64], limits: npt.NDArray[np.float64]) -> BoolMatrix:
    """Return which pairs lie within travel distance; unknown places (NaN) never do."""
    with np.errstate(invalid="ignore"):
        return np.asarray(distance <= limits[:, None], dtype=bool)


def refused_by(
    claimant: ClaimantProfile, opportunity: OpportunityRecord, gazetteer: Gazetteer, today: dt.date
) -> list[str]:
    """Return the names of the limits that keep this opportunity from this claimant."""
    table = OpportunityTable.build([opportunity], gazetteer, today)
    home = gazetteer.index_of([claimant.postcode or ""])  # unknown: no place, never in reach
    distance = gazetteer.distance_matrix(home, table.location)
    reach = bool(within_reach(distance, travel_limits([claimant]))[0, 0])
    # The one limit without a profile check is travel distance (geography).
    passed = {limit.name: _admitted(limit, claimant, table) for limit in SIFTS}
    return [limit.name for limit in LIMITS if not passed.get(limit.name, reach)]


def _admitted(limit: HardLimit, claimant: ClaimantProfile, table: OpportunityTable) -> bool:
    if limit.admits is None:
        return True
    return bool(limit.admits([claimant], table.requirements[limit.name])[0, 0])
