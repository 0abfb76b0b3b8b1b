"""The weekly vacancy pull: every enabled source, each aborted on its own when it fails."""

from collections import Counter
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from jobs.context import JobContext, Progress, no_progress
from jobs.expiry import expire_closed
from jobs.feeds.fetcher import Fetcher
from jobs.feeds.sources import SourceError, read_source
from jobs.ingest import IngestOptions, abort_run, ingest, start_run
from jobs.linking import TitleLinker, link_titles
from models import FeedRun, FeedSource
from models.db import make_session_factory, transaction
from models.settings import Settings, today

COUNTED = ("fetched", "new", "updated", "duplicate", "expired", "rejected")


def pulled_sources(session: Session) -> list[tuple[int, str, str]]:
    """Return (id, kind, url) of the enabled sources that are fetched (not uploads)."""
    query = (
        select(FeedSource.id, FeedSource.kind, FeedSource.url)
        .where(FeedSource.enabled.is_(True), FeedSource.kind != "upload")
        .order_by(FeedSource.id)
    )
    return [(id_, kind, url or "") for id_, kind, url in session.execute(query)]


def pull_source(
    factory: sessionmaker[Session],
    fetcher: Fetcher,
    source: tuple[int, str, str],
    options: IngestOptions,
) -> FeedRun:
    """Fetch, parse and ingest one source under its own FeedRun."""
    source_id, kind, url = source
    run_id = start_run(factory, source_id)
    try:
        read = read_source(fetcher, kind, url)
    except SourceError as failure:
        return abort_run(factory, run_id, str(failure))
    return ingest(factory, run_id, read, options)


def pull_all(
    factory: sessionmaker[Session],
    fetcher: Fetcher,
    options: IngestOptions,
    progress: Progress = no_progress,
) -> dict[str, Any]:
    """Pull every enabled source and return the summed counts of their runs."""
    with transaction(factory) as session:
        sources = pulled_sources(session)
    totals: Counter[str] = Counter(dict.fromkeys(COUNTED, 0))
    for done, source in enumerate(sources, start=1):
        run = pull_source(factory, fetcher, source, options)
        totals.update({name: getattr(run, name) for name in COUNTED})
        totals[run.status] += 1
        progress(done, len(sources))
    with transaction(factory) as session:
        # What employers posted themselves closes on its date too; aborted sources stay as is.
        totals["expired"] += expire_closed(session, today=options.today, source_id=None)
    return {"sources": len(sources), **totals}


def pull_one(engine: Engine, *, source_id: int, linker: TitleLinker = link_titles) -> int:
    """Pull one source now, outside the weekly job (CLI and API); return its run's id."""
    factory = make_session_factory(engine)
    settings = Settings.from_env()
    with transaction(factory) as session:
        source = session.get_one(FeedSource, source_id)
        if source.kind == "upload":
            raise ValueError("een uploadbron wordt niet opgehaald")
        found = (source.id, source.kind, source.url or "")
    options = IngestOptions(linker=linker, today=today(settings))
    return pull_source(factory, Fetcher.from_settings(settings), found, options).id


def vacancy_pull(context: JobContext) -> dict[str, Any]:
    """Run the weekly vacancy pull (the scheduled job)."""
    options = IngestOptions(linker=link_titles, today=today(context.settings))
    fetcher = Fetcher.from_settings(context.settings)
    return pull_all(context.sessions, fetcher, options, context.progress)
