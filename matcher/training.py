"""Feature rows for recorded outcomes, the training data of the learned ranker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from matcher.features import FEATURE_NAMES, FeatureContext
from matcher.geo import Gazetteer
from matcher.linking import Linker
from matcher.records import ClaimantProfile, OpportunityRecord


def pair_features(
    profiles: Sequence[ClaimantProfile],
    records: list[OpportunityRecord],
    pairs: Sequence[tuple[str, str]],
    *,
    today: dt.date,
    linker: Linker,
    gazetteer: Gazetteer | None = None,
) -> npt.NDArray[np.float32]:
    """Return one feature row per (claimant id, opportunity id) pair, in pair order.

    Profiles must carry no feedback on these pairs: the outcome would leak into its own
    features.
    """
    if not pairs:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
    context = FeatureContext(
        profiles, records, linker=linker, gazetteer=gazetteer or Gazetteer.default(), today=today
    )
    by_id = {p.id: p for p in profiles}
    columns = {r.id: i for i, r in enumerate(records)}
    block = [by_id[c] for c, _ in pairs]  # one row per pair, so rows are 0..n-1
    rows = np.arange(len(pairs), dtype=np.intp)
    cols = np.array([columns[o] for _, o in pairs], dtype=np.intp)
    distance = context.distances(block)[rows, cols]
    return context.pair_features(block, rows, cols, distance).T.astype(np.float32)
