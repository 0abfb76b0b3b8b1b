"""Benchmark vacancy import throughput: a generated JSON-LD feed served by a local HTTP server.

Run: .venv/bin/python bench/ingest.py [--count 5000] [--database-url URL]

Prints vacancies per second for (a) the baseline, plain json.loads of the same bytes,
(b) fetch + parse + upsert + dedup + expiry without ESCO linking, (c) the same with ESCO
linking (linker loaded before the clock starts), and (d) a second run where every
vacancy is already known. The machine is noisy: compare the ratios, not the raw figures.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from local_server import serve

from jobs.feeds.fetcher import Fetcher
from jobs.ingest import IngestOptions
from jobs.linking import TitleLinker, link_titles, no_linking
from jobs.pull import pull_all
from models import Base, FeedSource, Opportunity
from models.db import make_engine, make_session_factory, transaction
from models.settings import Settings

TITLES = [
    "Magazijnmedewerker",
    "Kok",
    "Verzorgende IG",
    "Schoonmaker",
    "Chauffeur C",
    "Administratief medewerker",
    "Verkoper",
    "Monteur",
    "Orderpicker",
    "Kassamedewerker",
]
EMPLOYERS = [f"Werkgever {n}" for n in range(300)]
NOISE = ["", "parttime", "(m/v)", "32 uur"]


def generate_page(count: int, seed: int = 2026) -> bytes:
    """Return an HTML page whose JSON-LD @graph holds `count` JobPostings."""
    rng = random.Random(seed)
    postings = [
        {
            "@type": "JobPosting",
            "identifier": f"bench-{n}",
            "title": f"{rng.choice(TITLES)} {rng.choice(NOISE)}".strip(),
            "description": "Je werkt in een klein team. " * rng.randint(2, 10),
            "datePosted": "2026-11-16",
            "validThrough": "2027-01-31",
            "hiringOrganization": {"@type": "Organization", "name": rng.choice(EMPLOYERS)},
            "jobLocation": {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "postalCode": f"{rng.randint(1000, 9999)} AB",
                    "addressLocality": "Huizen",
                },
            },
            "workHours": f"{rng.choice([16, 24, 32])}-{rng.choice([36, 38, 40])} uur per week",
        }
        for n in range(count)
    ]
    graph = json.dumps({"@context": "https://schema.org", "@graph": postings})
    return f'<html><head><script type="application/ld+json">{graph}</script></head></html>'.encode()


@contextmanager
def serve_page(body: bytes) -> Iterator[str]:
    """Serve one page on 127.0.0.1 and yield its URL."""
    with serve(lambda _path: body) as base:
        yield f"{base}/vacatures"


def baseline(url: str) -> tuple[float, int]:
    """Fetch the page and json.loads its script: the floor any import stands on."""
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        page = response.read().decode()
    script = re.search(r'<script type="application/ld\+json">(.*)</script>', page, re.S)
    assert script is not None
    count = len(json.loads(script.group(1))["@graph"])
    return time.perf_counter() - start, count


def import_once(database_url: str, url: str, linker: TitleLinker) -> tuple[float, dict[str, Any]]:
    """Pull the page as a jsonld source into the database; return seconds and counts."""
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    settings = Settings(database_url=database_url, feed_host_delay_s=0, feed_timeout_s=120)
    options = IngestOptions(linker=linker, today=date(2026, 11, 23))
    start = time.perf_counter()
    totals = pull_all(factory, Fetcher.from_settings(settings), options)
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed, totals


def fresh_database(database_url: str, url: str) -> None:
    """Recreate the schema and add the one source."""
    engine = make_engine(database_url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with transaction(make_session_factory(engine)) as session:
        session.add(FeedSource(name="bench", kind="jsonld", url=url, region="bench"))
    engine.dispose()


def stored(database_url: str) -> int:
    """Return how many opportunities the database holds."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        count = session.query(Opportunity).count()
    engine.dispose()
    return count


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, serve_page(generate_page(args.count)) as url:
        database_url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        seconds, parsed = baseline(url)
        rows = [("baseline: fetch + json.loads", parsed, seconds)]
        link_titles(["kok"])  # load the taxonomy before any clock runs
        for label, linker in (
            ("import, no ESCO linking", no_linking),
            ("import + ESCO linking", link_titles),
        ):
            fresh_database(database_url, url)
            seconds, totals = import_once(database_url, url, linker)
            rows.append((label, totals["new"], seconds))
        seconds, totals = import_once(database_url, url, link_titles)
        rows.append(("second run (all known, unchanged)", totals["fetched"], seconds))
        assert stored(database_url) == args.count, "every vacancy exactly once"
    print(f"{args.count} JobPostings, database {database_url.split(':')[0]}")
    base_rate = rows[0][1] / rows[0][2]
    for label, count, seconds in rows:
        rate = count / seconds
        figures = f"{count:>6} in {seconds:6.2f} s = {rate:9.0f} vacancies/s"
        print(f"  {label:<36} {figures}  ({rate / base_rate:.3f}x baseline)")


if __name__ == "__main__":
    main()
