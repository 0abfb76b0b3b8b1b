"""Benchmark: every claimant's top 50 at 1k x 4k, 5k x 20k and 10k x 40k.

Ours, on the clock: loading the occupation linker and the text vocabulary, linking every
title, hard filters, all features (preferences and feedback included), scores, top 50
and the Dutch reasons of every match. The baseline, in the same run on the same texts:
word TF-IDF fitted on the opportunities, one sparse product per block of claimants and
the top 50 per claimant by argpartition (sparse and top-k, like ours).

Each size runs twice, each time in a new process that reports its peak memory and runs
the baseline too: first on an empty instance (the vocabulary is fitted and saved, the
linker built, every title linked and stored in a SQLite ``linked_concepts`` table), then
as next week's run on the same instance (vocabulary read from disk, titles read from the
table, the linker not built unless a title is new).

Run: ``.venv/bin/python bench/matching.py [--sizes 1000x4000,5000x20000,10000x40000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sqlalchemy.orm import Session
from synthetic import TODAY, make_claimants, make_opportunities, region_postcodes, titles

from matcher.features import FeatureContext
from matcher.geo import Gazetteer
from matcher.lazy_linker import LazyLinker
from matcher.linking import ConceptCache
from matcher.pipeline import block_results, spatial_order, top_blocks
from matcher.ranker import LinearScorer
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.store.concepts import DatabaseConcepts
from matcher.text import TextVocabulary, claimant_text, opportunity_text
from matcher.threads import one_blas_thread
from models import LinkedConcept
from models.db import make_engine, make_session_factory

T = TypeVar("T")


def timed(label: str, work: Callable[[], T], *, quiet: bool = False) -> tuple[T, float]:
    """Run work once; print and return the CPU seconds it took (all threads).

    CPU time, not wall time: these machines are shared, and another job's load would
    otherwise land in our figures. Wall time is printed beside it.
    """
    start, wall = time.process_time(), time.perf_counter()
    result = work()
    seconds = time.process_time() - start
    if not quiet:
        print(f"{label:<48} {seconds:8.2f} s cpu  ({time.perf_counter() - wall:.2f} s wall)")
    return result, seconds


def concept_session(folder: Path) -> Session:
    """Return a session on the instance's SQLite database of linked concepts."""
    engine = make_engine(f"sqlite:///{folder / 'concepts.sqlite3'}")
    LinkedConcept.__table__.create(engine, checkfirst=True)  # type: ignore[attr-defined]
    return make_session_factory(engine)()


def load_linker(session: Session) -> tuple[ConceptCache, TextVocabulary]:
    """Return the production linker (built when a title is new) and the text vocabulary."""
    vocabulary = TextVocabulary.default()
    return ConceptCache(LazyLinker(), DatabaseConcepts(session)), vocabulary


def baseline_top(
    claimants: list[ClaimantProfile], opportunities: list[OpportunityRecord], top: int
) -> int:
    """Word TF-IDF, a sparse product per block of claimants, top k by argpartition."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, dtype=np.float32)
    right = sparse.csr_matrix(
        vectorizer.fit_transform([opportunity_text(o) for o in opportunities])
    )
    left = sparse.csr_matrix(vectorizer.transform([claimant_text(c) for c in claimants]))
    kept = 0
    for start in range(0, left.shape[0], 256):
        product = (left[start : start + 256] @ right.T).toarray()
        k = min(top, product.shape[1] - 1)
        best = np.argpartition(-product, k, axis=1)[:, :top]
        order = np.take_along_axis(product, best, axis=1).argsort(axis=1)[:, ::-1]
        kept += np.take_along_axis(best, order, axis=1).shape[0]
    return kept


def ours(
    claimants: list[ClaimantProfile],
    opportunities: list[OpportunityRecord],
    *,
    top: int,
    block_size: int,
    quiet: bool = False,
) -> dict[str, float]:
    """Time our whole ranking, phase by phase; return the seconds and the matches."""
    session = concept_session(Path(os.environ["ZOW_CACHE_DIR"]))
    (concepts, vocabulary), loading = timed(
        "ours: load linker and vocabulary", lambda: load_linker(session), quiet=quiet
    )
    gazetteer = Gazetteer.default()

    def context() -> FeatureContext:
        built = FeatureContext(
            claimants,
            opportunities,
            linker=concepts.linker,
            gazetteer=gazetteer,
            today=TODAY,
            concepts=concepts,
            vocabulary=vocabulary,
        )
        session.commit()  # the links of new titles, for next week's run
        return built

    built, setup = timed("ours: setup (link titles, fuzz, columns)", context, quiet=quiet)

    def ranking() -> list[Any]:
        ordered = [claimants[i] for i in spatial_order(claimants)]
        return list(
            top_blocks(
                built, ordered, top=top, scorer=LinearScorer.default(), block_size=block_size
            )
        )

    parts, scoring = timed("ours: filters, features, scores, top-k", ranking, quiet=quiet)
    results, explaining = timed(
        "ours: reasons for every match",
        lambda: [r for p in parts for r in block_results(built, p)],
        quiet=quiet,
    )
    return {
        "loading": loading,
        "setup": setup,
        "scoring": scoring,
        "explaining": explaining,
        "total": loading + setup + scoring + explaining,
        "matches": sum(len(r.matches) for r in results),
    }


def one_size(n_claimants: int, n_opportunities: int, top: int, block_size: int) -> dict[str, Any]:
    """Generate one size, run the baseline and ours, and return the figures."""
    one_blas_thread()  # as every process of the service does
    rng = np.random.default_rng(20261123)
    gazetteer = Gazetteer.default()
    names = titles(True)
    places = region_postcodes(gazetteer, rng)
    claimants = make_claimants(n_claimants, rng, names, places)
    opportunities = make_opportunities(n_opportunities, rng, names, places)
    _, baseline = timed(
        "baseline: word TF-IDF, sparse product, top-k",
        lambda: baseline_top(claimants, opportunities, top),
    )
    figures = ours(claimants, opportunities, top=top, block_size=block_size)
    figures["baseline"] = baseline
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main() -> None:
    """Run each size in its own process and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000x4000,5000x20000,10000x40000")
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--block-size", type=int, default=256)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        n, m = (int(x) for x in args.one.split("x"))
        print("RESULT " + json.dumps(one_size(n, m, args.top, args.block_size)), flush=True)
        return
    rows = []
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory(prefix="zow-bench-instance-") as instance:
            for week in ("first run", "next week"):
                print(f"--- {size} claimants x opportunities, top {args.top}, {week}", flush=True)
                rows.append((size, week, run_one(size, args.top, instance)))
    print(
        f"{'size':<12} {'run':<10} {'baseline s':>10} {'ours s':>8} {'ratio':>6} "
        f"{'matches':>9} {'peak MB':>8}"
    )
    for size, week, f in rows:
        print(
            f"{size:<12} {week:<10} {f['baseline']:10.2f} {f['total']:8.2f} "
            f"{f['total'] / f['baseline']:6.2f} {int(f['matches']):9d} {f['peak_mb']:8.0f}"
        )
    print("ours = linker and vocabulary loading + setup + filters/features/scores/top-k + reasons;")
    print("goal: ratio <= 3 at every size, peak memory of 10k x 40k < 2 GB")


def run_one(size: str, top: int, instance: str) -> dict[str, Any]:
    """Run one size in a new process on the given instance folder; print its lines."""
    command = [sys.executable, __file__, "--one", size, "--top", str(top)]
    env = os.environ | {"ZOW_CACHE_DIR": instance}
    output = subprocess.run(  # noqa: S603
        command, check=True, capture_output=True, text=True, env=env
    ).stdout
    result: dict[str, Any] = {}
    for line in output.splitlines():
        if line.startswith("RESULT "):
            result = json.loads(line.removeprefix("RESULT "))
        else:
            print(line, flush=True)
    print(
        f"{'= ours / baseline, peak memory':<48} {result['total'] / result['baseline']:8.2f}x"
        f"  {result['peak_mb']:.0f} MB",
        flush=True,
    )
    return result


if __name__ == "__main__":
    main()
