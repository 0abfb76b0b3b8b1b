"""Whether a job run's process still lives: process ids on this host, heartbeats elsewhere.

A run killed with SIGKILL cannot say it stopped; the next run of the job, or the next
scheduler start, finds it here and marks it failed (and the feed runs it left open).
"""

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from models import FeedRun, JobRun
from models.base import utcnow
from models.db import transaction

# A running job says it is alive this often; silent for STALE_AFTER means its process died
# (on another host; on this host a dead process id tells at once).
HEARTBEAT_S = 30.0
STALE_AFTER = timedelta(minutes=5)
HOST = socket.gethostname()[:255]
INTERRUPTED = "Onderbroken: het proces stopte voor het einde"


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
