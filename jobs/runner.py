"""Running a job once per time slot, recorded in job_runs."""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from jobs.context import JobContext, Progress, no_progress
from jobs.registry import JOBS, JobSpec
from models import JobRun
from models.base import utcnow
from models.db import make_engine, make_session_factory, transaction
from models.settings import Settings

# A weekly job missed by a restart must still run: allow hours, not APScheduler's 1 second.
MISFIRE_GRACE_S = 6 * 3600
# No job runs this long; a run still "running" after it was killed with its process.
STALE_AFTER = timedelta(hours=12)


def slot_of(moment: datetime) -> str:
    """Return the time slot a run belongs to: its minute in Amsterdam time."""
    return moment.astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%Y-%m-%dT%H:%M")


def due_fire_time(spec: JobSpec, now: datetime) -> datetime | None:
    """Return the latest scheduled time of a job within the misfire grace before now."""
    trigger = spec.trigger()
    fire = trigger.get_next_fire_time(None, now - timedelta(seconds=MISFIRE_GRACE_S))
    latest = None
    while fire is not None and fire <= now:
        latest = fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    return latest


def scheduled_slot(name: str, now: datetime) -> str:
    """Return the slot of a scheduled run: its fire time, not the moment it got to run.

    Two schedulers that fire the same trigger a few seconds apart, across a minute
    boundary, must still claim the same slot.
    """
    fire = due_fire_time(JOBS[name], now)
    return slot_of(fire or now)


def is_claimed(session: Session, name: str, slot: str) -> bool:
    """Return whether a run of the job already claimed the slot."""
    query = select(JobRun.id).where(JobRun.job == name, JobRun.slot == slot)
    return session.scalar(query) is not None


def close_stale_runs(session: Session, name: str, now: datetime) -> None:
    """Mark runs of a job whose process died long ago as failed, so the admin page is true."""
    session.execute(
        update(JobRun)
        .where(
            JobRun.job == name, JobRun.status == "running", JobRun.started_at < now - STALE_AFTER
        )
        .values(status="failed", finished_at=now, error="Onderbroken: het proces stopte.")
    )


def _claim(factory: sessionmaker[Session], name: str, slot: str) -> JobRun | None:
    """Claim the slot; the unique (job, slot) key makes a second scheduler's claim fail."""
    with transaction(factory) as session:
        close_stale_runs(session, name, utcnow())
    try:
        with transaction(factory) as session:
            run = JobRun(job=name, slot=slot)
            session.add(run)
        return run
    except IntegrityError:
        return None


def _body(
    spec: JobSpec, factory: sessionmaker[Session], settings: Settings, slot: str, progress: Progress
) -> dict[str, Any]:
    """Run the job's function: in one transaction, or batch by batch with a context."""
    if spec.batches is not None:
        return spec.batches(JobContext(settings, factory, slot, progress))
    assert spec.function is not None  # JobSpec guarantees one of the two
    progress(0, 1)
    with transaction(factory) as session:
        counts = spec.function(session, settings)
    progress(1, 1)
    return counts


def run_job(
    name: str, settings: Settings, *, slot: str, progress: Progress = no_progress
) -> JobRun | None:
    """Run a job for a slot unless another process claimed that slot; return the run."""
    spec = JOBS[name]
    engine = make_engine(settings.database_url)
    factory = make_session_factory(engine)
    try:
        run = _claim(factory, name, slot)
        if run is None:
            return None
        counts: dict[str, Any] = {}
        error = None
        try:
            counts = _body(spec, factory, settings, slot, progress)
        except Exception as exc:  # noqa: BLE001  (a failed job is recorded, not lost)
            error = f"{type(exc).__name__}: {exc}"
        with transaction(factory) as session:
            run = session.merge(run)
            run.finished_at, run.counts, run.error = utcnow(), counts, error
            run.status = "failed" if error else "ok"
        return run
    finally:
        engine.dispose()


def run_scheduled(name: str, slot: str | None = None) -> JobRun | None:
    """Entry point APScheduler calls: run a job for its scheduled slot."""
    return run_job(name, Settings.from_env(), slot=slot or scheduled_slot(name, utcnow()))
