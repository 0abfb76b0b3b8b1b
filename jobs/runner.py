"""Running a job once per time slot, recorded in job_runs."""

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from jobs.context import JobContext, Progress, no_progress
from jobs.registry import JOBS, JobSpec
from models import FeedRun, JobRun
from models.base import utcnow
from models.db import make_engine, make_session_factory, transaction
from models.settings import Settings

# A weekly job missed by a restart must still run: allow hours, not APScheduler's 1 second.
MISFIRE_GRACE_S = 6 * 3600
# A running job says it is alive this often; silent for STALE_AFTER means its process died
# (on another host; on this host a dead process id tells at once).
HEARTBEAT_S = 30.0
STALE_AFTER = timedelta(minutes=5)
HOST = socket.gethostname()[:255]
INTERRUPTED = "Onderbroken: het proces stopte voor het einde"


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


def process_alive(pid: int) -> bool:
    """Return whether a process with this id runs on this host."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def is_dead(run: JobRun, now: datetime) -> bool:
    """Return whether a running run's process is gone: dead here, or silent too long."""
    if run.host == HOST and run.pid is not None:
        # On this host the process table is the truth (a long transaction may delay a beat).
        return not process_alive(run.pid)
    last_sign = run.heartbeat_at or run.started_at
    if last_sign.tzinfo is None:  # SQLite hands back naive UTC
        last_sign = last_sign.replace(tzinfo=now.tzinfo)
    return last_sign < now - STALE_AFTER


def close_stale_runs(session: Session, name: str | None, now: datetime) -> int:
    """Mark runs (of one job, or of all) whose process died as failed; return how many.

    A dead vacancy pull also leaves its feed runs "running": they are closed with it.
    """
    query = select(JobRun).where(JobRun.status == "running")
    if name is not None:
        query = query.where(JobRun.job == name)
    closed = 0
    for run in session.scalars(query):
        if not is_dead(run, now):
            continue
        run.status, run.finished_at = "failed", now
        run.error = f"{INTERRUPTED} (proces {run.pid} op {run.host})"
        if run.job == "vacancy_pull":
            _close_feed_runs(session, since=run.started_at, now=now)
        closed += 1
    return closed


def _close_feed_runs(session: Session, *, since: datetime, now: datetime) -> None:
    """Close the feed runs a dead pull left running."""
    session.execute(
        update(FeedRun)
        .where(FeedRun.status == "running", FeedRun.started_at >= since)
        .values(
            status="failed",
            finished_at=now,
            errors=[{"item": "run", "reason": INTERRUPTED.lower(), "raw": ""}],
        )
    )


@contextmanager
def heartbeat(factory: sessionmaker[Session], run_id: int) -> Iterator[None]:
    """Record every HEARTBEAT_S that the run's process is alive, until the body ends."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(HEARTBEAT_S):
            try:
                with transaction(factory) as session:
                    session.execute(
                        update(JobRun).where(JobRun.id == run_id).values(heartbeat_at=utcnow())
                    )
            except SQLAlchemyError:
                continue  # the job holds the database for now; the next beat will do

    thread = threading.Thread(target=beat, name=f"heartbeat-{run_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


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
