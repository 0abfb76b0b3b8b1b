"""Reposts of one job across sources are merged once, with reasons; near-misses stay apart."""

from datetime import date

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jobs.feeds.fetcher import Fetcher
from jobs.ingest import IngestOptions
from jobs.linking import no_linking
from jobs.pull import pull_all
from models import FeedRun, FeedSource, Opportunity
from models.db import make_session_factory
from models.settings import Settings
from tests.jobs.conftest import FeedServer


def pull(engine: Engine, settings: Settings) -> None:
    options = IngestOptions(linker=no_linking, today=date(2026, 11, 23))
    pull_all(make_session_factory(engine), Fetcher.from_settings(settings), options)


def by_source(db: Session) -> dict[tuple[str, str], Opportunity]:
    db.expire_all()
    names = {s.id: s.name for s in db.scalars(select(FeedSource))}
    return {
        (names[o.source_id or 0], o.external_id or ""): o for o in db.scalars(select(Opportunity))
    }


def add_sources(db: Session, feed_server: FeedServer) -> None:
    for name, kind, fixture in (
        ("werkgevers", "csv", "intake/vacatures_excel.csv"),
        ("bureau", "jsonld", "intake/agency_flexwerk.html"),
        ("vandijk", "jsonld", "intake/nearmiss_careers.html"),
    ):
        url = feed_server.add_fixture(f"/{name}", fixture)
        db.add(FeedSource(name=name, kind=kind, url=url, region="gooi-en-vechtstreek"))
    db.commit()


def test_an_agency_repost_is_merged_and_near_misses_stay_apart(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    add_sources(db, feed_server)
    pull(engine, feed_settings)
    rows = by_source(db)
    chauffeur, repost = rows["werkgevers", "V-2026-008"], rows["bureau", "FW-30117"]
    # "Chauffeur CE 40u Almere" by FlexWerk for Transportbedrijf Van Dijk is the same job.
    assert {chauffeur.status, repost.status} == {"open", "duplicate"}
    merged = chauffeur if chauffeur.status == "duplicate" else repost
    assert "gelijkende titel" in (merged.status_reason or "")
    # Same employer and place, different job (planner) or different hours (20 against 40).
    assert rows["vandijk", "VD-PL-3"].status == "open"
    assert rows["vandijk", "VD-CH-9"].status == "open"
    # Every agency repost that names its client found its original.
    reposts = [rows["bureau", f"FW-{n}"] for n in (30117, 30121, 30125, 30130)]
    originals = [rows["werkgevers", f"V-2026-00{n}"] for n in (8, 3, 4)]
    assert sum(row.status == "duplicate" for row in [*reposts, *originals]) == 3
    # The run says which records it merged and why.
    db.expire_all()
    merges = [m for run in db.scalars(select(FeedRun)) for m in (run.merges or [])]
    assert len(merges) == 3
    assert all("zelfde werkgever" in m["reasons"] for m in merges)


def test_a_split_merge_stays_split_on_the_next_pull(
    feed_server: FeedServer, feed_settings: Settings, engine: Engine, db: Session
) -> None:
    add_sources(db, feed_server)
    pull(engine, feed_settings)
    rows = by_source(db)
    merged = next(row for row in rows.values() if row.status == "duplicate")
    kept = db.get_one(Opportunity, merged.duplicate_of_id)
    merged.split_from(kept)
    db.commit()
    pull(engine, feed_settings)
    db.expire_all()
    assert merged.status == "open" and merged.duplicate_of_id is None
    assert kept.status == "open"
