"""Start a scheduler as `zow scheduler` does, at a pretend moment just after a missed pull.

Used by the two-schedulers test: DATABASE_URL comes from the environment, argv[1] is the
pretend moment and argv[2] the slot to wait for. Prints what this process's runs returned.
"""

import json
import sys
import time
from datetime import datetime
from typing import Any

from apscheduler.events import EVENT_JOB_EXECUTED
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import select

from jobs.scheduler import configure
from models import JobRun
from models.db import make_engine, make_session_factory
from models.settings import Settings


def slot_finished(engine: Any, slot: str) -> bool:
    """Return whether some process finished the pull of the slot."""
    with make_session_factory(engine)() as session:
        query = select(JobRun.status).where(JobRun.job == "vacancy_pull", JobRun.slot == slot)
        return session.scalar(query) in ("ok", "failed")


def main() -> None:
    """Run a scheduler until the slot's pull is done (by this process or the other)."""
    now, slot = datetime.fromisoformat(sys.argv[1]), sys.argv[2]
    settings = Settings.from_env()
    engine = make_engine(settings.database_url)
    results: list[str | None] = []

    def executed(event: Any) -> None:
        if event.job_id == "catch-up" and "vacancy_pull" in event.retval:
            pull = event.retval["vacancy_pull"]
            results.append(pull.status if pull is not None else None)

    scheduler = configure(BackgroundScheduler(), settings, engine, now=now)
    scheduler.add_listener(executed, EVENT_JOB_EXECUTED)
    scheduler.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not slot_finished(engine, slot):
        time.sleep(0.2)
    time.sleep(1)  # let this process's own attempt, if any, come back
    scheduler.shutdown(wait=True)
    engine.dispose()
    print(json.dumps(results), flush=True)


if __name__ == "__main__":
    main()
