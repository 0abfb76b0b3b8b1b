"""Each scheduled job runs once per time slot, and every run is recorded."""

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jobs.liveness import HOST, is_dead
from jobs.registry import JOBS
from jobs.runner import run_job
from jobs.scheduler import MISFIRE_GRACE_S, configure
from models import JobRun
from models.settings import Settings


def test_a_slot_runs_once_even_when_claimed_twice(settings: Settings, db: Session) -> None:
    first = run_job("retention", settings, slot="2026-11-23T03:30")
    second = run_job("retention", settings, slot="2026-11-23T03:30")
    assert first is not None and first.status == "ok"
    assert second is None
    runs = db.scalars(select(JobRun)).all()
    assert [(r.job, r.slot, r.status) for r in runs] == [("retention", "2026-11-23T03:30", "ok")]


def test_scheduler_jobs_have_explicit_ids_and_safe_defaults(
    settings: Settings, engine: Engine
) -> None:
    quiet = datetime(2026, 11, 25, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    scheduler = configure(BackgroundScheduler(), settings, engine, now=quiet)
    scheduler.start(paused=True)
    try:
        jobs = {job.id: job for job in scheduler.get_jobs()}
        assert set(jobs) == set(JOBS)
        for job in jobs.values():
            assert job.coalesce is True
            assert job.max_instances == 1
            assert job.misfire_grace_time == MISFIRE_GRACE_S >= 3600
            assert str(job.trigger.timezone) == "Europe/Amsterdam"
    finally:
        scheduler.shutdown()


def test_a_run_left_running_by_a_dead_process_is_closed_later(
    settings: Settings, db: Session
) -> None:
    stale = JobRun(job="retention", slot="old", started_at=datetime.now(UTC) - timedelta(days=1))
    db.add(stale)
    db.commit()
    run_job("retention", settings, slot="new")
    db.expire_all()
    assert stale.status == "failed" and "Onderbroken" in (stale.error or "")


def test_a_run_is_dead_when_its_process_is_gone_or_silent_elsewhere() -> None:
    now = datetime.now(UTC)
    here_alive = JobRun(job="j", slot="1", host=HOST, pid=os.getpid(), started_at=now)
    here_old_but_alive = JobRun(
        job="j", slot="2", host=HOST, pid=os.getpid(), started_at=now - timedelta(hours=3)
    )
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    here_dead = JobRun(job="j", slot="3", host=HOST, pid=gone.pid, started_at=now)
    elsewhere_beating = JobRun(
        job="j",
        slot="4",
        host="other",
        pid=1,
        started_at=now - timedelta(hours=3),
        heartbeat_at=now - timedelta(seconds=40),
    )
    elsewhere_silent = JobRun(
        job="j",
        slot="5",
        host="other",
        pid=1,
        started_at=now - timedelta(minutes=20),
        heartbeat_at=now - timedelta(minutes=6),
    )
    assert not is_dead(here_alive, now) and not is_dead(here_old_but_alive, now)
    assert is_dead(here_dead, now)
    assert not is_dead(elsewhere_beating, now) and is_dead(elsewhere_silent, now)
