"""Fairness report: selection, equal-opportunity and exposure ratios per group.

Groups come from attributes recorded for monitoring only (sex, age band, restriction flag,
municipality); they are never ranking features. A ratio compares a group's rate with the
best-off group's rate; below 0.8 (the four-fifths rule) is flagged.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

THRESHOLD = 0.8
ATTRIBUTES = ("sex", "age_band", "restriction", "municipality")
# The attributes in words, for the published texts.
ATTRIBUTE_NAMES = {
    "sex": "geslacht",
    "age_band": "leeftijdsgroep",
    "restriction": "beperking",
    "municipality": "gemeente",
}
MIN_GROUP = 5  # smaller groups are reported but never flagged: too few to tell


@dataclass(frozen=True)
class Person:
    """One claimant in a run: monitoring groups, whether selected, exposure, known outcome."""

    groups: dict[str, str]
    selected: bool  # got at least one proposal in the top k
    exposure: float  # sum of 1 / log2(1 + rank) over their proposals
    qualified: bool | None = None  # had a positive outcome before; None: unknown


@dataclass(frozen=True)
class GroupFigures:
    """Rates and ratios of one group of one attribute."""

    attribute: str
    group: str
    size: int
    selection_rate: float
    selection_ratio: float
    opportunity_ratio: float | None
    exposure_ratio: float
    flags: list[str] = field(default_factory=list)


def exposure(ranks: Sequence[int]) -> float:
    """Return position-discounted exposure of proposals at these ranks (1 = top)."""
    return sum(1.0 / math.log2(1 + r) for r in ranks)


def age_band(birth_year: int | None, year: int) -> str:
    """Return the age band used for monitoring."""
    if birth_year is None:
        return "onbekend"
    age = year - birth_year
    return "<27" if age < 27 else "27-44" if age < 45 else "45-54" if age < 55 else "55+"


def _ratio(value: float, best: float) -> float:
    return 1.0 if best == 0 else value / best


def report(people: Sequence[Person]) -> list[GroupFigures]:
    """Return the figures of every group of every attribute."""
    figures: list[GroupFigures] = []
    for attribute in ATTRIBUTES:
        groups: dict[str, list[Person]] = defaultdict(list)
        for person in people:
            groups[person.groups.get(attribute, "onbekend")].append(person)
        figures.extend(_attribute(attribute, groups))
    return figures


def _attribute(attribute: str, groups: dict[str, list[Person]]) -> list[GroupFigures]:
    """Return the figures of the groups of one attribute."""
    if not groups:
        return []
    selection = {g: sum(p.selected for p in ps) / len(ps) for g, ps in groups.items()}
    opportunity = {g: _tpr(ps) for g, ps in groups.items()}
    exposed = {g: sum(p.exposure for p in ps) / len(ps) for g, ps in groups.items()}
    big = [g for g, ps in groups.items() if len(ps) >= MIN_GROUP] or list(groups)
    best_sel = max(selection[g] for g in big)
    best_opp = max((v for g in big if (v := opportunity[g]) is not None), default=0.0)
    best_exp = max(exposed[g] for g in big)
    result = []
    for g, ps in sorted(groups.items()):
        opp = None if opportunity[g] is None else _ratio(opportunity[g] or 0.0, best_opp)
        row = GroupFigures(
            attribute,
            g,
            len(ps),
            round(selection[g], 4),
            round(_ratio(selection[g], best_sel), 4),
            None if opp is None else round(opp, 4),
            round(_ratio(exposed[g], best_exp), 4),
        )
        if len(ps) >= MIN_GROUP:
            row.flags.extend(_flags(row))
        result.append(row)
    return result


def _tpr(people: list[Person]) -> float | None:
    """Return the share selected among those known to be qualified."""
    qualified = [p for p in people if p.qualified]
    return None if not qualified else sum(p.selected for p in qualified) / len(qualified)


def _flags(row: GroupFigures) -> list[str]:
    """Return which ratios of a group fall below the threshold."""
    flags = []
    if row.selection_ratio < THRESHOLD:
        flags.append("selection")
    if row.opportunity_ratio is not None and row.opportunity_ratio < THRESHOLD:
        flags.append("equal_opportunity")
    if row.exposure_ratio < THRESHOLD:
        flags.append("exposure")
    return flags
