"""Benchmark intake field accuracy: a realistic corpus pulled from a local HTTP server.

Run: .venv/bin/python bench/intake.py [--linking]

The corpus is tests/data/feeds/intake (the parser fixtures) plus bench/intake_corpus, each
file with its expected records written by hand (*.expected.json, "same_as" naming the record
a repost duplicates). bench/intake_corpus/sealed is never looked at while changing the
parsers and is reported on its own line. Every source is pulled as configured (kind + URL)
into a fresh SQLite database; the figures are fields correct / fields checked, records exact,
and duplicates found / missed / wrongly merged. BEFORE holds the figures of the code before
issue 10, measured with this script on that code (see its comment).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from local_server import serve
from sqlalchemy import select

from jobs.feeds.fetcher import Fetcher
from jobs.feeds.sources import read_source
from jobs.ingest import IngestOptions
from jobs.linking import link_titles, no_linking
from jobs.pull import pull_all
from models import Base, FeedSource, Opportunity
from models.db import make_engine, make_session_factory, transaction
from models.settings import Settings

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "data" / "feeds" / "intake"
CORPUS = ROOT / "bench" / "intake_corpus"
TODAY = date(2026, 11, 23)

# (key, kind, file, sealed): the key names a source in "same_as" of the truth files.
SOURCES = [
    ("csv", "csv", FIXTURES / "vacatures_excel.csv", False),
    ("csv_comma", "csv", FIXTURES / "vacatures_comma.csv", False),
    ("rss", "rss", FIXTURES / "werkzoeken.rss", False),
    ("rss_en", "rss", FIXTURES / "jobboard_en.rss", False),
    ("atom", "rss", FIXTURES / "vacatures_ns.atom", False),
    ("yoast", "jsonld", FIXTURES / "yoast_graph.html", False),
    ("places", "jsonld", FIXTURES / "several_places.html", False),
    ("address", "jsonld", FIXTURES / "address_string.html", False),
    ("microdata", "jsonld", FIXTURES / "microdata_time.html", False),
    ("agency", "jsonld", FIXTURES / "agency_flexwerk.html", False),
    ("careers", "jsonld", FIXTURES / "nearmiss_careers.html", False),
    ("gemeente", "csv", CORPUS / "gemeente_export_cp1252.csv", False),
    ("rss_wp", "rss", CORPUS / "werkplein.rss", False),
    ("s_csv", "csv", CORPUS / "sealed" / "sealed_export.csv", True),
    ("s_atom", "rss", CORPUS / "sealed" / "sealed_feed.atom", True),
    ("s_page", "jsonld", CORPUS / "sealed" / "sealed_page.html", True),
]

# Measured with this script on the parsers, dedup and ingest of commit 4b691d1 (main before
# issue 10), 2026-12-01: `python bench/intake.py` before any code change on branch issue-10.
BEFORE = {
    "open": "fields 154/475 (32.4%)  records exact 1/49  duplicates found 0/7 (missed 7), "
    "wrongly merged 0",
    "sealed": "fields 33/99 (33.3%)  records exact 1/11  duplicates found 0/4 (missed 4), "
    "wrongly merged 0",
}


def expected_of(path: Path) -> list[dict[str, Any]]:
    """Return the hand-written expected records of a corpus file."""
    name = path.name.rsplit(".", 1)[0] if path.suffix in (".csv", ".html") else path.name
    truth: list[dict[str, Any]] = json.loads(
        (path.parent / f"{name}.expected.json").read_text(encoding="utf-8")
    )
    return truth


@dataclass
class Score:
    """Counts of one part of the corpus."""

    fields_checked: int = 0
    fields_correct: int = 0
    records: int = 0
    records_exact: int = 0
    duplicates: int = 0
    duplicates_found: int = 0
    wrong_merges: int = 0
    wrong: list[str] = field(default_factory=list)

    def line(self) -> str:
        """Return the figures on one line."""
        share = self.fields_correct / max(self.fields_checked, 1)
        return (
            f"fields {self.fields_correct}/{self.fields_checked} ({share:.1%})  "
            f"records exact {self.records_exact}/{self.records}  "
            f"duplicates found {self.duplicates_found}/{self.duplicates} "
            f"(missed {self.duplicates - self.duplicates_found}), "
            f"wrongly merged {self.wrong_merges}"
        )


def _value(record: Any, name: str) -> Any:
    """Return a record's field in the truth files' JSON shape."""
    value = getattr(record, name, None)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return list(value)
    return value


def score_fields(key: str, truth: list[dict[str, Any]], records: list[Any], score: Score) -> None:
    """Compare each expected record with the one read under the same external id."""
    by_id = {record.external_id: record for record in records}
    for expected in truth:
        record = by_id.get(expected["external_id"])
        checked = {name: value for name, value in expected.items() if name != "same_as"}
        correct = 0
        for name, value in checked.items():
            got = _value(record, name) if record is not None else "(geen record)"
            if got == value:
                correct += 1
            else:
                score.wrong.append(f"{key}:{expected['external_id']} {name}: {got!r} != {value!r}")
        score.fields_checked += len(checked)
        score.fields_correct += correct
        score.records += 1
        score.records_exact += correct == len(checked)


def read_all(base: str, fetcher: Fetcher) -> dict[str, list[Any]]:
    """Read every source as the pull does and return its records by source key."""
    found: dict[str, list[Any]] = {}
    for key, kind, path, _ in SOURCES:
        try:
            found[key] = read_source(fetcher, kind, f"{base}/{key}/{path.name}").records
        except Exception as error:  # noqa: BLE001  (a source that fails scores zero)
            print(f"  {key}: {type(error).__name__}: {error}")
            found[key] = []
    return found


def pull_into(database_url: str, base: str, linking: bool) -> dict[tuple[str, str], str | None]:
    """Pull every source into a fresh database; return (source, id) -> (source, id) it dups."""
    engine = make_engine(database_url)
    Base.metadata.create_all(engine)
    factory = make_session_factory(engine)
    with transaction(factory) as session:
        for key, kind, path, _ in SOURCES:
            url = f"{base}/{key}/{path.name}"
            session.add(FeedSource(name=key, kind=kind, url=url, region="bench"))
    settings = Settings(database_url=database_url, feed_host_delay_s=0, feed_retries=0)
    options = IngestOptions(linker=link_titles if linking else no_linking, today=TODAY)
    pull_all(factory, Fetcher.from_settings(settings), options)
    with factory() as session:
        names = {s.id: s.name for s in session.scalars(select(FeedSource))}
        rows = list(session.scalars(select(Opportunity)))
        ident = {row.id: f"{names.get(row.source_id or 0)}:{row.external_id}" for row in rows}
        dups = {
            ident[row.id]: ident.get(row.duplicate_of_id or 0)
            for row in rows
            if row.duplicate_of_id is not None
        }
    engine.dispose()
    return {(k.split(":", 1)[0], k.split(":", 1)[1]): v for k, v in dups.items()}


def _groups(pairs: set[tuple[str, str]]) -> dict[str, str]:
    """Return each record's group (union-find over the pairs)."""
    parent: dict[str, str] = {}

    def find(item: str) -> str:
        parent.setdefault(item, item)
        while parent[item] != item:
            item = parent[item]
        return item

    for a, b in pairs:
        parent[find(a)] = find(b)
    return {item: find(item) for item in list(parent)}


def score_duplicates(
    truth: dict[str, list[dict[str, Any]]],
    all_truth: dict[str, list[dict[str, Any]]],
    merges: set[tuple[str, str]],
    score: Score,
) -> None:
    """Count expected pairs that ended in one group, and merges that join different jobs."""

    def same_as(part: dict[str, list[dict[str, Any]]]) -> set[tuple[str, str]]:
        return {
            (f"{key}:{record['external_id']}", record["same_as"])
            for key, records in part.items()
            for record in records
            if record.get("same_as")
        }

    expected = same_as(truth)
    merged, true_groups = _groups(merges), _groups(same_as(all_truth))
    score.duplicates = len(expected)
    score.duplicates_found = sum(
        1 for a, b in expected if a in merged and b in merged and merged[a] == merged[b]
    )
    mine = {
        f"{key}:{record['external_id']}" for key, records in truth.items() for record in records
    }
    score.wrong_merges = sum(
        1
        for a, b in merges
        if (a in mine or (b in mine and a.split(":", 1)[0] not in truth))
        and (a not in true_groups or b not in true_groups or true_groups[a] != true_groups[b])
    )


def main() -> None:
    """Pull the corpus and print the figures next to the figures before issue 10."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--linking", action="store_true", help="link titles to ESCO too")
    parser.add_argument("--verbose", action="store_true", help="list every wrong field")
    args = parser.parse_args()
    files = {f"/{key}/{path.name}": path for key, _, path, _ in SOURCES}
    scores = {"open": Score(), "sealed": Score()}

    def body_of(path: str) -> bytes | None:
        return files[path].read_bytes() if path in files else None

    with tempfile.TemporaryDirectory() as tmp, serve(body_of) as base:
        fetcher = Fetcher.from_settings(Settings(feed_host_delay_s=0, feed_retries=0))
        found = read_all(base, fetcher)
        truth: dict[str, dict[str, list[dict[str, Any]]]] = {"open": {}, "sealed": {}}
        for key, _, path, sealed in SOURCES:
            part = "sealed" if sealed else "open"
            truth[part][key] = expected_of(path)
            score_fields(key, truth[part][key], found[key], scores[part])
        dups = pull_into(f"sqlite:///{Path(tmp) / 'intake.sqlite3'}", base, args.linking)
        everything = {**truth["open"], **truth["sealed"]}
        merges = {(f"{s}:{i}", str(other)) for (s, i), other in dups.items()}
        for part, score in scores.items():
            score_duplicates(truth[part], everything, merges, score)
    total = sum(score.records for score in scores.values())
    print(f"intake corpus: {total} records in {len(SOURCES)} sources, pulled on {TODAY}")
    for part, score in scores.items():
        print(f"  {part:<6} now:    {score.line()}")
        print(f"  {part:<6} before: {BEFORE[part]}")
    if args.verbose:
        # Only the open part: the sealed part's mistakes must not steer the parsers.
        for wrong in scores["open"].wrong:
            print(f"    {wrong}")


if __name__ == "__main__":
    main()
