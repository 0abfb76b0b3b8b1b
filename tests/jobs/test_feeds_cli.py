"""`zow feeds add|list|remove|pull`: sources as code, checked as the admin form checks them."""

import json

from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobs.feeds_cli import feeds
from models import FeedSource, Opportunity
from models.settings import Settings
from tests.jobs.conftest import FeedServer


def run(settings: Settings, *args: str) -> tuple[int, str]:
    env = {"DATABASE_URL": settings.database_url, "FEED_HOST_DELAY_S": "0", "ZOW_ENV": "test"}
    result = CliRunner().invoke(feeds, list(args), env=env)
    return result.exit_code, result.output


def test_add_list_pull_and_remove_a_source(
    feed_server: FeedServer, settings: Settings, db: Session
) -> None:
    row = {"id": "f-1", "kind": "vacancy", "title": "Kok", "postcode": "1271", "capacity": 1}
    url = feed_server.add("/f.jsonl", json.dumps(row) + "\n")
    code, out = run(settings, "add", "Werkgeversservicepunt", "jsonl", url, "--partial")
    assert code == 0, out
    code, out = run(settings, "list")
    assert "Werkgeversservicepunt" in out and "deel" in out and url in out
    code, out = run(settings, "pull", "Werkgeversservicepunt", "--no-linking")
    assert code == 0, out
    assert "ok; gelezen 1, nieuw 1" in out
    assert [o.external_id for o in db.scalars(select(Opportunity))] == ["f-1"]
    code, out = run(settings, "remove", "Werkgeversservicepunt")
    db.expire_all()
    [source] = db.scalars(select(FeedSource)).all()
    assert code == 0 and source.enabled is False


def test_the_same_rules_as_the_admin_form(settings: Settings, db: Session) -> None:
    code, out = run(settings, "add", "Bank", "rss", "ftp://bank.example/feed")
    assert code != 0 and "url: Gebruik een adres dat begint met http://" in out
    code, out = run(settings, "add", "Bank", "rss")
    assert code != 0 and "url: Vul het adres van de bron in." in out
    assert run(settings, "add", "Bank", "rss", "https://bank.example/rss")[0] == 0
    code, out = run(settings, "add", "Bank", "csv", "https://bank.example/v.csv")
    assert code != 0 and "name: Er is al een bron met deze naam." in out
    assert len(db.scalars(select(FeedSource)).all()) == 1


def test_a_failed_pull_says_why_and_exits_non_zero(
    feed_server: FeedServer, settings: Settings, db: Session
) -> None:
    url = feed_server.add("/kapot.rss", "<rss><channel><item>", content_type="application/xml")
    assert run(settings, "add", "Kapot", "rss", url)[0] == 0
    code, out = run(settings, "pull", "Kapot", "--no-linking")
    assert code == 1 and "aborted" in out and "geen geldige XML" in out
