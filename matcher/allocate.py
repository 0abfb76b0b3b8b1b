"""Allocate session proposals: caps per opportunity and per claimant, everyone some.

Method, in two stages:

1. **Everyone one first.** A maximum-weight matching between claimants and proposal
   slots (each opportunity replicated ``multiple * capacity`` times) with
   ``scipy.optimize.linear_sum_assignment``. Each feasible pair costs ``BIG - score`` and an
   infeasible pair costs ``INFEASIBLE`` (more than any sum of feasible costs), so the
   assignment first maximises how many claimants get an option at all, then the total
   score. Every claimant with a feasible option gets one unless the slots of all their
   options are needed by others who have no alternative.
2. **Then the rest by score.** Remaining proposals are handed out in rounds: per round
   each claimant (those with the fewest options left first) takes their best remaining
   option that still has a slot, until ``per_claimant`` proposals or no options are left.

No opportunity ever gets more than ``multiple * capacity`` proposals, and no claimant more
than ``per_claimant``. Options are only what the caller passes: feasible ones, ranked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

BIG = 1.0e3
INFEASIBLE = 1.0e9


@dataclass(frozen=True)
class Option:
    """A feasible opportunity for a claimant and its score."""

    opportunity_id: str
    score: float


def allocate(
    options: Mapping[str, Sequence[Option]],
    capacity: Mapping[str, int],
    *,
    per_claimant: int = 3,
    multiple: float = 2.0,
) -> dict[str, list[Option]]:
    """Return the proposals per claimant, best first, within both caps."""
    slots = {o: max(int(multiple * c), 0) for o, c in capacity.items()}
    chosen: dict[str, list[Option]] = {claimant: [] for claimant in options}
    if per_claimant <= 0:
        return chosen
    for claimant, option in _first_round(options, slots):
        chosen[claimant].append(option)
        slots[option.opportunity_id] -= 1
    _fill(options, slots, chosen, per_claimant)
    return {c: sorted(picked, key=lambda o: -o.score) for c, picked in chosen.items()}


def _first_round(
    options: Mapping[str, Sequence[Option]], slots: Mapping[str, int]
) -> list[tuple[str, Option]]:
    claimants = [c for c, opts in options.items() if opts]
    columns = _slot_columns(options, claimants, slots)
    if not claimants or not columns:
        return []
    index = {opp: [i for i, o in enumerate(columns) if o == opp] for opp in set(columns)}
    cost = np.full((len(claimants), len(columns)), INFEASIBLE)
    by_pair: dict[tuple[int, str], Option] = {}
    for row, claimant in enumerate(claimants):
        for option in options[claimant]:
            if option.opportunity_id in index and (row, option.opportunity_id) not in by_pair:
                cost[row, index[option.opportunity_id]] = BIG - option.score
                by_pair[(row, option.opportunity_id)] = option
    rows, cols = linear_sum_assignment(cost)
    return [
        (claimants[r], by_pair[(int(r), columns[c])])
        for r, c in zip(rows, cols, strict=True)
        if cost[r, c] < INFEASIBLE
    ]


def _slot_columns(
    options: Mapping[str, Sequence[Option]], claimants: list[str], slots: Mapping[str, int]
) -> list[str]:
    # More slots of one opportunity than claimants can never be used in one round.
    wanted = {o.opportunity_id for c in claimants for o in options[c]}
    return [
        opp for opp in sorted(wanted) for _slot in range(min(slots.get(opp, 0), len(claimants)))
    ]


def _fill(
    options: Mapping[str, Sequence[Option]],
    slots: dict[str, int],
    chosen: dict[str, list[Option]],
    per_claimant: int,
) -> None:
    for _round in range(per_claimant):
        order = sorted(options, key=lambda c: (len(_left(options[c], chosen[c], slots)), c))
        for claimant in order:
            candidates = _left(options[claimant], chosen[claimant], slots)
            if len(chosen[claimant]) < per_claimant and candidates:
                best = max(candidates, key=lambda o: o.score)
                chosen[claimant].append(best)
                slots[best.opportunity_id] -= 1


def _left(options: Sequence[Option], taken: list[Option], slots: Mapping[str, int]) -> list[Option]:
    ids = {o.opportunity_id for o in taken}
    return [
        o for o in options if o.opportunity_id not in ids and slots.get(o.opportunity_id, 0) > 0
    ]
