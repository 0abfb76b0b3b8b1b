"""Per opportunity of a run, the values that decide its sentences, as numpy columns.

Found when an opportunity first appears among a block's chosen pairs: a session of 30
claimants meets a few hundred of the region's 20,000 places and pays for those only.
One run's keys serve its blocks one after another, never two threads at once (each
``rank`` call has its own).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from matcher import explain
from matcher.records import OpportunityRecord

Ids = npt.NDArray[np.intp]
Column = npt.NDArray[np.float64]
NO_TERMS: Ids = np.zeros(0, dtype=np.intp)  # a place that asks no skills


class OpportunityKeys:
    """What decides each opportunity's sentences: skill list, hours, education, kind."""

    def __init__(self, opportunities: Sequence[OpportunityRecord]) -> None:
        count = len(opportunities)
        self.records = opportunities
        self.known = np.zeros(count, dtype=bool)
        self.skill_list = np.full(count, -1, dtype=np.intp)  # distinct skill list, -1 none
        self.asked: list[Ids] = [NO_TERMS] * count  # asked term ids, in the sentences' order
        self.offered = np.zeros(count, dtype=np.float64)  # hours offered as said
        self.education = np.full(count, -1, dtype=np.intp)  # level asked, -1 for none
        self.kind = np.zeros(count, dtype=np.intp)
        self.terms: dict[str, int] = {}  # skill term (normalised) -> id
        self.levels: dict[str, int] = {}  # education level -> its number
        self._lists: dict[tuple[str, ...], int] = {}
        self._kinds: dict[str, int] = {}

    def learn(self, cols: Ids) -> None:
        """Find the keys of the opportunities at these positions not known yet."""
        for col in np.unique(cols[~self.known[cols]]).tolist():
            self._learn_one(col, self.records[col])
        self.known[cols] = True

    def _learn_one(self, col: int, o: OpportunityRecord) -> None:
        skills = tuple(o.skills)
        if skills:
            self.skill_list[col] = self._lists.setdefault(skills, len(self._lists))
            terms = [self.terms.setdefault(t, len(self.terms)) for t in explain.skill_terms(skills)]
            self.asked[col] = np.array(terms, dtype=np.intp)
        self.offered[col] = explain.offered_hours(o)
        if o.education_level is not None:
            self.education[col] = self.levels.setdefault(o.education_level, len(self.levels))
        self.kind[col] = self._kinds.setdefault(o.kind, len(self._kinds))
