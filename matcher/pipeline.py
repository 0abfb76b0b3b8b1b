"""Rank opportunities for claimants: route, filter, score, explain.

Claimants are sorted by postcode and handled in blocks. For each block the hard
constraints are checked against all opportunities at once; features and scores are then
computed only for the feasible pairs, and one sort by (claimant, -score) gives every
claimant's top. Only the chosen matches become Python objects with their reasons.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from matcher import explain
from matcher.block_reasons import block_reasons
from matcher.features import FEATURE_NAMES, FeatureContext, PairBlock
from matcher.filters import unknowns
from matcher.geo import Gazetteer
from matcher.limits.place import EXTRA_KM
from matcher.linking import ConceptCache, Linker
from matcher.ranker import LinearScorer, ModelVersion
from matcher.records import ClaimantProfile, OpportunityRecord


@dataclass(frozen=True)
class RankedPair:
    """One feasible opportunity for a claimant, with its score and reasons."""

    opportunity_id: str
    score: float
    reasons: list[str]
    features: dict[str, float] = field(default_factory=dict)
    distance_km: float = 0.0


@dataclass(frozen=True)
class ClaimantResult:
    """The ranked matches of one claimant and advice on what would change them."""

    claimant_id: str
    matches: list[RankedPair]
    advice: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TopBlock:
    """The chosen pairs of one block (and no others): per claimant, pair indices best first."""

    block: PairBlock
    chosen: list[npt.NDArray[np.intp]]
    scores: npt.NDArray[np.float32]


def rank(
    claimants: Sequence[ClaimantProfile],
    opportunities: list[OpportunityRecord],
    *,
    today: dt.date,
    top: int,
    linker: Linker,
    model: LinearScorer | ModelVersion | None = None,
    gazetteer: Gazetteer | None = None,
    block_size: int = 128,
    concepts: ConceptCache | None = None,
) -> list[ClaimantResult]:
    """Return for each claimant, in input order, up to ``top`` feasible matches best first.

    ``concepts`` lets titles linked by earlier runs be reused (it must wrap ``linker``).
    """
    context = FeatureContext(
        claimants,
        opportunities,
        linker=linker,
        gazetteer=gazetteer or Gazetteer.default(),
        today=today,
        concepts=concepts,
    )
    order = spatial_order(claimants)
    ordered = [claimants[i] for i in order]
    results: list[ClaimantResult] = []
    for part in top_blocks(context, ordered, top=top, scorer=_scorer(model), block_size=block_size):
        results.extend(block_results(context, part))
    by_position = dict(zip(order, results, strict=True))
    return [by_position[i] for i in range(len(claimants))]


def spatial_order(claimants: Sequence[ClaimantProfile]) -> list[int]:
    """Return claimant positions sorted by postcode, so a block needs fewer opportunities."""
    return sorted(range(len(claimants)), key=lambda i: claimants[i].postcode or "")


def top_blocks(
    context: FeatureContext,
    claimants: Sequence[ClaimantProfile],
    *,
    top: int,
    scorer: LinearScorer,
    block_size: int = 128,
) -> Iterator[TopBlock]:
    """Yield the best feasible pairs per claimant, one block of claimants at a time."""
    for start in range(0, len(claimants), block_size):
        block = context.feasible_pairs(claimants[start : start + block_size], extra_km=EXTRA_KM)
        scores = scorer.score(block.features)
        yield _kept(block, best_first(block.rows, scores, top, len(block.claimants)), scores)


def _kept(
    block: PairBlock, chosen: list[npt.NDArray[np.intp]], scores: npt.NDArray[np.float32]
) -> TopBlock:
    """Return the chosen pairs only: the rest of a block's features need not be kept."""
    # A block has ~230,000 feasible pairs and ~13,000 chosen: keeping all of them until
    # the reasons are written held ~500 MB more at 10,000 claimants x 40,000 places.
    kept = np.concatenate([np.zeros(0, dtype=np.intp), *chosen])
    small = PairBlock(
        block.claimants,
        block.rows[kept],
        block.cols[kept],
        block.features[:, kept],
        block.distance[kept],
        block.further,
    )
    ends = np.cumsum([len(c) for c in chosen], dtype=np.intp).tolist()
    positions = [
        np.arange(end - len(c), end, dtype=np.intp) for c, end in zip(chosen, ends, strict=True)
    ]
    return TopBlock(small, positions, scores[kept])


def best_first(
    rows: npt.NDArray[np.intp], scores: npt.NDArray[np.float32], top: int, groups: int
) -> list[npt.NDArray[np.intp]]:
    """Return per row (0 to groups - 1) the positions of its ``top`` best pairs, best first.

    Pairs come grouped by row, rows ascending; equal scores keep the pairs' order.
    """
    # One stable sort of one integer key (row in the high bits, score in the low ones)
    # instead of a two-key lexsort: the same order at a third of the cost.
    key = (rows.astype(np.int64) << 32) | _descending_bits(scores)
    order = np.argsort(key, kind="stable")
    bounds = np.searchsorted(rows, np.arange(groups + 1)).tolist()
    return [order[lo : min(hi, lo + top)] for lo, hi in zip(bounds[:-1], bounds[1:], strict=True)]


def _descending_bits(scores: npt.NDArray[np.float32]) -> npt.NDArray[np.int64]:
    """Return unsigned 32-bit keys that sort as the scores do from high to low."""
    # Adding 0.0 makes -0.0 equal to 0.0, as the scores compare.
    bits = (np.asarray(scores, dtype=np.float32) + np.float32(0.0)).view(np.uint32)
    # IEEE floats sort as their bits once negative ones are flipped whole and positive
    # ones in their sign bit; the complement turns ascending into descending.
    ascending = np.where(bits >> 31 == 1, ~bits, bits | np.uint32(1 << 31))
    descending = (~ascending).astype(np.int64)
    descending[np.isnan(scores)] = 0xFFFFFFFF  # last, as a sort puts NaN
    return descending


def _scorer(model: LinearScorer | ModelVersion | None) -> LinearScorer:
    if model is None:
        return LinearScorer.default()
    return model.scorer if isinstance(model, ModelVersion) else model


def block_results(context: FeatureContext, part: TopBlock) -> Iterator[ClaimantResult]:
    """Yield the results of one block: matches with their reasons, and advice."""
    block = part.block
    best = context.titles.best_titles(block.claimants, block.rows, block.cols)
    missing = [explain.unknown_reasons(unknowns(c)) for c in block.claimants]
    with _collector_paused():
        said = block_reasons(context.phrases, context.reason_keys, block, best, missing)
        results = [
            _claimant_result(context, part, row, said, missing[row])
            for row in range(len(part.chosen))
        ]
    yield from results


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cycle collector while building many small acyclic objects.

    A block's results are ~10,000 objects (matches, feature dicts, reason lists) without
    cycles; each few hundred allocations would otherwise trigger a collection that also
    walks every record of the run (up to a third of the time spent on reasons).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _claimant_result(
    context: FeatureContext, part: TopBlock, row: int, said: list[list[str]], missing: list[str]
) -> ClaimantResult:
    """Return one claimant's matches with their reasons (``said`` per pair), and advice."""
    block = part.block
    claimant = block.claimants[row]
    pairs = part.chosen[row]
    records = context.table.records
    rows = zip(
        pairs.tolist(),
        block.cols[pairs].tolist(),
        part.scores[pairs].tolist(),
        block.features[:, pairs].T.tolist(),
        block.distance[pairs].tolist(),
        strict=True,
    )
    matches = [
        RankedPair(
            records[col].id,
            round(score, 4),
            said[p],
            dict(zip(FEATURE_NAMES, values, strict=True)),
            round(km, 2),
        )
        for p, col, score, values, km in rows
    ]
    further = int(block.further[row])
    advice = missing + explain.advice(claimant, len(matches), further, EXTRA_KM)
    return ClaimantResult(claimant.id, matches, advice)
