"""The week's regional runs: queued by the scheduler's job, taken by `zow jobs region-worker`."""

import dataclasses
import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jobs.cli import jobs
from jobs.region_runs import queue_region_runs
from jobs.runner import run_job
from models import Match, Opportunity, RegionRun, SessionAttendance, WeeklySession
from models.base import utcnow
from models.settings import Settings
from tests.factories import create_opportunity, create_orderpicker, create_user

ROOT = Path(__file__).parent.parent.parent
SLOT = "2026-11-23T06:00"


def invite(db: Session, region: str) -> int:
    """Invite one orderpicker to a session of the region this week; return the claimant id."""
    claimant = create_orderpicker(db)
    create_opportunity(db, title="Orderpicker", postcode="1272", capacity=2, region=region)
    group = WeeklySession(
        region=region,
        mediator_id=create_user(db, "mediator").id,
        starts_at=utcnow() + timedelta(days=2),
        location="Werkplein",
    )
    db.add(group)
    db.flush()
    db.add(SessionAttendance(session_id=group.id, claimant_id=claimant.id))
    db.commit()
    return claimant.id


def test_the_weekly_job_queues_every_region_and_runs_them(settings: Settings, db: Session) -> None:
    two = dataclasses.replace(settings, regions=("gooi-en-vechtstreek", "rijnmond"))
    invite(db, "gooi-en-vechtstreek")
    invite(db, "rijnmond")
    run = run_job("pre_session", two, slot=SLOT)
    assert run is not None and run.status == "ok", run and run.error
    assert run.counts["regions"] == 2 and run.counts["claimants"] == 2
    runs = db.scalars(select(RegionRun).order_by(RegionRun.region)).all()
    assert [(r.region, r.slot, r.status) for r in runs] == [
        ("gooi-en-vechtstreek", SLOT, "done"),
        ("rijnmond", SLOT, "done"),
    ]
    assert db.scalar(select(func.count()).select_from(Match)) == run.counts["proposals"] >= 2


def test_the_region_worker_command_takes_what_is_queued(settings: Settings, db: Session) -> None:
    claimant = invite(db, "rijnmond")
    queue_region_runs(db, slot=SLOT, regions=["rijnmond"])
    db.commit()
    env = {"DATABASE_URL": settings.database_url, "ZOW_ENV": "test"}
    result = CliRunner().invoke(jobs, ["region-worker"], env=env)
    assert result.exit_code == 0, result.output
    assert "1 regio's klaar: rijnmond" in result.output
    [run] = db.scalars(select(RegionRun)).all()
    assert run.status == "done" and run.worker and run.worker.endswith(":" + str(os.getpid()))
    assert db.scalars(select(Match).where(Match.claimant_id == claimant)).all()


def start_worker(database_url: str, linger: str = "") -> subprocess.Popen[str]:
    env = os.environ | {"DATABASE_URL": database_url, "LINGER_REGION": linger, "ZOW_ENV": "test"}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.jobs.region_worker_script"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_a_worker_killed_mid_run_leaves_its_region_to_the_next_worker(
    database_url: str, db: Session
) -> None:
    queue_region_runs(db, slot=SLOT, regions=["a", "b", "c"])
    db.commit()
    victim = start_worker(database_url, linger="b")
    assert victim.stdout is not None
    for region in ("a", "b"):  # a committed; b has added its marker and lingers
        line = victim.stdout.readline().strip()
        assert line == f"running {region}", victim.stderr.read() if victim.stderr else line
    victim.send_signal(signal.SIGKILL)  # no clean-up: the claim on b stays "running"
    victim.communicate(timeout=30)
    db.expire_all()
    status = {r.region: r.status for r in db.scalars(select(RegionRun))}
    assert status == {"a": "done", "b": "running", "c": "queued"}
    db.rollback()  # release SQLite's read lock before the next writer starts

    again = start_worker(database_url)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert out.splitlines()[-1] == "done b,c"
    db.expire_all()
    runs = {r.region: r for r in db.scalars(select(RegionRun))}
    assert {k: r.status for k, r in runs.items()} == {"a": "done", "b": "done", "c": "done"}
    assert runs["b"].worker == runs["c"].worker != runs["a"].worker
    markers = db.scalars(select(Opportunity.title).where(Opportunity.title.like("marker %")))
    assert sorted(markers) == ["marker a", "marker b", "marker c"]  # none lost, none doubled
