"""Read one feed source: fetch what its kind needs and parse it into records and errors."""

from collections.abc import Callable
from dataclasses import dataclass, field

from jobs.feeds.fetcher import Fetcher, FetchError
from jobs.feeds.jsonld import parse_jobposting_page
from jobs.feeds.records import ParseResult, RecordError, VacancyRecord
from jobs.feeds.rss import parse_feed
from jobs.feeds.sitemap import parse_sitemap
from jobs.feeds.tabular import parse_csv, parse_jsonl

# Nested sitemap indexes deeper than this are a loop or a mistake.
MAX_SITEMAP_DEPTH = 3

PARSERS: dict[str, Callable[[bytes], ParseResult]] = {
    "rss": parse_feed,
    "csv": parse_csv,
    "jsonl": parse_jsonl,
}


class SourceError(Exception):
    """The source as a whole could not be read: the run is aborted and nothing expires."""


@dataclass
class SourceRead:
    """What one read of a source produced; `complete` is False when some pages failed."""

    records: list[VacancyRecord] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)
    complete: bool = True


def checked(result: ParseResult) -> SourceRead:
    """Turn a parse result into a read, refusing a document that is unusable as a whole."""
    records, errors = result
    fatal = [error for error in errors if error.fatal]
    if fatal:
        raise SourceError(fatal[0].reason)
    return SourceRead(records, errors)


def _fetch(fetcher: Fetcher, url: str) -> bytes:
    """Fetch the source document itself; failing here fails the source."""
    try:
        return fetcher.get(url)
    except FetchError as error:
        raise SourceError(f"{url}: {error}") from None


def _sitemap_pages(fetcher: Fetcher, url: str, read: SourceRead, depth: int = 0) -> list[str]:
    """Return the page URLs of a sitemap, following sitemap indexes."""
    entries, errors = parse_sitemap(_fetch(fetcher, url))
    if any(error.fatal for error in errors):
        raise SourceError(f"{url}: {errors[0].reason}")
    read.errors.extend(errors)
    pages = list(entries.pages)
    for nested in entries.sitemaps if depth < MAX_SITEMAP_DEPTH else []:
        pages.extend(_sitemap_pages(fetcher, nested, read, depth + 1))
    return pages


def read_pages(fetcher: Fetcher, pages: list[str], read: SourceRead) -> SourceRead:
    """Parse each career page; a page that fails is an error and makes the read incomplete."""
    for page in pages:
        try:
            records, errors = parse_jobposting_page(fetcher.get(page), url=page)
        except FetchError as error:
            read.errors.append(RecordError(page, f"pagina niet opgehaald: {error}"))
            read.complete = False
            continue
        read.records.extend(records)
        read.errors.extend(errors)
    return read


def read_source(fetcher: Fetcher, kind: str, url: str) -> SourceRead:
    """Fetch and parse a source of a kind (jsonld, sitemap, rss, csv, jsonl)."""
    if kind == "sitemap":
        read = SourceRead()
        return read_pages(fetcher, _sitemap_pages(fetcher, url, read), read)
    if kind == "jsonld":
        return checked(parse_jobposting_page(_fetch(fetcher, url), url=url))
    if kind in PARSERS:
        return checked(PARSERS[kind](_fetch(fetcher, url)))
    raise SourceError(f"bron van soort {kind!r} wordt niet opgehaald")
