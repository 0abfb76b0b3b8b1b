"""A read that is truncated, all invalid or far too small never expires a live vacancy."""

import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jobs.feeds.fetcher import Fetcher
from jobs.ingest import History, IngestOptions, shrink_reason
from jobs.linking import no_linking
from jobs.pull import pull_all
from models import FeedRun, FeedSource, Opportunity
from models.db import make_session_factory
from models.settings import Settings
from tests.jobs.conftest import FeedServer

TODAY = date(2026, 11, 23)


def feed(count: int, **override: Any) -> str:
    rows = (
        {
            "id": f"v-{n}",
            "kind": "vacancy",
            "title": f"Functie {n}",
            "employer": "W",
            "postcode": "1271",
            "capacity": 1,
            **override,
        }
        for n in range(count)
    )
    return "".join(json.dumps(row) + "\n" for row in rows)


def pull(engine: Engine, settings: Settings) -> None:
    options = IngestOptions(linker=no_linking, today=TODAY)
    pull_all(make_session_factory(engine), Fetcher.from_settings(settings, backoff_s=0.01), options)


def statuses(db: Session) -> dict[str, tuple[str, int]]:
    db.expire_all()
    return {o.external_id or "": (o.status, o.missed_runs) for o in db.scalars(select(Opportunity))}


def last_run(db: Session) -> FeedRun:
    db.expire_all()
    run = db.scalars(select(FeedRun).order_by(FeedRun.id.desc())).first()
    assert run is not None
    return run


BROKEN_READS = {
    # One record where there were eight.
    "one record": feed(1),
    # Every record invalid (a vacancy system that renamed a column).
    "all invalid": feed(8, postcode="onbekend"),
    # Cut off mid-record without a Content-Length to notice it by.
    "truncated": feed(8)[: len(feed(8)) // 3],
    # An empty answer.
    "empty": "",
}


@pytest.mark.parametrize("broken", sorted(BROKEN_READS))
def test_two_and_three_broken_reads_expire_nothing(
    broken: str, feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    url = feed_server.add("/v.jsonl", feed(8))
    db.add(FeedSource(name="klein", kind="jsonl", url=url, region="r"))
    db.commit()
    pull(engine, feed_settings)
    assert set(statuses(db).values()) == {("open", 0)}

    feed_server.add("/v.jsonl", BROKEN_READS[broken])
    for _ in range(3):
        pull(engine, feed_settings)
        run = last_run(db)
        assert run.status == "aborted" and run.expired == 0
        assert (run.expiry_note or "").startswith("Niets vervallen: ")
    assert set(statuses(db).values()) == {("open", 0)}


def test_a_source_that_really_shrinks_is_believed_after_repeated_reads(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    url = feed_server.add("/v.jsonl", feed(8))
    db.add(FeedSource(name="krimpt", kind="jsonl", url=url, region="r"))
    db.commit()
    pull(engine, feed_settings)
    feed_server.add("/v.jsonl", feed(3))
    outcomes = []
    for _ in range(6):
        pull(engine, feed_settings)
        outcomes.append(last_run(db).status)
    # Three shrunk reads in a row are believed on the fourth; then two missed reads expire.
    assert outcomes == ["aborted", "aborted", "aborted", "ok", "ok", "ok"]
    assert statuses(db)["v-7"] == ("expired", 2) and statuses(db)["v-0"] == ("open", 0)


def test_a_first_missing_vacancy_waits_and_the_admin_sees_why(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    url = feed_server.add("/v.jsonl", feed(8))
    db.add(FeedSource(name="vol", kind="jsonl", url=url, region="r"))
    db.commit()
    pull(engine, feed_settings)
    feed_server.add("/v.jsonl", feed(7))
    pull(engine, feed_settings)
    run = last_run(db)
    assert run.status == "ok" and run.expired == 0
    assert run.expiry_note is not None and run.expiry_note.startswith("1 vacature(s) ontbraken")


def test_the_rule_itself() -> None:
    assert shrink_reason(1, 0, History([8, 8, 8], [8, 8, 8])) is not None
    assert shrink_reason(1, 0, History([8], [1, 1, 8])) is not None
    assert shrink_reason(1, 0, History([8], [1, 1, 1])) is None
    assert shrink_reason(0, 8, History([], [])) == "alle 8 records ongeldig"
    assert shrink_reason(7, 1, History([8, 8], [8, 8])) is None
    assert shrink_reason(0, 0, History([], [])) is None  # a new, empty source is just empty
