"""Proposals for everyone invited to this week's sessions: rank, allocate, store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from matcher.allocate import Option, allocate
from matcher.linking import ConceptCache, LayeredConcepts, Linker, process_concepts
from matcher.pipeline import ClaimantResult, rank
from matcher.ranker import LinearScorer
from matcher.runs import run_inputs, run_results
from matcher.store.concepts import DatabaseConcepts
from matcher.store.inputs import (
    attendee_ids,
    load_open_opportunities,
    load_profiles,
    matching_enabled,
    open_proposals_per_opportunity,
    sessions_between,
)
from matcher.store.outputs import save_proposals, save_run
from matcher.store.rankers import active_model
from matcher.store.run_records import keep_opportunities

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TOP = 20  # ranked per claimant before allocation
PER_CLAIMANT = 5  # proposals per claimant per session
CAPACITY_MULTIPLE = 2.0  # an opportunity with capacity c is proposed to at most 2c people

Progress = Callable[[int, int], None]
STOPPED = {"sessions": 0, "claimants": 0, "proposals": 0, "stopped": True}


def _default_linker() -> Linker:
    """Return the shipped occupation linker, built only if a title is not linked yet."""
    from matcher.lazy_linker import LazyLinker

    return LazyLinker()


def _concepts(session: Session, linker: Linker | None) -> ConceptCache:
    """Return a concept cache that remembers links in the database (and, for the shipped
    linker, in this process too, so a worker links a title once)."""
    stored = DatabaseConcepts(session)
    if linker is None:
        return ConceptCache(_default_linker(), LayeredConcepts(process_concepts(), stored))
    return ConceptCache(linker, stored)


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
        return dict(STOPPED)
    today = today or dt.datetime.now(AMSTERDAM).date()
    start = dt.datetime.combine(today, dt.time.min, tzinfo=AMSTERDAM)
    groups = [g.id for g in sessions_between(session, region=region, start=start, days=7)]
    return _propose(session, groups, region, today, linker, progress, started_by_id)


def propose_for_session(
    session: Session,
    *,
    session_id: int,
    region: str,
    started_by_id: int,
    today: dt.date | None = None,
    linker: Linker | None = None,
) -> dict[str, Any]:
    """Rank and allocate now for one session, e.g. for someone invited after the weekly run."""
    if not matching_enabled(session):
        return dict(STOPPED)
    today = today or dt.datetime.now(AMSTERDAM).date()
    return _propose(session, [session_id], region, today, linker, None, started_by_id)


def _propose(
    session: Session,
    group_ids: list[int],
    region: str,
    today: dt.date,
    linker: Linker | None,
    progress: Progress | None,
    started_by_id: int | None,
) -> dict[str, Any]:
    """Rank, allocate, record and store per session; all share each opportunity's cap."""
    records = load_open_opportunities(session, region=region, today=today)
    model = active_model(session)
    counts: dict[str, Any] = {
        "sessions": len(group_ids),
        "claimants": 0,
        "proposals": 0,
        "model": model.version if model else "default",
    }
    scorer = model.scorer if model else LinearScorer.default()
    attendees = {group_id: attendee_ids(session, session_id=group_id) for group_id in group_ids}
    # Proposals that people outside this run already hold count against the cap too.
    everyone = [claimant for ids in attendees.values() for claimant in ids]
    held = open_proposals_per_opportunity(session, excluding_claimants=everyone)
    slots = {r.id: int(CAPACITY_MULTIPLE * r.capacity) - held.get(r.id, 0) for r in records}
    concepts = _concepts(session, linker)
    opportunity_set = keep_opportunities(session, records) if group_ids else None
    for done, group_id in enumerate(group_ids, start=1):
        profiles = load_profiles(session, claimant_ids=attendees[group_id])
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
        run = save_run(
            session,
            region=region,
            session_id=group_id,
            started_by_id=started_by_id,
            model=model,
            inputs=inputs,
            results=run_results(results),
            opportunity_set=opportunity_set,
            linker_version=concepts.version,
        )
        counts["proposals"] += save_proposals(
            session, results=allocated(results, slots), group_session_id=group_id, run_id=run.id
        )
        counts["claimants"] += len(profiles)
        counts.setdefault("runs", []).append(run.id)
        if progress:
            progress(done, len(group_ids))
    return counts
