"""Each scheduled job runs once per time slot, and every run is recorded."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

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
