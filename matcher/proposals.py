"""Proposals for everyone invited to this week's sessions: rank, allocate, store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from matcher.allocate import Option, allocate
from matcher.linking import Linker
from matcher.pipeline import ClaimantResult, rank
from matcher.ranker import LinearScorer
from matcher.runs import run_inputs, run_results
from matcher.store.inputs import (
    attendee_ids,
    load_open_opportunities,
    load_profiles,
    matching_enabled,
    sessions_between,
)
from matcher.store.outputs import save_proposals, save_run
from matcher.store.rankers import active_model

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TOP = 20  # ranked per claimant before allocation
PER_CLAIMANT = 5  # proposals per claimant per session
CAPACITY_MULTIPLE = 2.0  # an opportunity with capacity c is proposed to at most 2c people

Progress = Callable[[int, int], None]


def _default_linker() -> Linker:
    """Load the shipped occupation linker (slow once, cached after)."""
    from matcher.occupations import OccupationLinker

    linker: Linker = OccupationLinker.default()
    return linker


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


def propose_for_sessions(
    session: Session,
    *,
    region: str,
    today: dt.date | None = None,
    linker: Linker | None = None,
    progress: Progress | None = None,
    started_by_id: int | None = None,
) -> dict[str, Any]:
    """Rank, allocate and store proposals for the attendees of the coming week's sessions.

    Each session's run is recorded with its inputs, model and every score and rank.
    """
    if not matching_enabled(session):
        return {"sessions": 0, "claimants": 0, "proposals": 0, "stopped": True}
    today = today or dt.datetime.now(AMSTERDAM).date()
    start = dt.datetime.combine(today, dt.time.min, tzinfo=AMSTERDAM)
    groups = sessions_between(session, region=region, start=start, days=7)
    records = load_open_opportunities(session, region=region, today=today)
    model = active_model(session)
    counts: dict[str, Any] = {
        "sessions": len(groups),
        "claimants": 0,
        "proposals": 0,
        "model": model.version if model else "default",
    }
    scorer = model.scorer if model else LinearScorer.default()
    slots = {r.id: int(CAPACITY_MULTIPLE * r.capacity) for r in records}
    for done, group in enumerate(groups, start=1):
        profiles = load_profiles(session, claimant_ids=attendee_ids(session, session_id=group.id))
        inputs = run_inputs(profiles, records, today=today, top=TOP, scorer=scorer)
        results = rank(
            profiles,
            records,
            today=today,
            top=TOP,
            linker=linker or _default_linker(),
            model=scorer,
        )
        run = save_run(
            session,
            region=region,
            session_id=group.id,
            started_by_id=started_by_id,
            model=model,
            inputs=inputs,
            results=run_results(results),
        )
        counts["proposals"] += save_proposals(
            session, results=allocated(results, slots), group_session_id=group.id, run_id=run.id
        )
        counts["claimants"] += len(profiles)
        counts.setdefault("runs", []).append(run.id)
        if progress:
            progress(done, len(groups))
    return counts
