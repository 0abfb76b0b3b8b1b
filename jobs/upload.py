"""Mediator uploads: a file parsed by its name and ingested for an 'upload' source.

The web app calls `ingest_upload` through the `zow.services` entry point, so web never
imports jobs.
"""

from sqlalchemy import Engine

from jobs.feeds.sources import SourceError, checked
from jobs.feeds.upload import parse_upload
from jobs.ingest import IngestOptions, abort_run, ingest, start_run
from jobs.linking import TitleLinker, link_titles
from models.db import make_session_factory
from models.settings import Settings, today


def ingest_upload(
    engine: Engine,
    *,
    source_id: int,
    data: bytes,
    filename: str,
    linker: TitleLinker = link_titles,
) -> int:
    """Ingest an uploaded file for a source under a new FeedRun; return the run id."""
    factory = make_session_factory(engine)
    run_id = start_run(factory, source_id)
    try:
        read = checked(parse_upload(data, filename))
    except SourceError as failure:
        return abort_run(factory, run_id, str(failure)).id
    options = IngestOptions(linker=linker, today=today(Settings.from_env()))
    return ingest(factory, run_id, read, options).id
