"""Proposals for everyone invited to this week's sessions: read, rank, allocate, store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from matcher.lazy_linker import LazyLinker
from matcher.linking import ConceptCache, LayeredConcepts, Linker, process_concepts
from matcher.proposals import allocated, open_slots, rank_attendees
from matcher.ranker import LinearScorer
from matcher.runs import run_results
from matcher.store.concepts import DatabaseConcepts
from matcher.store.inputs import (
    attendee_ids,
    load_open_opportunities,
    load_profiles,
    matching_enabled,
    open_proposals_per_opportunity,
    planned_sessions,
)
from matcher.store.outputs import save_proposals, save_run
from matcher.store.rankers import active_model
from matcher.store.run_records import keep_opportunities

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

Progress = Callable[[int, int], None]
STOPPED = {"sessions": 0, "claimants": 0, "proposals": 0, "stopped": True}


def _concepts(session: Session, linker: Linker | None) -> ConceptCache:
    """Return a concept cache that remembers links in the database (and, for the shipped
    linker, in this process too, so a worker links a title once)."""
    stored = DatabaseConcepts(session)
    if linker is None:
        # Built only if a title is not linked yet: most weeks the database links them all.
        return ConceptCache(LazyLinker(), LayeredConcepts(process_concepts(), stored))
    return ConceptCache(linker, stored)


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
    planned = [s.id for s in planned_sessions(session, region=region, start=start, days=7)]
    return _propose(session, planned, region, today, linker, progress, started_by_id)


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
    session_ids: list[int],
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
        "sessions": len(session_ids),
        "claimants": 0,
        "proposals": 0,
        "model": model.version if model else "default",
    }
    scorer = model.scorer if model else LinearScorer.default()
    attendees = {
        session_id: attendee_ids(session, session_id=session_id) for session_id in session_ids
    }
    # Proposals that people outside this run already hold count against the cap too.
    everyone = [claimant for ids in attendees.values() for claimant in ids]
    held = open_proposals_per_opportunity(session, excluding_claimants=everyone)
    slots = open_slots(records, held)
    concepts = _concepts(session, linker)
    opportunity_set = keep_opportunities(session, records) if session_ids else None
    for done, session_id in enumerate(session_ids, start=1):
        profiles = load_profiles(session, claimant_ids=attendees[session_id])
        inputs, results = rank_attendees(
            profiles, records, today=today, scorer=scorer, concepts=concepts
        )
        run = save_run(
            session,
            region=region,
            session_id=session_id,
            started_by_id=started_by_id,
            model=model,
            inputs=inputs,
            results=run_results(results),
            opportunity_set=opportunity_set,
            linker_version=concepts.version,
        )
        counts["proposals"] += save_proposals(
            session, results=allocated(results, slots), session_id=session_id, run_id=run.id
        )
        counts["claimants"] += len(profiles)
        counts.setdefault("runs", []).append(run.id)
        if progress:
            progress(done, len(session_ids))
    return counts
