"""The week's regional runs: the scheduler queues them, any number of workers take them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from jobs.context import JobContext, Progress, no_progress
from jobs.region_runs import RegionJob, queue_region_runs, work_region_runs, worker_name
from matcher.store.proposals import propose_for_sessions
from models.db import make_engine, make_session_factory, transaction
from models.region_run import RegionRun
from models.settings import Settings, today

# Counts summed over the regions of a slot in the job's own record.
SUMMED = ("sessions", "claimants", "proposals")


def region_proposals(settings: Settings, progress: Progress = no_progress) -> RegionJob:
    """Return the regional run: proposals for everyone invited to the region's sessions."""

    def job(session: Session, region: str) -> dict[str, Any]:
        return propose_for_sessions(
            session, region=region, today=today(settings), progress=progress
        )

    return job


def run_region_worker(
    settings: Settings, *, job: RegionJob | None = None, worker: str | None = None
) -> list[str]:
    """Take queued regional runs until none is left (``zow jobs region-worker``)."""
    engine = make_engine(settings.database_url)
    try:
        return work_region_runs(
            make_session_factory(engine),
            worker=worker or worker_name(),
            job=job or region_proposals(settings),
        )
    finally:
        engine.dispose()


def prepare_session_lists(context: JobContext) -> dict[str, Any]:
    """Queue this week's run of every region and take part in them until none is left.

    Workers on other hosts (``zow jobs region-worker``) may take some; the counts are of
    the regions finished when the queue ran dry. A failed region fails the job.
    """
    regions = context.settings.matching_regions
    with transaction(context.sessions) as session:
        queue_region_runs(session, slot=context.slot, regions=regions)
    work_region_runs(
        context.sessions,
        worker=worker_name(),
        job=region_proposals(context.settings, context.progress),
    )
    return slot_counts(context.sessions, context.slot)


def slot_counts(sessions: sessionmaker[Session], slot: str) -> dict[str, Any]:
    """Return the summed counts of a slot's finished runs; raise if one failed."""
    with sessions() as session:
        runs = session.scalars(select(RegionRun).where(RegionRun.slot == slot)).all()
    failed = sorted(f"{r.region} ({r.error})" for r in runs if r.status == "failed")
    if failed:
        raise RuntimeError("regionale run mislukt: " + ", ".join(failed))
    done = [r for r in runs if r.status == "done"]
    counts: dict[str, Any] = {key: sum(int(r.counts.get(key, 0)) for r in done) for key in SUMMED}
    counts["runs"] = [run_id for r in done for run_id in r.counts.get("runs", [])]
    models = {str(r.counts["model"]) for r in done if "model" in r.counts}
    counts["model"] = ", ".join(sorted(models))
    if any(r.counts.get("stopped") for r in done):
        counts["stopped"] = True
    counts["regions"] = len(done)
    counts["regions_running"] = sum(r.status in ("queued", "running") for r in runs)
    return counts
