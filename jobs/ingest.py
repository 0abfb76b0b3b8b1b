"""Ingest one source's records: one FeedRun, one transaction per batch, then dedup and expiry.

The run owns its transactions (not the caller) so that a process killed half-way leaves
whole batches behind; the next run upserts on (source, external id) and ends with every
vacancy exactly once.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from jobs.context import Progress
from jobs.dedup import merge_duplicates
from jobs.expiry import expire_closed, expire_missing
from jobs.feeds.records import RecordError, VacancyRecord
from jobs.feeds.sources import SourceRead
from jobs.linking import TitleLinker
from jobs.upsert import upsert_batch
from models import FeedRun, FeedSource
from models.base import utcnow
from models.db import transaction

# A healthy feed that suddenly lists less than this share of last time is broken, not empty.
MIN_SHARE_OF_LAST_RUN = 0.5
# Below this many vacancies last time, a drop says little (one vacancy filled out of three).
MIN_BASE_FOR_SHARE_CHECK = 10
BATCH_SIZE = 200
# Enough errors to see what is wrong with a feed; a wholly broken feed must not bloat the row.
MAX_STORED_ERRORS = 500


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest: linker, today's date, batch size and who hears about progress."""

    linker: TitleLinker
    today: date
    batch_size: int = BATCH_SIZE
    progress: Progress | None = None


def start_run(factory: sessionmaker[Session], source_id: int) -> int:
    """Record the start of a pull and close runs of the source that a killed process left open."""
    with transaction(factory) as session:
        session.execute(
            update(FeedRun)
            .where(FeedRun.source_id == source_id, FeedRun.status == "running")
            .values(status="failed", finished_at=utcnow(), errors=[_interrupted()])
        )
        run = FeedRun(source_id=source_id, status="running", errors=[])
        session.add(run)
        session.flush()
        return run.id


def _interrupted() -> dict[str, str]:
    return {"item": "run", "reason": "onderbroken: het proces stopte voor het einde", "raw": ""}


def abort_run(factory: sessionmaker[Session], run_id: int, reason: str) -> FeedRun:
    """Mark a run aborted: the source is left as it was and nothing expires."""
    with transaction(factory) as session:
        run = session.get_one(FeedRun, run_id)
        run.status, run.finished_at = "aborted", utcnow()
        run.errors = [*run.errors, {"item": "bron", "reason": reason, "raw": ""}]
        return run


def shrink_reason(session: Session, source_id: int, run_id: int, count: int) -> str | None:
    """Return why a read is suspiciously small compared with the last healthy run, if it is."""
    last = session.scalar(
        select(FeedRun.fetched)
        .where(FeedRun.source_id == source_id, FeedRun.status == "ok", FeedRun.id != run_id)
        .order_by(FeedRun.id.desc())
        .limit(1)
    )
    if last is None or last < MIN_BASE_FOR_SHARE_CHECK or count >= last * MIN_SHARE_OF_LAST_RUN:
        return None
    return f"te weinig vacatures: {count}, vorige geslaagde run {last} (minder dan de helft)"


def stored_errors(errors: list[RecordError]) -> list[dict[str, str]]:
    """Return the errors as kept on the run, the surplus summed up in one last entry."""
    kept = [error.as_dict() for error in errors[:MAX_STORED_ERRORS]]
    if len(errors) > MAX_STORED_ERRORS:
        more = len(errors) - MAX_STORED_ERRORS
        kept.append({"item": "…", "reason": f"en nog {more} fouten (niet bewaard)", "raw": ""})
    return kept


def _unique(records: list[VacancyRecord]) -> tuple[list[VacancyRecord], list[RecordError]]:
    """Keep the last record per external id; earlier ones are reported as errors."""
    by_id: dict[str, VacancyRecord] = {}
    errors = []
    for record in records:
        if record.external_id in by_id:
            errors.append(RecordError(record.external_id, "id komt dubbel voor in de feed"))
        by_id[record.external_id] = record
    return list(by_id.values()), errors


def ingest(
    factory: sessionmaker[Session], run_id: int, read: SourceRead, options: IngestOptions
) -> FeedRun:
    """Store a source read under a started run; abort instead when it is suspiciously small."""
    records, doubles = _unique(read.records)
    errors = [*read.errors, *doubles]
    with transaction(factory) as session:
        run = session.get_one(FeedRun, run_id)
        reason = shrink_reason(session, run.source_id, run_id, len(records))
        run.fetched, run.rejected = len(records), len(errors)
        run.errors = [*run.errors, *stored_errors(errors)]
        source_id = run.source_id
    if reason is not None:
        return abort_run(factory, run_id, reason)
    for start in range(0, len(records), options.batch_size):
        _store_batch(factory, run_id, records[start : start + options.batch_size], options)
        if options.progress is not None:
            options.progress(min(start + options.batch_size, len(records)), len(records))
    seen = {record.external_id for record in records}
    return _finish(factory, run_id, source_id, read.complete, seen, options.today)


def _store_batch(
    factory: sessionmaker[Session], run_id: int, batch: list[VacancyRecord], options: IngestOptions
) -> None:
    """Upsert a batch in one transaction; if the database refuses it, retry record by record."""
    try:
        _store(factory, run_id, batch, options)
    except SQLAlchemyError:
        for record in batch:
            try:
                _store(factory, run_id, [record], options)
            except SQLAlchemyError as error:
                _reject(factory, run_id, record, error)


def _store(
    factory: sessionmaker[Session], run_id: int, batch: list[VacancyRecord], options: IngestOptions
) -> None:
    """Upsert records and add their counts to the run, in one transaction."""
    with transaction(factory) as session:
        run = session.get_one(FeedRun, run_id)
        source = session.get_one(FeedSource, run.source_id)
        counts = upsert_batch(session, source, batch, seen_at=run.started_at, linker=options.linker)
        run.new += counts.new
        run.updated += counts.updated


def _reject(
    factory: sessionmaker[Session], run_id: int, record: VacancyRecord, error: SQLAlchemyError
) -> None:
    """Keep a record the database refused as an error of the run."""
    reason = f"niet opgeslagen: {type(getattr(error, 'orig', None) or error).__name__}"
    with transaction(factory) as session:
        run = session.get_one(FeedRun, run_id)
        run.rejected += 1
        entry = RecordError(record.external_id, reason, record.title).as_dict()
        run.errors = [*run.errors, entry]


def _finish(
    factory: sessionmaker[Session],
    run_id: int,
    source_id: int,
    complete: bool,
    seen: set[str],
    today: date,
) -> FeedRun:
    """Merge duplicates, expire what is closed or gone, and mark the run ok."""
    with transaction(factory) as session:
        run = session.get_one(FeedRun, run_id)
        source = session.get_one(FeedSource, source_id)
        run.duplicate = merge_duplicates(session, source_id=source_id)
        run.expired = expire_closed(session, today=today, source_id=source_id)
        # Only a complete read of a full feed says anything about what is gone.
        if source.full_feed and complete:
            run.expired += expire_missing(session, source_id=source_id, seen=seen)
        run.status, run.finished_at = "ok", utcnow()
        return run
