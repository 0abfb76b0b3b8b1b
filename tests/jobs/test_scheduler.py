"""The scheduler: safe defaults, missed slots caught up once, two processes run a slot once."""

import json
import os
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jobs import liveness, runner
from jobs.registry import JOBS
from jobs.runner import MISFIRE_GRACE_S, run_catch_up, run_job, run_scheduled, scheduled_slot
from jobs.scheduler import configure
from models import FeedRun, FeedSource, JobRun
from models.base import utcnow
from models.db import make_engine, make_session_factory, transaction
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
    catch_up = jobs["catch-up"]
    missed = catch_up.args[0]  # type: ignore[attr-defined]
    assert ["vacancy_pull", "2026-11-23T05:00"] in missed

    first = run_scheduled("vacancy_pull", "2026-11-23T05:00")
    second = run_scheduled("vacancy_pull", "2026-11-23T05:00")
    assert first is not None and first.status == "ok" and second is None
    # Restarted once more: the slot is claimed, nothing of the pull to catch up.
    again = configured(settings, engine, MONDAY_10).get("catch-up")
    assert again is None or ["vacancy_pull", "2026-11-23T05:00"] not in again.args[0]  # type: ignore[attr-defined]
    slots = db.scalars(select(JobRun.slot).where(JobRun.job == "vacancy_pull")).all()
    assert slots == ["2026-11-23T05:00"]


def test_after_a_missed_monday_the_proposals_run_after_that_weeks_pull(
    feed_server: FeedServer,
    settings: Settings,
    engine: Engine,
    db: Session,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FEED_HOST_DELAY_S", "0")
    # A slow source: the pull takes a while, as a real one does.
    url = feed_server.add(
        "/traag.jsonl",
        '{"id": "t-1", "kind": "vacancy", "title": "Kok", "postcode": "1271", "capacity": 1}\n',
        delay_s=1.5,
    )
    db.add(FeedSource(name="traag", kind="jsonl", url=url, region="gooi-en-vechtstreek"))
    db.commit()
    # The scheduler was down all Monday morning and restarts at 10:00, within the grace.
    jobs = configured(settings, engine, MONDAY_10)
    missed = [tuple(pair) for pair in jobs["catch-up"].args[0]]  # type: ignore[attr-defined]
    assert missed.index(("vacancy_pull", "2026-11-23T05:00")) < missed.index(
        ("pre_session", "2026-11-23T06:00")
    )
    # APScheduler runs the one catch-up job; run it as it would, in its own thread.
    worker = threading.Thread(target=run_catch_up, args=(missed,))
    worker.start()
    worker.join(timeout=120)
    db.expire_all()
    pull = db.scalars(select(JobRun).where(JobRun.job == "vacancy_pull")).one()
    proposals = db.scalars(select(JobRun).where(JobRun.job == "pre_session")).one()
    assert pull.status == "ok" and proposals.status == "ok"
    assert pull.finished_at is not None
    assert utc(proposals.started_at) >= utc(pull.finished_at)
    assert proposals.counts["na"] == "vacancy_pull 2026-11-23T05:00: ok"


def test_proposals_wait_while_the_weeks_pull_is_still_running(
    settings: Settings, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "WAIT_POLL_S", 0.1)
    pull = JobRun(
        job="vacancy_pull",
        slot="2026-11-23T05:00",
        host=liveness.HOST,
        pid=os.getpid(),
        heartbeat_at=datetime.now(AMS),
    )
    db.add(pull)
    db.commit()
    finished = threading.Timer(1.0, finish_run, args=(settings.database_url, pull.id))
    finished.start()
    run = run_job("pre_session", settings, slot="2026-11-23T06:00")
    finished.join()
    db.expire_all()
    assert run is not None and run.status == "ok"
    assert run.counts["na"] == "vacancy_pull 2026-11-23T05:00: ok"
    assert pull.finished_at is not None and run.finished_at is not None
    assert utc(run.finished_at) >= utc(pull.finished_at)


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive UTC; PostgreSQL aware times."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def finish_run(database_url: str, run_id: int) -> None:
    engine = make_engine(database_url)
    with transaction(make_session_factory(engine)) as session:
        run = session.get_one(JobRun, run_id)
        run.status, run.finished_at = "ok", utcnow()
    engine.dispose()


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
