"""Running a job once per time slot, recorded in job_runs."""

import os
import threading
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from jobs.context import JobContext, Progress, no_progress
from jobs.liveness import HOST, close_stale_runs, heartbeat
from jobs.registry import JOBS, JobSpec
from models import JobRun
from models.base import utcnow
from models.db import make_engine, make_session_factory, transaction
from models.settings import Settings

# A weekly job missed by a restart must still run: allow hours, not APScheduler's 1 second.
MISFIRE_GRACE_S = 6 * 3600


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


def _claim(factory: sessionmaker[Session], name: str, slot: str) -> JobRun | None:
    """Claim the slot; the unique (job, slot) key makes a second scheduler's claim fail."""
    with transaction(factory) as session:
        close_stale_runs(session, name, utcnow())
    try:
        with transaction(factory) as session:
            run = JobRun(job=name, slot=slot, host=HOST, pid=os.getpid(), heartbeat_at=utcnow())
            session.add(run)
        return run
    except IntegrityError:
        return None


# How often a job that must wait for another looks again, and for how long at most.
WAIT_POLL_S = 5.0
MAX_WAIT = timedelta(hours=6)


def slot_moment(slot: str) -> datetime | None:
    """Return the Amsterdam moment a slot ("2026-11-23T06:00", "manual-...") stands for."""
    try:
        moment = datetime.fromisoformat(slot.removeprefix("manual-"))
    except ValueError:
        return None
    return moment.replace(tzinfo=ZoneInfo("Europe/Amsterdam"))


def predecessor_slot(spec: JobSpec, slot: str) -> str | None:
    """Return the slot of the run of spec.after that belongs with this run (same week)."""
    moment = slot_moment(slot)
    if spec.after is None or moment is None:
        return None
    trigger = JOBS[spec.after].trigger()
    fire = trigger.get_next_fire_time(None, moment - timedelta(days=7))
    latest = None
    while fire is not None and fire <= moment:
        latest = fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    return slot_of(latest) if latest is not None else None


def wait_for_predecessor(
    factory: sessionmaker[Session], spec: JobSpec, slot: str, sleep: Any = None
) -> str | None:
    """Wait while this week's run of spec.after is still running; return what it became.

    A predecessor that died is marked failed on the way (close_stale_runs), so a dead pull
    never holds the proposals back for long.
    """
    before = predecessor_slot(spec, slot)
    if before is None or spec.after is None:
        return None
    pause = sleep or (lambda: threading.Event().wait(WAIT_POLL_S))
    deadline = utcnow() + MAX_WAIT
    while True:
        with transaction(factory) as session:
            close_stale_runs(session, spec.after, utcnow())
            query = select(JobRun.status).where(JobRun.job == spec.after, JobRun.slot == before)
            status = session.scalar(query)
        if status != "running" or utcnow() > deadline:
            return f"{spec.after} {before}: {status or 'niet gedraaid'}"
        pause()


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
            with heartbeat(factory, run.id):
                waited = wait_for_predecessor(factory, spec, slot)
                counts = _body(spec, factory, settings, slot, progress)
                if waited is not None:
                    counts = {**counts, "na": waited}
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


def run_catch_up(missed: list[tuple[str, str]]) -> dict[str, JobRun | None]:
    """Run missed slots one after the other, in the order given (the registry's order)."""
    return {name: run_scheduled(name, slot) for name, slot in missed}
