"""Ingest one source's records: one FeedRun, one transaction per batch, then dedup and expiry.

The run owns its transactions (not the caller) so that a process killed half-way leaves
whole batches behind; the next run upserts on (source, external id) and ends with every
vacancy exactly once.
"""

import statistics
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

# A read with less than this share of the source's usual count is broken, not empty.
MIN_SHARE_OF_RECENT = 0.5
# The usual count is the median of this many recent complete reads.
RECENT_READS = 5
# A smaller count read this many times in a row is a source that shrank, not a broken read.
SHRINK_CONFIRMATIONS = 3
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
        run.expiry_note = f"Niets vervallen: {reason}"[:300]
        run.errors = [*run.errors, {"item": "bron", "reason": reason, "raw": ""}]
        return run


def _counts(
    session: Session, source_id: int, run_id: int, *, ok_only: bool, limit: int
) -> list[int]:
    """Return the valid-record counts of the source's latest reads that parsed whole."""
    query = select(FeedRun.read_count).where(
        FeedRun.source_id == source_id, FeedRun.id != run_id, FeedRun.read_count.is_not(None)
    )
    if ok_only:
        query = query.where(FeedRun.status == "ok")
    query = query.order_by(FeedRun.id.desc()).limit(limit)
    return [count for count in session.scalars(query) if count is not None]


@dataclass(frozen=True)
class History:
    """The source's usual read counts and its latest ones, whatever became of them."""

    usual: list[int]
    latest: list[int]


def recent_counts(session: Session, source_id: int, run_id: int) -> History:
    """Return the counts the shrink guard compares a new read with."""
    return History(
        usual=_counts(session, source_id, run_id, ok_only=True, limit=RECENT_READS),
        latest=_counts(session, source_id, run_id, ok_only=False, limit=SHRINK_CONFIRMATIONS),
    )


def shrink_reason(count: int, rejected: int, history: History) -> str | None:
    """Return why a read is not complete enough to trust, whatever the source's size.

    Every record invalid, or under half the median of recent complete reads (one record
    where there were eight) is a broken read, not an empty source; only when the same
    smaller count came back SHRINK_CONFIRMATIONS reads in a row is it believed.
    """
    if count == 0 and rejected > 0:
        return f"alle {rejected} records ongeldig"
    if not history.usual:
        return None
    usual = statistics.median(history.usual)
    if count >= usual * MIN_SHARE_OF_RECENT:
        return None
    latest = history.latest
    if len(latest) == SHRINK_CONFIRMATIONS and all(
        abs(seen - count) <= max(1, count // 10) for seen in latest
    ):
        return None  # the same smaller count, read after read: the source did shrink
    return (
        f"te weinig vacatures: {count}, gebruikelijk {usual:g} (mediaan van de laatste "
        f"{len(history.usual)} volledige reads; minder dan de helft)"
    )


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
        recent = recent_counts(session, run.source_id, run_id)
        reason = shrink_reason(len(records), len(errors), recent)
        run.fetched, run.rejected, run.read_count = len(records), len(errors), len(records)
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
        merges = merge_duplicates(session, source_id=source_id)
        run.duplicate, run.merges = len(merges), [merge.as_dict() for merge in merges]
        run.expired = expire_closed(session, today=today, source_id=source_id)
        # Only a complete read of a full feed says anything about what is gone.
        if not source.full_feed:
            run.expiry_note = "Geen volledige lijst: ontbrekende vacatures vervallen niet"
        elif not complete:
            run.expiry_note = "Niet alle pagina's gelezen: ontbrekende vacatures vervallen niet"
        else:
            missing = expire_missing(session, source_id=source_id, seen=seen)
            run.expired += missing.expired
            if missing.waiting:
                run.expiry_note = (
                    f"{missing.waiting} vacature(s) ontbraken voor het eerst; ze vervallen "
                    "als ze bij de volgende volledige read weer ontbreken"
                )
        run.status, run.finished_at = "ok", utcnow()
        return run
