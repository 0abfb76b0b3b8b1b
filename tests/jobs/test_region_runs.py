"""Regional runs are claimed row by row: two workers never take the same region."""

import datetime as dt
import multiprocessing
import os
import time
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jobs.region_runs import (
    claim_region_run,
    queue_region_runs,
    requeue_stale,
    work_region_runs,
)
from models import RegionRun
from models.db import make_engine, make_session_factory
from tests.conftest import POSTGRES_URL

SLOT = "2026-11-23T02:00"


def test_a_slot_is_queued_once_and_claimed_in_order(db: Session) -> None:
    queue_region_runs(db, slot=SLOT, regions=["gooi-en-vechtstreek", "rijnmond"])
    queue_region_runs(db, slot=SLOT, regions=["rijnmond"])  # the scheduler restarted
    db.commit()
    assert db.scalar(select(func.count()).select_from(RegionRun)) == 2
    first = claim_region_run(db, worker="host-a:1")
    second = claim_region_run(db, worker="host-a:1")
    assert first is not None and second is not None
    assert (first.region, second.region) == ("gooi-en-vechtstreek", "rijnmond")
    assert claim_region_run(db, worker="host-a:1") is None


def test_a_failed_region_does_not_stop_the_others_and_a_dead_worker_is_requeued(
    db: Session, engine: Any
) -> None:
    queue_region_runs(db, slot=SLOT, regions=["a", "b", "c"])
    db.commit()

    def job(session: Session, region: str) -> dict[str, Any]:
        if region == "b":
            raise RuntimeError("feed broke")
        return {"claimants": len(region)}

    done = work_region_runs(make_session_factory(engine), worker="w1", job=job)
    db.expire_all()
    statuses = {r.region: r.status for r in db.scalars(select(RegionRun))}
    assert done == ["a", "c"] and statuses == {"a": "done", "b": "failed", "c": "done"}
    # A worker that died holding a run: after the limit the run is queued again.
    queue_region_runs(db, slot="next", regions=["d"])
    stuck = claim_region_run(db, worker="w2")
    assert stuck is not None
    stuck.claimed_at = stuck.claimed_at - dt.timedelta(hours=7)  # type: ignore[operator]
    db.commit()
    assert requeue_stale(db, older_than=dt.timedelta(hours=6)) == 1
    assert claim_region_run(db, worker="w3") is not None


def _hold_until_none_queued(session: Session, region: str) -> dict[str, Any]:
    """A regional run that lasts until every region is taken, so both workers get one."""
    engine = session.get_bind()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with make_session_factory(engine)() as other:  # type: ignore[arg-type]
            queued = other.scalar(
                select(func.count()).select_from(RegionRun).where(RegionRun.status == "queued")
            )
        if not queued:
            break
        time.sleep(0.05)
    return {"pid": os.getpid()}


def _worker(url: str, name: str) -> None:
    engine = make_engine(url)
    try:
        work_region_runs(make_session_factory(engine), worker=name, job=_hold_until_none_queued)
    finally:
        engine.dispose()


@pytest.mark.skipif(not POSTGRES_URL, reason="row claims need PostgreSQL (TEST_DATABASE_URL)")
def test_two_worker_processes_share_two_regions_on_postgresql(db: Session) -> None:
    queue_region_runs(db, slot=SLOT, regions=["gooi-en-vechtstreek", "rijnmond"])
    db.commit()
    spawn = multiprocessing.get_context("spawn")
    workers = [spawn.Process(target=_worker, args=(POSTGRES_URL, f"w{i}")) for i in (1, 2)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)
    assert [p.exitcode for p in workers] == [0, 0]
    db.expire_all()
    runs = db.scalars(select(RegionRun).order_by(RegionRun.region)).all()
    assert [r.status for r in runs] == ["done", "done"]
    assert {r.worker for r in runs} == {"w1", "w2"}  # each region by a different worker
    assert len({r.counts["pid"] for r in runs}) == 2
