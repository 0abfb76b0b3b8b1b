"""Benchmark: the weekly rhythm of one region against a full run, in the same process.

1. A full run: 5,000 claimants x 20,000 opportunities (titles already linked last week,
   as in production where the database remembers them).
2. One 30-person session against the whole region, as a mediator's button press does:
   the same warm linker and concept store, nothing else prepared.
3. A weekly pull of 2,000 new vacancies: last week's lists updated by scoring only the
   new pairs, against a full run over all 22,000.
4. The bytes a session's run record takes: inputs copied in full (before) against shared
   opportunity snapshots (now).

Run: ``.venv/bin/python bench/weekly.py [--claimants 5000 --opportunities 20000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from typing import Any

import numpy as np
from matching import timed
from synthetic import (
    TODAY,
    default_linker,
    make_claimants,
    make_opportunities,
    region_postcodes,
    titles,
)

from matcher.geo import Gazetteer
from matcher.incremental import update_results
from matcher.linking import ConceptCache, Linker, MemoryConcepts
from matcher.pipeline import ClaimantResult, rank
from matcher.ranker import LinearScorer
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.runs import content_hash, record_data, run_inputs, run_results
from matcher.text import TextVocabulary
from matcher.text_cache import RowStore
from matcher.threads import one_blas_thread
from matcher.words import word_index

TOP = 20
SESSION = 30


class Region:
    """A region's claimants and opportunities, ranked with one warm concept store."""

    def __init__(self, claimants: int, opportunities: int, new: int) -> None:
        rng = np.random.default_rng(20261201)
        self.gazetteer = Gazetteer.default()
        self.linker, real = default_linker()
        names = titles(real)
        places = region_postcodes(self.gazetteer, rng)
        self.claimants = make_claimants(claimants, rng, names, places)
        both = make_opportunities(opportunities + new, rng, names, places)
        self.opportunities, self.new = both[:opportunities], both[opportunities:]
        self.store = MemoryConcepts()

    def rank(
        self, claimants: list[ClaimantProfile], opportunities: list[OpportunityRecord]
    ) -> list[ClaimantResult]:
        """Rank with the region's warm concept store, as a worker process does."""
        linker: Linker = self.linker
        return rank(
            claimants,
            opportunities,
            today=TODAY,
            top=TOP,
            linker=linker,
            gazetteer=self.gazetteer,
            concepts=ConceptCache(linker, self.store),
        )


def record_bytes(region: Region, session: list[ClaimantProfile], runs_per_week: int) -> None:
    """Print the bytes of one session's run record, before and now."""
    results = run_results(region.rank(session, region.opportunities))
    scorer = LinearScorer.default()
    full = run_inputs(session, region.opportunities, today=TODAY, top=TOP, scorer=scorer)
    before = len(json.dumps(full)) + len(json.dumps(results))
    members = [content_hash(record_data(r)) for r in region.opportunities]
    shared = len(json.dumps(members)) + sum(
        len(json.dumps(record_data(r))) for r in region.opportunities
    )
    lean = run_inputs(session, [], today=TODAY, top=TOP, scorer=scorer)
    lean["opportunity_set"] = content_hash(members)
    own = len(json.dumps(lean)) + len(json.dumps(results))
    amortised = own + shared / runs_per_week
    new_week = [*region.opportunities[len(region.new) :], *region.new]  # 2,000 in, 2,000 out
    next_members = [content_hash(record_data(r)) for r in new_week]
    next_shared = len(json.dumps(next_members)) + sum(
        len(json.dumps(record_data(r))) for r in region.new
    )
    following = own + next_shared / runs_per_week
    print(f"{'run record, inputs copied (before)':<48} {before:10,d} bytes")
    print(f"{'run record, own row (now)':<48} {own:10,d} bytes  {own / before:6.1%}")
    print(f"{'opportunity snapshots + set, once per week':<48} {shared:10,d} bytes")
    print(
        f"{f'per run, {runs_per_week} session runs sharing them':<48} {int(amortised):10,d} bytes"
        f"  {amortised / before:6.1%}  (goal < 5%)"
    )
    print(f"{'next week: new snapshots + new set':<48} {next_shared:10,d} bytes")
    print(
        f"{f'per run next week, {runs_per_week} session runs':<48} {int(following):10,d} bytes"
        f"  {following / before:6.1%}"
    )


def weekly(claimants: int, opportunities: int, new: int, runs_per_week: int) -> dict[str, Any]:
    """Run the four measurements and print them with their ratios."""
    region = Region(claimants, opportunities, new)
    TextVocabulary.default()
    print(f"{claimants} claimants, {opportunities} opportunities, {new} new next week, top {TOP}")
    everyone = region.claimants
    _, cold = timed(
        "full run, titles not linked before", lambda: region.rank(everyone, region.opportunities)
    )
    last_week, full = timed(
        "full run, titles linked last week", lambda: region.rank(everyone, region.opportunities)
    )
    step = max(len(everyone) // SESSION, 1)
    session, other = everyone[::step][:SESSION], everyone[1::step][:SESSION]
    # A worker that has not ranked this region yet: nothing in memory, only what the full
    # run left in the instance cache on disk (the vocabulary, the text rows).
    TextVocabulary.default().forget()
    if TextVocabulary.default().store is not None:
        TextVocabulary.default().store = RowStore(TextVocabulary.default().store.folder)
    word_index().forget()
    _, cold_one = timed(
        f"one {len(session)}-person session, fresh worker",
        lambda: region.rank(session, region.opportunities),
    )
    _, one = timed("another session, same worker", lambda: region.rank(other, region.opportunities))
    print(f"{'ratio session / full run, fresh worker':<48} {cold_one / full:8.3f}  (goal <= 0.10)")
    print(f"{'ratio session / full run, same worker':<48} {one / full:8.3f}")
    gone = {o.id for o in region.opportunities[::50]}  # filled or withdrawn during the week
    still_open = [o for o in region.opportunities if o.id not in gone]

    def update() -> list[ClaimantResult]:
        fresh = region.rank(everyone, region.new)
        return update_results(last_week, fresh, gone=gone, top=TOP)

    _, updating = timed(f"update with {new} new vacancies (new pairs only)", update)
    _, rerun = timed(
        f"full run over all {len(still_open) + new}",
        lambda: region.rank(everyone, still_open + region.new),
    )
    print(f"{'ratio update / full run':<48} {updating / rerun:8.3f}")
    record_bytes(region, session, runs_per_week)
    return {
        "cold": cold,
        "full": full,
        "session": one,
        "fresh_session": cold_one,
        "update": updating,
        "rerun": rerun,
    }


def main() -> None:
    """Parse the sizes and run."""
    one_blas_thread()  # as every process of the service does
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claimants", type=int, default=5000)
    parser.add_argument("--opportunities", type=int, default=20000)
    parser.add_argument("--new", type=int, default=2000)
    # About one session per mediator a week: 50 in a region of 5,000 to 6,000 claimants.
    parser.add_argument("--runs-per-week", type=int, default=50)
    args = parser.parse_args()
    # An empty instance cache: the first full run fills it, as the first weekly run does.
    os.environ["ZOW_CACHE_DIR"] = tempfile.mkdtemp(prefix="zow-bench-weekly-")
    weekly(args.claimants, args.opportunities, args.new, args.runs_per_week)


if __name__ == "__main__":
    main()
