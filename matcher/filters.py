"""Routing and hard constraints, evaluated for a block of claimants against all opportunities.

A pair is feasible only when every constraint of docs/design.md holds. A value the
claimant has not given is read in the most cautious way, and ``unknowns`` names it for the
reasons:

- postcode unknown or not in the gazetteer: nothing is feasible;
- max_travel_km unknown: search within ``UNKNOWN_TRAVEL_KM``;
- hours_per_week unknown: only opportunities without minimum hours;
- driving_licence unknown: treated as no licence;
- dutch_level unknown: treated as A0 (no Dutch yet);
- restrictions never recorded: no opportunity with physical demands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matcher.geo import Gazetteer
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.scales import OPPORTUNITY_KINDS, dutch_rank, route
from matcher.text import normalise_term

UNKNOWN_TRAVEL_KM = 5.0

# Functional restrictions (never diagnoses) and the physical demands each one rules out.
# Besides these, "geen_X" and "niet_X" always rule out the demand "X".
RESTRICTION_EXCLUDES: dict[str, frozenset[str]] = {
    "geen_tillen": frozenset({"tillen", "zwaar_tillen"}),
    "niet_zwaar_tillen": frozenset({"zwaar_tillen"}),
    "niet_lang_staan": frozenset({"staan", "lang_staan"}),
    "niet_lang_zitten": frozenset({"zitten", "lang_zitten"}),
    "beperkt_lopen": frozenset({"lopen", "traplopen"}),
    "geen_nachtdienst": frozenset({"nachtdienst", "nachtwerk"}),
    "geen_buitenwerk": frozenset({"buitenwerk"}),
    "geen_werken_op_hoogte": frozenset({"werken_op_hoogte"}),
    "geen_klantcontact": frozenset({"klantcontact"}),
    "beperkt_beeldschermwerk": frozenset({"beeldschermwerk"}),
    "geen_hoge_werkdruk": frozenset({"hoge_werkdruk"}),
}

BoolMatrix = npt.NDArray[np.bool_]


def excluded_demands(restrictions: Sequence[str]) -> frozenset[str]:
    """Return the physical demands a claimant's restrictions rule out."""
    out: set[str] = set()
    for restriction in map(normalise_term, restrictions):
        out |= RESTRICTION_EXCLUDES.get(restriction, frozenset())
        for prefix in ("geen_", "niet_"):
            if restriction.startswith(prefix):
                out.add(restriction.removeprefix(prefix))
    return frozenset(out)


def unknowns(claimant: ClaimantProfile) -> list[str]:
    """Return the names of the claimant fields a hard constraint needs but that are missing."""
    fields = ("postcode", "max_travel_km", "hours_per_week", "driving_licence", "dutch_level")
    missing = [name for name in fields if getattr(claimant, name) is None]
    return missing + (["restrictions"] if claimant.restrictions is None else [])


@dataclass
class Requirements:
    """Distinct requirement profiles of opportunities, one row per profile.

    Opportunities share few distinct combinations of kind, minimum hours, licence, Dutch
    level, physical demands and openness, so the constraints are checked per profile
    and then spread to the opportunities with one gather.
    """

    kind: npt.NDArray[np.intp]
    hours_min: npt.NDArray[np.float64]
    licence: BoolMatrix
    dutch: npt.NDArray[np.intp]
    demands: npt.NDArray[np.float32]  # (profiles, demand names)
    open_: BoolMatrix


@dataclass
class OpportunityTable:
    """Column arrays of the opportunities, built once per matching run."""

    records: list[OpportunityRecord]
    location: npt.NDArray[np.intp]
    profile: npt.NDArray[np.intp]
    requirements: Requirements
    demand_names: list[str]

    @classmethod
    def build(
        cls, records: list[OpportunityRecord], gazetteer: Gazetteer, today: dt.date
    ) -> OpportunityTable:
        """Return the table of opportunities; closed or full ones are never feasible."""
        names = sorted({normalise_term(d) for r in records for d in r.physical_demands})
        keys = [_profile_key(r, today) for r in records]
        profiles = list(dict.fromkeys(keys))
        number = {key: i for i, key in enumerate(profiles)}
        demands = np.zeros((len(profiles), len(names)), dtype=np.float32)
        for row, key in enumerate(profiles):
            for demand in key[4]:
                demands[row, names.index(demand)] = 1.0
        requirements = Requirements(
            kind=np.array([OPPORTUNITY_KINDS.index(k[0]) for k in profiles], dtype=np.intp),
            hours_min=np.array([k[1] for k in profiles], dtype=np.float64),
            licence=np.array([k[2] for k in profiles], dtype=bool),
            dutch=np.array([k[3] for k in profiles], dtype=np.intp),
            demands=demands,
            open_=np.array([k[5] for k in profiles], dtype=bool),
        )
        return cls(
            records=records,
            location=gazetteer.index_of([r.postcode for r in records]),
            profile=np.array([number[k] for k in keys], dtype=np.intp),
            requirements=requirements,
            demand_names=names,
        )


_Profile = tuple[str, float, bool, int, frozenset[str], bool]


def _profile_key(record: OpportunityRecord, today: dt.date) -> _Profile:
    demands = frozenset(normalise_term(d) for d in record.physical_demands)
    is_open = record.capacity > 0 and (record.closes_on is None or record.closes_on >= today)
    dutch = dutch_rank(record.dutch_level or "A0")
    return (record.kind, record.hours_min, record.requires_driving_licence, dutch, demands, is_open)


def feasible_except_distance(
    block: Sequence[ClaimantProfile], table: OpportunityTable
) -> BoolMatrix:
    """Return which pairs meet every hard constraint other than travel distance."""
    need = table.requirements
    ok = need.open_[None, :] & _route_mask(block)[:, need.kind]
    hours = np.array([c.hours_per_week or 0.0 for c in block], dtype=np.float64)
    ok &= need.hours_min[None, :] <= hours[:, None]
    licence = np.array([bool(c.driving_licence) for c in block], dtype=bool)
    ok &= ~need.licence[None, :] | licence[:, None]
    dutch = np.array([dutch_rank(c.dutch_level or "A0") for c in block], dtype=np.intp)
    ok &= need.dutch[None, :] <= dutch[:, None]
    ok &= ~_demand_conflict(block, table)
    return ok[:, table.profile]


def travel_limits(block: Sequence[ClaimantProfile]) -> npt.NDArray[np.float64]:
    """Return each claimant's maximum travel distance, cautious when unknown."""
    return np.array(
        [UNKNOWN_TRAVEL_KM if c.max_travel_km is None else c.max_travel_km for c in block],
        dtype=np.float64,
    )


def within_reach(distance: npt.NDArray[np.float64], limits: npt.NDArray[np.float64]) -> BoolMatrix:
    """Return which pairs lie within travel distance; unknown places (NaN) never do."""
    with np.errstate(invalid="ignore"):
        return np.asarray(distance <= limits[:, None], dtype=bool)


def _route_mask(block: Sequence[ClaimantProfile]) -> BoolMatrix:
    mask = np.zeros((len(block), len(OPPORTUNITY_KINDS)), dtype=bool)
    for row, claimant in enumerate(block):
        for kind in route(claimant.ladder_step, claimant.allowed_kinds):
            mask[row, OPPORTUNITY_KINDS.index(kind)] = True
    return mask


def _demand_conflict(block: Sequence[ClaimantProfile], table: OpportunityTable) -> BoolMatrix:
    excluded = np.zeros((len(block), len(table.demand_names)), dtype=np.float32)
    for row, claimant in enumerate(block):
        if claimant.restrictions is None:
            excluded[row, :] = 1.0  # never recorded: every demand might be ruled out
            continue
        ruled_out = excluded_demands(claimant.restrictions)
        for col, name in enumerate(table.demand_names):
            excluded[row, col] = name in ruled_out
    return np.asarray((excluded @ table.requirements.demands.T) > 0, dtype=bool)
