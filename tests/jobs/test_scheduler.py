"""The scheduler: safe defaults, missed slots caught up once, two processes run a slot once."""

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jobs.registry import JOBS
from jobs.runner import MISFIRE_GRACE_S, run_scheduled, scheduled_slot
from jobs.scheduler import configure
from models import FeedRun, FeedSource, JobRun
from models.settings import Settings
from tests.jobs.conftest import FeedServer

ROOT = Path(__file__).parent.parent.parent
AMS = ZoneInfo("Europe/Amsterdam")
# Monday 23 November 2026, five hours after the 05:00 pull: within the grace.
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=AMS)
QUIET_WEDNESDAY = datetime(2026, 11, 25, 14, 0, tzinfo=AMS)


def configured(settings: Settings, engine: Engine, now: datetime) -> dict[str, object]:
    scheduler = configure(BackgroundScheduler(), settings, engine, now=now)
    scheduler.start(paused=True)
    jobs = {job.id: job for job in scheduler.get_jobs()}
    # A due job left in the store races APScheduler's shutdown (it submits after the pool closed).
    scheduler.remove_all_jobs()
    scheduler.shutdown()
    return jobs


def test_the_weekly_pull_runs_monday_early_with_hours_of_grace(
    settings: Settings, engine: Engine
) -> None:
    jobs = configured(settings, engine, QUIET_WEDNESDAY)
    assert {"vacancy_pull", "digest", "retention"} <= set(jobs) == set(JOBS)
    pull = jobs["vacancy_pull"]
    assert pull.misfire_grace_time == MISFIRE_GRACE_S >= 3600  # type: ignore[attr-defined]
    assert pull.coalesce and pull.max_instances == 1  # type: ignore[attr-defined]
    fields = {f.name: str(f) for f in pull.trigger.fields}  # type: ignore[attr-defined]
    assert (fields["day_of_week"], fields["hour"], fields["minute"]) == ("mon", "5", "0")


def test_a_restart_after_a_missed_monday_runs_the_pull_once(
    settings: Settings, engine: Engine, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    jobs = configured(settings, engine, MONDAY_10)
    catch_up = jobs["vacancy_pull:catch-up"]
    assert catch_up.args == ("vacancy_pull", "2026-11-23T05:00")  # type: ignore[attr-defined]

    first = run_scheduled(*catch_up.args)  # type: ignore[attr-defined]
    second = run_scheduled(*catch_up.args)  # type: ignore[attr-defined]
    assert first is not None and first.status == "ok" and second is None
    # Restarted once more: the slot is claimed, nothing to catch up.
    assert "vacancy_pull:catch-up" not in configured(settings, engine, MONDAY_10)
    slots = db.scalars(select(JobRun.slot).where(JobRun.job == "vacancy_pull")).all()
    assert slots == ["2026-11-23T05:00"]


def test_a_pull_missed_longer_than_the_grace_is_left_for_next_week(
    settings: Settings, engine: Engine
) -> None:
    late = datetime(2026, 11, 23, 11, 30, tzinfo=AMS)
    assert "vacancy_pull:catch-up" not in configured(settings, engine, late)


def test_a_run_belongs_to_its_fire_time_even_when_it_starts_late() -> None:
    on_time = datetime(2026, 11, 23, 5, 0, 2, tzinfo=AMS)
    late = datetime(2026, 11, 23, 5, 1, 30, tzinfo=AMS)
    assert scheduled_slot("vacancy_pull", on_time) == scheduled_slot("vacancy_pull", late)
    assert scheduled_slot("vacancy_pull", late) == "2026-11-23T05:00"


@pytest.mark.slow
def test_two_scheduler_processes_run_the_slot_once(
    feed_server: FeedServer, settings: Settings, engine: Engine, db: Session
) -> None:
    rows = "".join(
        json.dumps(
            {
                "id": f"s-{n}",
                "kind": "vacancy",
                "title": "Kok",
                "postcode": "1271",
                "capacity": 1,
                "employer": f"Restaurant {n}",
            }
        )
        + "\n"
        for n in range(5)
    )
    url = feed_server.add("/s.jsonl", rows)
    db.add(FeedSource(name="s", kind="jsonl", url=url, region="gooi-en-vechtstreek"))
    db.commit()
    configured(settings, engine, QUIET_WEDNESDAY)  # the job store's table exists before the race
    pretend = datetime(2026, 11, 23, 6, 0, tzinfo=AMS).isoformat()
    env = os.environ | {
        "DATABASE_URL": settings.database_url,
        "ZOW_ENV": "test",
        "FEED_HOST_DELAY_S": "0",
    }
    command = [sys.executable, "-m", "tests.jobs.scheduler_script", pretend, "2026-11-23T05:00"]
    processes = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [p.returncode for p in processes] == [0, 0], [err for _, err in outputs]
    results = [status for out, _ in outputs for status in json.loads(out.strip().splitlines()[-1])]
    assert results.count("ok") == 1, results

    db.expire_all()
    runs = db.scalars(select(JobRun).where(JobRun.job == "vacancy_pull")).all()
    assert [(r.slot, r.status) for r in runs] == [("2026-11-23T05:00", "ok")]
    assert len(db.scalars(select(FeedRun)).all()) == 1
    assert feed_server.hits("/s.jsonl") == 1
