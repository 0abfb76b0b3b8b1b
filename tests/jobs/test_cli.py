"""`zow jobs list` and `zow jobs run NAME` with a progress bar."""

import json

from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobs.cli import jobs
from models import FeedSource, JobRun, Opportunity
from models.settings import Settings
from tests.jobs.conftest import FeedServer


def test_list_shows_every_job_with_its_schedule() -> None:
    result = CliRunner().invoke(jobs, ["list"])
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.output.splitlines()}
    assert set(lines) == {"vacancy_pull", "pre_session", "digest", "retention", "retrain"}
    assert "day_of_week=mon hour=5" in lines["vacancy_pull"]


def test_run_pulls_now_with_a_progress_bar(
    feed_server: FeedServer, settings: Settings, db: Session
) -> None:
    for n in range(3):
        row = {"id": f"c-{n}", "kind": "vacancy", "title": "Kok", "postcode": "1271", "capacity": 1}
        url = feed_server.add(f"/c{n}.jsonl", json.dumps(row) + "\n")
        db.add(FeedSource(name=f"bron {n}", kind="jsonl", url=url, region="gooi-en-vechtstreek"))
    db.commit()
    env = {"DATABASE_URL": settings.database_url, "FEED_HOST_DELAY_S": "0", "ZOW_ENV": "test"}
    result = CliRunner().invoke(jobs, ["run", "vacancy_pull"], env=env)
    assert result.exit_code == 0, result.output
    assert "vacancy_pull" in result.output and "ok" in result.output
    assert "'sources': 3" in result.output and "'new': 3" in result.output
    assert len(db.scalars(select(Opportunity)).all()) == 3
    [run] = db.scalars(select(JobRun)).all()
    assert run.slot.startswith("manual-") and run.counts["new"] == 3
