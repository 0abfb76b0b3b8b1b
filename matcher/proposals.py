"""What a week's sessions get proposed: rank each session's attendees, share out the places.

Pure: `matcher/store/proposals.py` reads the rows, calls these and stores the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from matcher.allocate import Option, allocate
from matcher.linking import ConceptCache
from matcher.pipeline import ClaimantResult, rank
from matcher.ranker import LinearScorer
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.runs import run_inputs

TOP = 20  # ranked per claimant before allocation
PER_CLAIMANT = 5  # proposals per claimant per session
CAPACITY_MULTIPLE = 2.0  # an opportunity with capacity c is proposed to at most 2c people


def open_slots(records: Sequence[OpportunityRecord], held: Mapping[str, int]) -> dict[str, int]:
    """Return per opportunity how many more proposals it may get, given those held elsewhere."""
    return {r.id: int(CAPACITY_MULTIPLE * r.capacity) - held.get(r.id, 0) for r in records}


def rank_attendees(
    profiles: Sequence[ClaimantProfile],
    records: list[OpportunityRecord],
    *,
    today: dt.date,
    scorer: LinearScorer,
    concepts: ConceptCache,
) -> tuple[dict[str, Any], list[ClaimantResult]]:
    """Return one session's run inputs (for the record) and its attendees' ranked matches."""
    inputs = run_inputs(profiles, [], today=today, top=TOP, scorer=scorer)
    results = rank(
        profiles,
        records,
        today=today,
        top=TOP,
        linker=concepts.linker,
        model=scorer,
        concepts=concepts,
    )
    return inputs, results


def allocated(results: list[ClaimantResult], slots: dict[str, int]) -> list[ClaimantResult]:
    """Keep of each claimant's ranked matches only those the allocation hands them.

    `slots` is how many more proposals each opportunity may get; it is used up here, so one
    week's sessions share an opportunity's cap instead of each getting the full cap.
    """
    options = {
        r.claimant_id: [Option(m.opportunity_id, m.score) for m in r.matches] for r in results
    }
    chosen = allocate(options, slots, per_claimant=PER_CLAIMANT, multiple=1.0)
    kept = []
    for result in results:
        ids = {option.opportunity_id for option in chosen[result.claimant_id]}
        matches = [m for m in result.matches if m.opportunity_id in ids]
        kept.append(ClaimantResult(result.claimant_id, matches, result.advice))
        for match in matches:
            slots[match.opportunity_id] -= 1
    return kept
