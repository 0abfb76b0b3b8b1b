"""Link free-text skills ("heftruck rijden", "Excel") to ESCO skills."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

from matcher.label_index import FloatMatrix, LabelIndex
from matcher.occupations import BATCH, MIN_SCORE, Hit
from matcher.taxonomy import Taxonomy

# A synonym from the VDAB mapping or an English label is a little less certain.
_ALT_EXACT = 0.97


class SkillLinker:
    """Rank ESCO skills for short skill texts, best first."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        """Index the preferred and alternative labels of every skill."""
        self._skills = taxonomy.skills
        labels = [(i, skill.label, 1.0) for i, skill in enumerate(self._skills)]
        labels += [
            (i, alt, _ALT_EXACT) for i, skill in enumerate(self._skills) for alt in skill.alt_labels
        ]
        self.index = LabelIndex(labels, len(self._skills))

    @classmethod
    def default(cls) -> SkillLinker:
        """Return the linker over the skills shipped in the package, built once."""
        return _default_linker()

    def link(self, text: str, k: int = 10) -> list[Hit]:
        """Return the k best ESCO skills for a text, best first."""
        return self.link_many([text], k)[0]

    def link_many(self, texts: Sequence[str], k: int = 10) -> list[list[Hit]]:
        """Link many skill texts at once, in input order."""
        return [
            self._hits(row, k) if query.words else []
            for query, row in self.index.score_texts(texts, BATCH)
        ]

    def _hits(self, row: FloatMatrix, k: int) -> list[Hit]:
        if k <= 0:
            return []
        best = np.argpartition(-row, min(k, len(row) - 1))[:k]
        order = sorted(best.tolist(), key=lambda i: (-row[i], i))
        return [
            Hit(self._skills[i].uri, self._skills[i].label, round(float(row[i]), 4))
            for i in order
            if row[i] >= MIN_SCORE
        ]


@cache
def _default_linker() -> SkillLinker:
    return SkillLinker(Taxonomy.default())
