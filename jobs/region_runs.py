"""Regional runs as a queue: several workers, on any host, each take the next free region.

The scheduler queues one row per region and time slot; every worker process claims the
next queued row with ``SELECT ... FOR UPDATE SKIP LOCKED``, so two workers never take the
same region and neither waits for the other. A worker names itself ``host:pid``; one that
dies leaves its row ``running`` until a worker on the same host sees the process is gone
(``release_dead_claims``) or, from any host, the claim is older than a run can take
(``requeue_stale``). A region's run commits in one transaction, so a run taken again
neither loses nor doubles what the dead one had begun.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from jobs.liveness import HOST, process_alive
from models.base import utcnow
from models.db import transaction
from models.region_run import RegionRun

RegionJob = Callable[[Session, str], dict[str, Any]]
# A claim older than this is given back from any host: no regional run takes that long.
STALE_CLAIM = dt.timedelta(hours=3)


def worker_name() -> str:
    """Return this process's name in claims: its host and process id."""
    return f"{HOST}:{os.getpid()}"


def queue_region_runs(session: Session, *, slot: str, regions: Iterable[str]) -> None:
    """Queue one run per region for a slot; a slot already queued is left as it is."""
    rows = [{"region": r, "slot": slot, "status": "queued", "counts": {}} for r in regions]
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(RegionRun).values(rows).on_conflict_do_nothing())


def claim_region_run(session: Session, *, worker: str) -> RegionRun | None:
    """Claim the oldest queued run that no other worker holds, or return None."""
    run = session.scalar(
        select(RegionRun)
        .where(RegionRun.status == "queued")
        .order_by(RegionRun.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    if run is not None:
        run.status, run.worker, run.claimed_at = "running", worker, utcnow()
        session.flush()
    return run


def requeue_stale(session: Session, *, older_than: dt.timedelta) -> int:
    """Give runs back whose worker has held them longer than a run can take."""
    result = session.execute(
        update(RegionRun)
        .where(RegionRun.status == "running", RegionRun.claimed_at < utcnow() - older_than)
        .values(status="queued", worker=None, claimed_at=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def release_dead_claims(session: Session, *, host: str = HOST) -> int:
    """Queue again the runs held by workers of this host whose process is gone."""
    released = 0
    for run in session.scalars(select(RegionRun).where(RegionRun.status == "running")):
        where, _, pid = (run.worker or "").rpartition(":")
        if where == host and pid.isdigit() and not process_alive(int(pid)):
            run.status, run.worker, run.claimed_at = "queued", None, None
            released += 1
    return released


def work_region_runs(sessions: sessionmaker[Session], *, worker: str, job: RegionJob) -> list[str]:
    """Take queued regional runs one by one until none is left; return the regions done.

    Runs left behind by dead workers are queued again first, so they are taken too.
    """
    with transaction(sessions) as session:
        release_dead_claims(session)
        requeue_stale(session, older_than=STALE_CLAIM)
    done: list[str] = []
    while True:
        with transaction(sessions) as session:
            run = claim_region_run(session, worker=worker)
            claimed = (run.id, run.region) if run is not None else None
        if claimed is None:
            return done
        run_id, region = claimed
        try:
            with transaction(sessions) as session:
                counts = job(session, region)
        except Exception as error:  # the run fails, the worker goes on with the next region
            _finish(sessions, run_id, status="failed", error=type(error).__name__)
            continue
        _finish(sessions, run_id, status="done", counts=counts)
        done.append(region)


def _finish(
    sessions: sessionmaker[Session],
    run_id: int,
    *,
    status: str,
    counts: dict[str, Any] | None = None,
    error: str | None = None,
) -> None:
    with transaction(sessions) as session:
        run = session.get_one(RegionRun, run_id)
        run.status, run.finished_at, run.error = status, utcnow(), error
        run.counts = _plain(counts or {})


def _plain(counts: dict[str, Any]) -> dict[str, Any]:
    """Keep counts JSON-friendly (a job may return run ids or other lists)."""
    return {k: v for k, v in counts.items() if isinstance(v, int | float | str | bool | list)}
