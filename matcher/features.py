"""Pair features of claimants and opportunities, computed for a block of claimants at once.

Hard constraints are checked first for the whole block (dense boolean matrices); features
are then computed only for the feasible (claimant, opportunity) pairs, as flat arrays.
Every feature is in [0, 1] (preferences in [-1, 1]). Work that does not depend on the
pair is done once per run: each distinct title is linked and fuzzily compared once, each
distinct pair of PC4 areas measured once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
from scipy import sparse

from matcher.feedback import outcome_sign
from matcher.filters import OpportunityTable, feasible_except_distance, travel_limits, within_reach
from matcher.geo import Gazetteer
from matcher.linking import ConceptCache, Linker
from matcher.pair_columns import Distinct, distinct_columns, sample_product
from matcher.phrasebook import Phrasebook
from matcher.reason_keys import OpportunityKeys
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.scales import education_rank
from matcher.text import (
    TextSpace,
    TextVocabulary,
    claimant_text,
    normalise_term,
    opportunity_text,
    wish_text,
)
from matcher.title_match import Ids, Index, TitleMatch
from matcher.words import RunTexts

FEATURE_NAMES = (
    "occupation",
    "skills",
    "title",
    "text",
    "distance",
    "hours",
    "education",
    "recency",
    "covenant",
    "preferences",
)

Matrix = npt.NDArray[np.float32]
Distances = npt.NDArray[np.float64]


@dataclass
class PairBlock:
    """Features of the feasible pairs of one block of claimants, pair by pair."""

    claimants: Sequence[ClaimantProfile]
    rows: Ids  # claimant position in the block, ascending
    cols: Ids  # opportunity position in the run
    features: Matrix  # (features, pairs)
    distance: Distances  # (pairs,)
    further: npt.NDArray[np.int_]  # per claimant: places added by travelling extra_km more


@dataclass
class Block:
    """Dense features, distances and feasibility of one block (for a few claimants only)."""

    claimants: Sequence[ClaimantProfile]
    features: Matrix  # (features, claimants, opportunities)
    distance: Distances
    feasible: npt.NDArray[np.bool_]


class FeatureContext:
    """Everything about a matching run that is shared by all claimant blocks.

    Blocks must hold claimants given at construction: the titles and places of others
    are not prepared, so their title features are zero and their pairs infeasible.
    """

    def __init__(
        self,
        claimants: Sequence[ClaimantProfile],
        opportunities: list[OpportunityRecord],
        *,
        linker: Linker,
        gazetteer: Gazetteer,
        today: dt.date,
        concepts: ConceptCache | None = None,
        vocabulary: TextVocabulary | None = None,
    ) -> None:
        self.table = OpportunityTable.build(opportunities, gazetteer, today)
        self.gazetteer = gazetteer
        self.concepts = concepts if concepts is not None else ConceptCache(linker)
        self.titles = TitleMatch(claimants, opportunities, self.concepts)
        texts = [opportunity_text(o) for o in opportunities]
        self.text_space = TextSpace(texts, vocabulary)
        self.keyword_texts = RunTexts(
            [wish_text(o, t) for o, t in zip(opportunities, texts, strict=True)]
        )
        self._build_columns(opportunities)
        self._build_places(claimants)
        self.ids = {o.id: i for i, o in enumerate(opportunities)}
        self.phrases = Phrasebook()  # the reasons' sentences, shared by the run's blocks

    @cached_property
    def reason_keys(self) -> OpportunityKeys:
        """Return what decides each opportunity's sentences (found when first explained)."""
        return OpportunityKeys(self.table.records)

    def _build_columns(self, opps: list[OpportunityRecord]) -> None:
        self.skill_index = Index([normalise_term(s) for o in opps for s in o.skills])
        self.opp_skills = self._skill_matrix([o.skills for o in opps])
        counts = np.asarray(self.opp_skills.sum(axis=1)).ravel()
        self.opp_skill_counts = np.maximum(counts, 1).astype(np.float32)
        self.hours_max = np.array([o.hours_max or np.inf for o in opps], dtype=np.float64)
        levels = [education_rank(o.education_level) if o.education_level else -1 for o in opps]
        self.education_needed = np.array(levels, dtype=np.float32)
        # Placements are posted by covenant partners; vacancies may say so in an extra field.
        covenant = [o.kind == "placement" or bool(o.extra.get("covenant")) for o in opps]
        self.covenant = np.array(covenant, dtype=np.float32)

    def _skill_matrix(self, skill_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        rows, cols = [], []
        for row, skills in enumerate(skill_lists):
            for col in {self.skill_index[normalise_term(s)] for s in skills} - {0}:
                rows.append(row)
                cols.append(col)
        shape = (len(skill_lists), len(self.skill_index.values))
        return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=shape)

    def _build_places(self, claimants: Sequence[ClaimantProfile]) -> None:
        self.opp_places, self.opp_place_ids = np.unique(self.table.location, return_inverse=True)
        places = np.unique(self.gazetteer.index_of([c.postcode or "" for c in claimants]))
        self.claimant_places = {int(p): i for i, p in enumerate(places)}
        self.place_distance = self.gazetteer.distance_matrix(places, self.opp_places)

    def distances(self, block: Sequence[ClaimantProfile], columns: Ids | None = None) -> Distances:
        """Return km between each claimant of the block and each opportunity (NaN if unknown).

        With ``columns``, only for the opportunities at those positions.
        """
        places = self.opp_place_ids if columns is None else self.opp_place_ids[columns]
        return self.place_distances(block)[:, places]

    def place_distances(self, block: Sequence[ClaimantProfile]) -> Distances:
        """Return km between each claimant of the block and each place of an opportunity."""
        rows = self._place_rows(block)
        out = self.place_distance[np.maximum(rows, 0)]
        out[rows < 0, :] = np.nan
        return out

    def _place_rows(self, block: Sequence[ClaimantProfile]) -> Ids:
        loc = self.gazetteer.index_of([c.postcode or "" for c in block])
        return np.array([self.claimant_places.get(int(p), -1) for p in loc], dtype=np.intp)

    def in_reach(self, block: Sequence[ClaimantProfile], km: float) -> Ids:
        """Return the positions of the opportunities within km of some claimant of the block."""
        rows = self._place_rows(block)
        with np.errstate(invalid="ignore"):
            near = self.place_distance[np.unique(rows[rows >= 0])] <= km
        return np.flatnonzero(np.asarray(near.any(axis=0), dtype=bool)[self.opp_place_ids])

    def feasible_pairs(
        self, claimants: Sequence[ClaimantProfile], *, extra_km: float = 10.0
    ) -> PairBlock:
        """Return the features of every feasible pair of a block of claimants."""
        limits = travel_limits(claimants)
        # Claimants come sorted by place: most opportunities are beyond the block's reach,
        # so every check below runs only on those within the longest travel plus extra_km.
        columns = self.in_reach(claimants, float(limits.max(initial=0.0)) + extra_km)
        # Reach is decided per place and then spread to the places' opportunities: a block
        # meets ~4,000 places but ~40,000 opportunities: their km as floats would be ~80 MB
        # for a block of 256 claimants.
        by_place = self.place_distances(claimants)
        places = self.opp_place_ids[columns]
        rest = feasible_except_distance(claimants, self.table, columns)
        feasible = rest & within_reach(by_place, limits)[:, places]
        further = (rest & within_reach(by_place, limits + extra_km)[:, places]).sum(
            axis=1
        ) - feasible.sum(axis=1)
        rows, local = np.nonzero(feasible)
        cols = columns[local]
        pair_distance = by_place[rows, places[local]]
        features = self.pair_features(claimants, rows, cols, pair_distance)
        return PairBlock(claimants, rows, cols, features, pair_distance, further)

    def block(self, claimants: Sequence[ClaimantProfile], *, extra_km: float = 10.0) -> Block:
        """Return dense features of every pair of a few claimants, feasible or not."""
        distance = self.distances(claimants)
        feasible = feasible_except_distance(claimants, self.table) & within_reach(
            distance, travel_limits(claimants)
        )
        rows, cols = (ids.ravel() for ids in np.indices(distance.shape, dtype=np.intp))
        features = self.pair_features(claimants, rows, cols, distance.ravel())
        return Block(
            claimants, features.reshape(len(FEATURE_NAMES), *distance.shape), distance, feasible
        )

    def pair_features(
        self, block: Sequence[ClaimantProfile], rows: Ids, cols: Ids, distance: Distances
    ) -> Matrix:
        """Return the features (in FEATURE_NAMES order) of the given (row, column) pairs."""
        occupation, title, recency = self.titles.pairs(block, rows, cols)
        distinct = distinct_columns(cols, len(self.table.records))
        out = np.empty((len(FEATURE_NAMES), len(rows)), dtype=np.float32)
        out[0], out[2], out[7] = occupation, title, recency
        out[1] = self._skills(block, rows, cols, distinct)
        out[3] = self._text(block, rows, distinct)
        out[4] = self._closeness(block, rows, distance)
        out[5] = self._hours(block, rows, cols)
        out[6] = self._education(block, rows, cols)
        out[8] = self.covenant[cols]
        out[9] = self._preferences(block, rows, cols, distinct)
        return out

    def _text(self, block: Sequence[ClaimantProfile], rows: Ids, distinct: Distinct) -> Matrix:
        if len(rows) == 0:
            return np.zeros(0, dtype=np.float32)
        needed, position = distinct
        left = self.text_space.transform([claimant_text(c) for c in block])
        return self.text_space.products(left, needed)[rows, position]

    def _skills(
        self, block: Sequence[ClaimantProfile], rows: Ids, cols: Ids, distinct: Distinct
    ) -> Matrix:
        left = self._skill_matrix([c.skills for c in block])
        shared = sample_product(left, self.opp_skills, rows, distinct)
        return np.asarray(shared / self.opp_skill_counts[cols], dtype=np.float32)

    def _closeness(
        self, block: Sequence[ClaimantProfile], rows: Ids, distance: Distances
    ) -> Matrix:
        closeness = 1.0 - distance / np.maximum(travel_limits(block), 1.0)[rows]
        return np.nan_to_num(np.clip(closeness, 0.0, 1.0), nan=0.0).astype(np.float32)

    def _hours(self, block: Sequence[ClaimantProfile], rows: Ids, cols: Ids) -> Matrix:
        wanted = np.array([c.hours_per_week or np.nan for c in block], dtype=np.float64)[rows]
        offered = self.hours_max[cols]
        # Full fit when the opportunity offers the hours wanted; less when it offers fewer.
        with np.errstate(invalid="ignore", divide="ignore"):
            fit = np.where(wanted <= offered, 1.0, offered / wanted)
        return np.nan_to_num(fit, nan=0.5).astype(np.float32)

    def _education(self, block: Sequence[ClaimantProfile], rows: Ids, cols: Ids) -> Matrix:
        have = np.array(
            [education_rank(c.education_level) if c.education_level else -9 for c in block]
        )[rows]
        need = self.education_needed[cols]
        # Each level short costs a third; no requirement fits anyone; unknown is neutral.
        fit = np.clip(1.0 + (have - need) / 3.0, 0.0, 1.0)
        fit = np.where(need < 0, 1.0, fit)
        return np.where(have == -9, 0.5, fit).astype(np.float32)

    def _preferences(
        self, block: Sequence[ClaimantProfile], rows: Ids, cols: Ids, distinct: Distinct
    ) -> Matrix:
        scores = np.zeros(len(rows), dtype=np.float32)
        if any(c.preferences for c in block) and len(rows):
            needed, position = distinct
            shares = self.keyword_texts.shares([c.preferences for c in block], needed)
            scores = np.minimum(shares[rows, position], 1.0).astype(np.float32)
        scores += self._feedback(block, rows, cols)
        return np.clip(scores, -1.0, 1.0)

    def _feedback(self, block: Sequence[ClaimantProfile], rows: Ids, cols: Ids) -> Matrix:
        """Return per pair the claimant's earlier outcome with the place: +1, -1 or 0."""
        out = np.zeros(len(rows), dtype=np.float32)
        given = [
            (row, self.ids[oid], _feedback_value(outcome))
            for row, c in enumerate(block)
            for oid, outcome in c.feedback.items()
            if oid in self.ids
        ]
        if not given or len(rows) == 0:
            return out
        # Few pairs were given feedback: look every pair's key up among theirs (sorted).
        width = len(self.table.records)
        keys = rows.astype(np.int64) * width + cols
        wanted = np.array([row * width + col for row, col, _ in given], dtype=np.int64)
        order = np.argsort(wanted)
        wanted, values = wanted[order], np.array([v for *_, v in given], np.float32)[order]
        at = np.minimum(np.searchsorted(wanted, keys), len(wanted) - 1)
        hit = wanted[at] == keys
        out[hit] = values[at[hit]]
        return out


def _feedback_value(outcome: str) -> float:
    return float(outcome_sign(outcome))
