"""How well a claimant's titles fit opportunity titles: by occupation and by spelling.

Each distinct claimant title is compared once with each distinct opportunity title
(rapidfuzz) and with each distinct opportunity occupation (ESCO concept and ISCO group
levels). A claimant's fit with an opportunity is the best over their titles.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from matcher.linking import Concept, ConceptCache, level_matrix
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.text import claimant_titles, normalise_title

Matrix = npt.NDArray[np.float32]
Ids = npt.NDArray[np.intp]


class Index:
    """Number distinct strings from 1; 0 stands for "none" and scores zero."""

    def __init__(self, values: Sequence[str]) -> None:
        self.values = ["", *dict.fromkeys(v for v in values if v)]
        self.ids = {value: i for i, value in enumerate(self.values)}

    def __getitem__(self, value: str) -> int:
        return self.ids.get(value, 0)


class TitleMatch:
    """Title and occupation similarity between all claimant and opportunity titles."""

    def __init__(
        self,
        claimants: Sequence[ClaimantProfile],
        opportunities: Sequence[OpportunityRecord],
        concepts: ConceptCache,
    ) -> None:
        self.claimant_titles = Index([t for c in claimants for t in claimant_titles(c)])
        titles = [normalise_title(o.title) for o in opportunities]
        self.opp_titles = Index(titles)
        self.opp_title_ids = np.array([self.opp_titles[t] for t in titles], dtype=np.intp)
        # An occupation given by the source beats one linked from the title.
        keys = [
            f"uri:{o.esco_occupation}" if o.esco_occupation else t
            for o, t in zip(opportunities, titles, strict=True)
        ]
        self.opp_concepts = Index(keys)
        self.opp_concept_ids = np.array([self.opp_concepts[k] for k in keys], dtype=np.intp)
        self.title_sim = self._fuzzy()
        self.occupation = self._levels(opportunities, concepts)

    def _fuzzy(self) -> Matrix:
        sim = process.cdist(
            self.claimant_titles.values,
            self.opp_titles.values,
            scorer=fuzz.token_sort_ratio,
            dtype=np.uint8,
            workers=-1,
        )
        sim[0, :] = 0
        sim[:, 0] = 0
        return np.asarray(sim, dtype=np.float32) / np.float32(100.0)

    def _levels(self, opportunities: Sequence[OpportunityRecord], concepts: ConceptCache) -> Matrix:
        for o in opportunities:
            if o.esco_occupation:
                concepts.add(f"uri:{o.esco_occupation}", o.esco_occupation)
        # One batch for every distinct title of both sides.
        texts = [*self.claimant_titles.values[1:], *self.opp_concepts.values[1:]]
        concepts.link([t for t in texts if not t.startswith("uri:")])
        known = concepts.concepts
        levels = level_matrix(
            [known.get(v, Concept()) for v in self.claimant_titles.values],
            [known.get(v, Concept()) for v in self.opp_concepts.values],
        )
        levels[0, :] = 0
        levels[:, 0] = 0
        return levels

    def keys(self, claimant: ClaimantProfile) -> list[int]:
        """Return the title ids of a claimant, desired titles first."""
        return [self.claimant_titles[t] for t in claimant_titles(claimant)]

    def recent_key(self, claimant: ClaimantProfile) -> int:
        """Return the title id of the claimant's most recent job, 0 when there is none."""
        history = claimant.work_history
        return self.claimant_titles[normalise_title(history[0].title)] if history else 0

    def pairs(
        self, block: Sequence[ClaimantProfile], rows: Ids, cols: Ids
    ) -> tuple[Matrix, Matrix, Matrix]:
        """Return occupation, title and recency fit for (row, column) pairs of a block."""
        keys = _padded([self.keys(c) for c in block])[rows]
        occupation = _best(self.occupation, keys, self.opp_concept_ids[cols])
        title = _best(self.title_sim, keys, self.opp_title_ids[cols])
        # How well the most recent job fits: experience fades, the last job counts most.
        recent = np.array([self.recent_key(c) for c in block], dtype=np.intp)[rows]
        recency = np.maximum(
            self.occupation[recent, self.opp_concept_ids[cols]],
            self.title_sim[recent, self.opp_title_ids[cols]],
        )
        return occupation, title, recency

    def best_titles(self, block: Sequence[ClaimantProfile], rows: Ids, cols: Ids) -> Ids:
        """Return per (row, column) pair which of the claimant's titles fits it best.

        The position in ``claimant_titles``; the first of equals (desired titles come first).
        """
        keys = _padded([self.keys(c) for c in block])[rows]
        strength = np.maximum(
            self.title_sim[keys, self.opp_title_ids[cols][:, None]],
            self.occupation[keys, self.opp_concept_ids[cols][:, None]],
        )
        # Padding reads row 0 (all zeros) and comes last: it never wins over a real title.
        return np.asarray(strength.argmax(axis=1), dtype=np.intp)


def _padded(keys: list[list[int]]) -> Ids:
    """Return the title ids per claimant as rows of equal length, padded with 0 ("none")."""
    width = max((len(k) for k in keys), default=0) or 1
    out = np.zeros((len(keys), width), dtype=np.intp)
    for row, ids in enumerate(keys):
        out[row, : len(ids)] = ids
    return out


def _best(matrix: Matrix, keys: Ids, columns: Ids) -> Matrix:
    """Return per pair the maximum over the claimant's titles (rows of keys) at its column.

    Only the pairs' own cells are read: a block's claimants against every opportunity
    title would cost claimants x titles. Padding reads row 0, which is all zeros, and
    every similarity is at least zero, so it never changes a maximum.
    """
    best = matrix[keys[:, 0], columns]
    for k in range(1, keys.shape[1]):
        np.maximum(best, matrix[keys[:, k], columns], out=best)
    return np.asarray(best, dtype=np.float32)
