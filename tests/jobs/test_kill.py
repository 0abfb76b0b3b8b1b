"""A pull killed with SIGKILL half-way and run again ends with every vacancy exactly once."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import FeedRun, FeedSource, JobRun, Opportunity
from tests.jobs.conftest import FeedServer

ROOT = Path(__file__).parent.parent.parent
COUNT = 500


def start_pull(database_url: str, linger_from: int = 0) -> subprocess.Popen[str]:
    env = os.environ | {
        "DATABASE_URL": database_url,
        "LINGER_FROM": str(linger_from),
        "FEED_HOST_DELAY_S": "0",
        "FEED_TIMEOUT_S": "5",
        "ZOW_ENV": "test",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "tests.jobs.pull_script"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def feed(count: int) -> str:
    rows = (
        {
            "id": f"k-{n}",
            "kind": "vacancy",
            "title": f"Functie {n}",
            "postcode": "1271",
            "capacity": 1,
            "employer": f"Werkgever {n}",
        }
        for n in range(count)
    )
    return "".join(json.dumps(row) + "\n" for row in rows)


@pytest.mark.slow
# Killed while lingering after the fourth batch's commit, or while a later batch runs.
@pytest.mark.parametrize(("linger_from", "batches_before_kill"), [(200, 4), (450, 1)])
def test_killed_pull_run_again_has_every_vacancy_once(
    feed_server: FeedServer,
    database_url: str,
    db: Session,
    linger_from: int,
    batches_before_kill: int,
) -> None:
    url = feed_server.add("/groot.jsonl", feed(COUNT))
    db.add(FeedSource(name="groot", kind="jsonl", url=url, region="gooi-en-vechtstreek"))
    db.commit()

    victim = start_pull(database_url, linger_from)
    assert victim.stdout is not None
    for _ in range(batches_before_kill):
        assert victim.stdout.readline().strip(), victim.stderr.read() if victim.stderr else ""
    victim.send_signal(signal.SIGKILL)  # no clean-up: no finally, no rollback, no atexit
    victim.communicate(timeout=30)
    assert victim.returncode == -signal.SIGKILL
    stored = db.scalar(select(func.count()).select_from(Opportunity))
    assert stored is not None and 0 < stored < COUNT, "killed half-way"
    db.rollback()  # release SQLite's read lock before the next writer starts

    again = start_pull(database_url)
    try:
        out, err = again.communicate(timeout=40)
    except subprocess.TimeoutExpired:
        again.kill()
        out, err = again.communicate()
        raise AssertionError(out + err) from None
    assert again.returncode == 0, err
    assert "done" in out

    db.expire_all()
    ids = list(db.scalars(select(Opportunity.external_id)))
    assert len(ids) == COUNT and set(ids) == {f"k-{n}" for n in range(COUNT)}
    killed, rerun = db.scalars(select(FeedRun).order_by(FeedRun.id))
    assert killed.status == "failed" and "onderbroken" in killed.errors[-1]["reason"]
    assert rerun.status == "ok" and rerun.new == COUNT - stored


@pytest.mark.slow
def test_a_killed_job_run_is_failed_at_the_next_run_and_nothing_is_lost_or_doubled(
    feed_server: FeedServer, database_url: str, db: Session
) -> None:
    url = feed_server.add("/groot.jsonl", feed(COUNT))
    db.add(FeedSource(name="groot", kind="jsonl", url=url, region="gooi-en-vechtstreek"))
    db.commit()
    env = os.environ | {
        "DATABASE_URL": database_url,
        "FEED_HOST_DELAY_S": "0",
        "ZOW_ENV": "test",
    }
    command = [sys.executable, "-m", "tests.jobs.job_script"]
    victim = subprocess.Popen(
        [*command, "2026-11-23T05:00"],
        cwd=ROOT,
        env=env | {"LINGER": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert victim.stdout is not None
    assert victim.stdout.readline().strip() == "batch", (
        victim.stderr.read() if victim.stderr else ""
    )
    victim.send_signal(signal.SIGKILL)
    victim.communicate(timeout=30)
    db.expire_all()
    [dead] = db.scalars(select(JobRun)).all()
    assert dead.status == "running"  # nobody closed it: the process had no chance
    db.rollback()

    # The next run of the job (a manual one, minutes later) closes it and redoes the work.
    again = subprocess.run(
        [*command, "manual-2026-11-23T05:07"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 0, again.stderr
    assert "done ok" in again.stdout
    db.expire_all()
    dead, rerun = db.scalars(select(JobRun).order_by(JobRun.id)).all()
    assert dead.status == "failed" and "Onderbroken" in (dead.error or "")
    assert rerun.status == "ok"
    ids = list(db.scalars(select(Opportunity.external_id)))
    assert sorted(ids) == sorted(f"k-{n}" for n in range(COUNT))
    killed_feed, rerun_feed = db.scalars(select(FeedRun).order_by(FeedRun.id)).all()
    assert killed_feed.status == "failed" and rerun_feed.status == "ok"
