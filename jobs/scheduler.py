"""The APScheduler set-up: one scheduler, a persistent job store, jobs that claim their slot."""

from datetime import datetime
from typing import Any

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from sqlalchemy import Engine

from jobs.liveness import close_stale_runs
from jobs.registry import JOBS
from jobs.runner import MISFIRE_GRACE_S, due_fire_time, is_claimed, slot_of
from models.base import utcnow
from models.db import make_engine, make_session_factory, transaction
from models.settings import Settings

TIMEZONE = "Europe/Amsterdam"

__all__ = ["MISFIRE_GRACE_S", "TIMEZONE", "configure", "missed_slots", "start_embedded"]


def missed_slots(engine: Engine, now: datetime) -> dict[str, str]:
    """Return, per job, the slot of a fire time within the grace that no run has claimed.

    `replace_existing=True` recomputes a job's next run from now, which would silently
    drop a Monday trigger missed while the scheduler was down; these slots are run once
    at start-up instead (and the slot claim keeps that to once).
    """
    missed: dict[str, str] = {}
    with make_session_factory(engine)() as session:
        for spec in JOBS.values():
            fire = due_fire_time(spec, now)
            if fire is not None and not is_claimed(session, spec.name, slot_of(fire)):
                missed[spec.name] = slot_of(fire)
    return missed


def configure(
    scheduler: BaseScheduler,
    settings: Settings,
    engine: Engine | None = None,
    *,
    now: datetime | None = None,
) -> BaseScheduler:
    """Add every registered job with an explicit id to a scheduler on the service database."""
    engine = engine or make_engine(settings.database_url)
    store = SQLAlchemyJobStore(engine=engine)
    scheduler.configure(
        # The catch-up job lives in each process's memory: it is one-shot and computed anew at
        # every start, and two schedulers sharing it in the database race to delete it.
        jobstores={"default": store, "local": MemoryJobStore()},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE_S},
        timezone=TIMEZONE,
    )
    for spec in JOBS.values():
        scheduler.add_job(
            "jobs.runner:run_scheduled",
            trigger=spec.trigger(),
            args=[spec.name],
            id=spec.name,
            name=spec.description,
            replace_existing=True,
        )
    # Runs a killed scheduler left "running" are failed now, not hours from now.
    with transaction(make_session_factory(engine)) as session:
        close_stale_runs(session, None, utcnow())
    missed = missed_slots(engine, now or utcnow())
    if missed:
        # One job runs them in the registry's order: the week's pull before its proposals.
        scheduler.add_job(
            "jobs.runner:run_catch_up",
            args=[[[name, slot] for name, slot in missed.items()]],
            id="catch-up",
            jobstore="local",
            name="Gemiste taken inhalen: " + ", ".join(missed),
            replace_existing=True,
        )
    return scheduler


def start_embedded(settings: Settings) -> Any:
    """Start a background scheduler inside another process (the embedded default)."""
    scheduler = configure(BackgroundScheduler(), settings)
    scheduler.start()
    return scheduler
