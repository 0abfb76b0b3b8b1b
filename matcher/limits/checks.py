"""The comparisons of the hard limits, vectorised over claimants and requirement profiles.

Each ``*_need`` reads one opportunity's side of a limit; each ``*_column`` turns the
values of the distinct profiles into arrays once per run; each ``*_admits`` says which
(claimant, profile) pairs pass, reading an unknown claimant value in the cautious way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from matcher.limits.spec import BoolMatrix
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


def excluded_demands(restrictions: Sequence[str]) -> frozenset[str]:
    """Return the physical demands a claimant's restrictions rule out."""
    out: set[str] = set()
    for restriction in map(normalise_term, restrictions):
        out |= RESTRICTION_EXCLUDES.get(restriction, frozenset())
        for prefix in ("geen_", "niet_"):
            if restriction.startswith(prefix):
                out.add(restriction.removeprefix(prefix))
    return frozenset(out)


def travel_limit(claimant: ClaimantProfile) -> float:
    """Return a claimant's maximum travel distance, cautious when unknown."""
    return UNKNOWN_TRAVEL_KM if claimant.max_travel_km is None else claimant.max_travel_km


def kind_column(kinds: list[Any]) -> npt.NDArray[np.intp]:
    """Return the position of each profile's kind in OPPORTUNITY_KINDS."""
    return np.array([OPPORTUNITY_KINDS.index(kind) for kind in kinds], dtype=np.intp)


def route_admits(block: Sequence[ClaimantProfile], kinds: npt.NDArray[np.intp]) -> BoolMatrix:
    """Let through the kinds on each claimant's route (ladder step or the mediator's choice)."""
    mask = np.zeros((len(block), len(OPPORTUNITY_KINDS)), dtype=bool)
    for row, claimant in enumerate(block):
        for kind in route(claimant.ladder_step, claimant.allowed_kinds):
            mask[row, OPPORTUNITY_KINDS.index(kind)] = True
    return mask[:, kinds]


def float_column(values: list[Any]) -> npt.NDArray[np.float64]:
    """Return the profiles' values as floats."""
    return np.array(values, dtype=np.float64)


def hours_admits(block: Sequence[ClaimantProfile], low: npt.NDArray[np.float64]) -> BoolMatrix:
    """Let through places whose minimum hours the claimant can work (unknown: none)."""
    hours = np.array([c.hours_per_week or 0.0 for c in block], dtype=np.float64)
    return np.asarray(low[None, :] <= hours[:, None], dtype=bool)


def bool_column(values: list[Any]) -> BoolMatrix:
    """Return the profiles' values as booleans."""
    return np.array(values, dtype=bool)


def licence_admits(block: Sequence[ClaimantProfile], needed: BoolMatrix) -> BoolMatrix:
    """Let through places without a licence requirement, or all for a licence holder."""
    licence = np.array([bool(c.driving_licence) for c in block], dtype=bool)
    return np.asarray(~needed[None, :] | licence[:, None], dtype=bool)


def dutch_need(record: OpportunityRecord, today: dt.date) -> int:
    """Return the rank of the Dutch level a place asks (none asked: A0)."""
    return dutch_rank(record.dutch_level or "A0")


def int_column(values: list[Any]) -> npt.NDArray[np.intp]:
    """Return the profiles' values as integers."""
    return np.array(values, dtype=np.intp)


def dutch_admits(block: Sequence[ClaimantProfile], needed: npt.NDArray[np.intp]) -> BoolMatrix:
    """Let through places asking at most the claimant's Dutch level (unknown: A0)."""
    have = np.array([dutch_rank(c.dutch_level or "A0") for c in block], dtype=np.intp)
    return np.asarray(needed[None, :] <= have[:, None], dtype=bool)


def demands_need(record: OpportunityRecord, today: dt.date) -> frozenset[str]:
    """Return a place's physical demands, normalised."""
    return frozenset(normalise_term(d) for d in record.physical_demands)


def demands_column(values: list[Any]) -> tuple[list[str], npt.NDArray[np.float32]]:
    """Return the demand names and a (profiles, names) matrix of which profile asks which."""
    names = sorted({demand for demands in values for demand in demands})
    matrix = np.zeros((len(values), len(names)), dtype=np.float32)
    for row, demands in enumerate(values):
        for demand in demands:
            matrix[row, names.index(demand)] = 1.0
    return names, matrix


def demands_admits(
    block: Sequence[ClaimantProfile], column: tuple[list[str], npt.NDArray[np.float32]]
) -> BoolMatrix:
    """Let through places with no demand the claimant's restrictions rule out."""
    names, asked = column
    excluded = np.zeros((len(block), len(names)), dtype=np.float32)
    for row, claimant in enumerate(block):
        if claimant.restrictions is None:
            excluded[row, :] = 1.0  # never recorded: every demand might be ruled out
            continue
        ruled_out = excluded_demands(claimant.restrictions)
        for col, name in enumerate(names):
            excluded[row, col] = name in ruled_out
    return np.asarray((excluded @ asked.T) == 0, dtype=bool)


def open_need(record: OpportunityRecord, today: dt.date) -> bool:
    """Return whether a place has room left and has not closed."""
    return record.capacity > 0 and (record.closes_on is None or record.closes_on >= today)


def open_admits(block: Sequence[ClaimantProfile], is_open: BoolMatrix) -> BoolMatrix:
    """Let through open places for everyone."""
    return np.broadcast_to(is_open[None, :], (len(block), len(is_open))).copy()
