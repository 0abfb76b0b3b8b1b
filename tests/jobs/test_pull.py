"""The vacancy pull against a real local HTTP server: healthy, broken, slow and shrunken feeds."""

import json
from datetime import date
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jobs.feeds.fetcher import Fetcher
from jobs.ingest import IngestOptions
from jobs.linking import link_titles, no_linking
from jobs.pull import pull_all
from models import FeedRun, FeedSource, Opportunity
from models.db import make_session_factory
from models.settings import Settings
from tests.factories import create_opportunity
from tests.jobs.conftest import FeedServer

TODAY = date(2026, 11, 23)


def add_source(db: Session, kind: str, url: str, **fields: Any) -> FeedSource:
    source = FeedSource(name=f"{kind} {url}", kind=kind, url=url, region="gooi-en-vechtstreek")
    for name, value in fields.items():
        setattr(source, name, value)
    db.add(source)
    db.commit()
    return source


def pull(engine: Engine, settings: Settings, **options: Any) -> dict[str, Any]:
    fetcher = Fetcher.from_settings(settings, backoff_s=0.01)
    ingest_options = IngestOptions(linker=options.pop("linker", no_linking), today=TODAY, **options)
    return pull_all(make_session_factory(engine), fetcher, ingest_options)


def jsonl(count: int, *, prefix: str = "v", employer: str = "Werkgever") -> str:
    rows = [
        {
            "id": f"{prefix}-{n}",
            "kind": "vacancy",
            "title": f"Functie {n}",
            "employer": employer,
            "postcode": f"{1200 + n}",
            "capacity": 1,
        }
        for n in range(count)
    ]
    return "\n".join(json.dumps(row) for row in rows) + "\n"


def rows(db: Session) -> dict[str, Opportunity]:
    db.expire_all()
    return {o.external_id or "": o for o in db.scalars(select(Opportunity))}


def runs(db: Session) -> list[FeedRun]:
    db.expire_all()
    return list(db.scalars(select(FeedRun).order_by(FeedRun.id)))


def test_every_kind_of_source_is_pulled_with_counts_and_errors(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    feed_server.add_fixture("/werken-bij/bakkerij", "careers_bakkerij.html")
    feed_server.add_fixture("/werken-bij/zorg", "careers_zorg.html")
    feed_server.add_fixture("/sitemap.xml", "sitemap.xml", content_type="application/xml")
    add_source(db, "sitemap", feed_server.add_fixture("/index.xml", "sitemap_index.xml"))
    add_source(db, "rss", feed_server.add_fixture("/v.rss", "vacatures.rss"))
    add_source(db, "csv", feed_server.add_fixture("/v.csv", "vacatures.csv"))
    add_source(db, "jsonl", feed_server.add_fixture("/v.jsonl", "vacatures.jsonl"))

    totals = pull(engine, feed_settings)

    assert totals["sources"] == 4 and totals["ok"] == 4
    assert set(rows(db)) == {
        "K-101",
        "K-102",
        "Z-7",
        "rss-1",
        "rss-2",
        "csv-1",
        "csv-2",
        "jl-1",
        "jl-2",
    }
    counts = [(r.status, r.fetched, r.new, r.rejected) for r in runs(db)]
    # sitemap: 3 postings, a broken script, a posting without title, a bad <loc>
    assert counts == [("ok", 3, 3, 3), ("ok", 2, 2, 1), ("ok", 2, 2, 2), ("ok", 2, 2, 3)]
    csv_errors = runs(db)[2].errors
    assert [e["item"] for e in csv_errors] == ["regel 4", "regel 5"]
    assert all(e["reason"] for e in csv_errors)
    agents = {agent for _, agent, _ in feed_server.requests}
    assert agents == {feed_settings.feed_user_agent}


def test_running_again_changes_nothing_and_doubles_nothing(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    add_source(db, "jsonl", feed_server.add("/v.jsonl", jsonl(30)))
    pull(engine, feed_settings, batch_size=7)
    pull(engine, feed_settings, batch_size=7)
    first, second = runs(db)
    assert (first.new, first.updated) == (30, 0)
    assert (second.new, second.updated, second.fetched) == (0, 0, 30)
    assert len(rows(db)) == 30


def test_a_changed_vacancy_is_updated_in_place(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    add_source(db, "jsonl", feed_server.add("/v.jsonl", jsonl(3)))
    pull(engine, feed_settings)
    feed_server.add("/v.jsonl", jsonl(3).replace("Functie 1", "Kok"))
    pull(engine, feed_settings)
    assert runs(db)[1].updated == 1
    assert rows(db)["v-1"].title == "Kok"


def test_a_500_aborts_the_source_after_retries_and_expires_nothing(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    add_source(db, "jsonl", feed_server.add("/v.jsonl", jsonl(12)))
    add_source(db, "rss", feed_server.add_fixture("/v.rss", "vacatures.rss"))
    pull(engine, feed_settings)
    feed_server.add("/v.jsonl", "kapot", status=500)
    for _ in range(3):
        pull(engine, feed_settings)
    statuses = [(r.source_id, r.status) for r in runs(db)]
    assert statuses.count((1, "aborted")) == 3 and statuses.count((2, "ok")) == 4
    assert feed_server.hits("/v.jsonl") == 1 + 3 * (feed_settings.feed_retries + 1)
    aborted = runs(db)[-2]
    assert aborted.errors[-1]["reason"].endswith("HTTP 500")
    assert all(o.status == "open" and o.missed_runs == 0 for o in rows(db).values())


def test_a_slow_feed_times_out_and_aborts(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    add_source(db, "jsonl", feed_server.add("/slow.jsonl", jsonl(3), delay_s=1.5))
    totals = pull(engine, feed_settings)
    [run] = runs(db)
    assert totals["aborted"] == 1 and run.status == "aborted"
    assert "time-out" in run.errors[-1]["reason"]
    assert rows(db) == {}


def test_a_feed_far_smaller_than_last_time_is_aborted(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    add_source(db, "jsonl", feed_server.add("/v.jsonl", jsonl(20)))
    pull(engine, feed_settings)
    truncated = jsonl(20)[: len(jsonl(20)) // 4]  # cut off mid-line, as a dropped connection does
    feed_server.add("/v.jsonl", truncated)
    pull(engine, feed_settings)
    pull(engine, feed_settings)
    _, second, third = runs(db)
    assert second.status == third.status == "aborted"
    assert "afgebroken midden in een regel" in second.errors[-1]["reason"]
    assert second.read_count is None  # not parsed whole: no part of the usual count
    assert second.new == second.updated == second.expired == 0
    assert all(o.status == "open" and o.missed_runs == 0 for o in rows(db).values())


def test_missing_twice_from_a_healthy_full_feed_expires(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    add_source(db, "jsonl", feed_server.add("/full.jsonl", jsonl(12)))
    part = jsonl(12, prefix="p", employer="Ander")
    add_source(db, "jsonl", feed_server.add("/part.jsonl", part), full_feed=False)
    pull(engine, feed_settings)
    feed_server.add("/full.jsonl", jsonl(11))
    feed_server.add("/part.jsonl", jsonl(11, prefix="p", employer="Ander"))
    pull(engine, feed_settings)
    assert (rows(db)["v-11"].status, rows(db)["v-11"].missed_runs) == ("open", 1)
    pull(engine, feed_settings)
    gone = rows(db)["v-11"]
    assert gone.status == "expired" and "niet meer in de volledige feed" in (
        gone.status_reason or ""
    )
    assert runs(db)[-2].expired == 1
    assert rows(db)["p-11"].status == "open"  # a partial feed says nothing about what is gone
    feed_server.add("/full.jsonl", jsonl(12))
    pull(engine, feed_settings)
    assert rows(db)["v-11"].status == "open"  # back in the feed: open again


def test_past_closing_date_expires(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    body = jsonl(2).replace('"capacity": 1}', '"capacity": 1, "closes_on": "2026-11-20"}', 1)
    add_source(db, "jsonl", feed_server.add("/v.jsonl", body))
    pull(engine, feed_settings)
    assert rows(db)["v-0"].status == "expired" and rows(db)["v-1"].status == "open"
    assert runs(db)[0].expired == 1


def test_a_failing_page_of_a_sitemap_is_an_error_and_blocks_expiry(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    feed_server.add_fixture("/werken-bij/bakkerij", "careers_bakkerij.html")
    feed_server.add_fixture("/werken-bij/zorg", "careers_zorg.html")
    add_source(db, "sitemap", feed_server.add_fixture("/sitemap.xml", "sitemap.xml"))
    pull(engine, feed_settings)
    feed_server.add("/werken-bij/zorg", "weg", status=503)
    pull(engine, feed_settings)
    pull(engine, feed_settings)
    assert [r.status for r in runs(db)] == ["ok", "ok", "ok"]
    assert any("pagina niet opgehaald" in e["reason"] for e in runs(db)[-1].errors)
    assert rows(db)["Z-7"].status == "open"


def test_cross_source_duplicates_keep_the_fuller_record(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    feed_server.add_fixture("/werken-bij/bakkerij", "careers_bakkerij.html")
    add_source(db, "jsonld", feed_server.base + "/werken-bij/bakkerij")
    thin = {
        "id": "j-9",
        "kind": "vacancy",
        "title": "Medewerker Bakkerij",
        "capacity": 1,
        "employer": "bakkerij de gooische korst",
        "postcode": "1271",
    }
    other = {
        **thin,
        "id": "j-10",
        "title": "Accountmanager",
        "employer": "Bakkerij De Gooische Korst",
    }
    add_source(
        db, "jsonl", feed_server.add("/j.jsonl", f"{json.dumps(thin)}\n{json.dumps(other)}\n")
    )
    pull(engine, feed_settings)
    found = rows(db)
    assert found["j-9"].status == "duplicate"
    assert found["j-9"].duplicate_of_id == found["K-101"].id
    assert "zelfde werkgever" in (found["j-9"].status_reason or "")
    assert found["K-101"].status == found["j-10"].status == "open"
    assert runs(db)[1].duplicate == 1


def test_each_vacancy_is_linked_to_an_esco_occupation(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    add_source(db, "rss", feed_server.add_fixture("/v.rss", "vacatures.rss"))
    pull(engine, feed_settings, linker=link_titles)
    picker = rows(db)["rss-1"]
    assert picker.esco_uri and picker.esco_uri.startswith("http://data.europa.eu/esco/")
    assert picker.esco_label == "magazijnmedewerker"


def test_requests_to_one_host_keep_their_distance(feed_server: FeedServer) -> None:
    urls = [feed_server.add(f"/p{n}", "x") for n in range(3)]
    fetcher = Fetcher("zow-test", timeout_s=1, retries=0, host_delay_s=0.2)
    for url in urls:
        fetcher.get(url)
    times = [at for _, _, at in feed_server.requests]
    assert all(later - earlier >= 0.19 for earlier, later in zip(times, times[1:], strict=False))


def test_file_sources_are_read_from_the_feeds_folder_only(
    feed_settings: Settings, engine: Engine, db: Session
) -> None:
    folder = feed_settings.instance_dir / "feeds"
    folder.mkdir()
    (folder / "v.jsonl").write_text(jsonl(2))
    outside = feed_settings.instance_dir / "secret.jsonl"
    outside.write_text(jsonl(2, prefix="s"))
    add_source(db, "jsonl", (folder / "v.jsonl").as_uri())
    add_source(db, "jsonl", f"file://{folder}/../secret.jsonl")
    pull(engine, feed_settings)
    inside, escaped = runs(db)
    assert inside.status == "ok" and set(rows(db)) == {"v-0", "v-1"}
    assert escaped.status == "aborted" and "alleen bestanden in" in escaped.errors[-1]["reason"]


def test_a_wholly_broken_feed_keeps_a_bounded_list_of_errors(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    add_source(db, "jsonl", feed_server.add("/bad.jsonl", "{kapot\n" * 800))
    pull(engine, feed_settings)
    [run] = runs(db)
    # Every record invalid: not a complete read, so nothing of the source changes.
    assert run.status == "aborted" and run.rejected == 800
    assert len(run.errors) == 502 and "en nog 300 fouten" in run.errors[-2]["reason"]
    assert run.errors[-1]["reason"] == "alle 800 records ongeldig"


def test_opportunities_employers_posted_expire_on_their_date_too(
    feed_settings: Settings, engine: Engine, db: Session
) -> None:
    closed = create_opportunity(db, closes_on=date(2026, 11, 1))
    still_open = create_opportunity(db, closes_on=date(2026, 12, 1))
    db.commit()
    assert pull(engine, feed_settings)["expired"] == 1
    db.expire_all()
    assert (closed.status, still_open.status) == ("expired", "open")
