"""Priors from the role a title names: worker or manager, and the school level of a teacher.

"Medewerker bakkerswinkel" is a sales assistant, not the shop's manager, although the
manager's label shares more words; "Docent biologie" without a level is a secondary-school
teacher more often than a lecturer. These priors scale concept scores; they never add a
concept the words did not find.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

MANAGER_WORDS = frozenset(
    """
    manager bedrijfsleider leidinggevende leidinggevend hoofd chef teamleider voorman
    ploegleider ploegbaas supervisor coordinator directeur opzichter leider meestergast
    filiaalmanager teamleidster afdelingschef uitvoerder
    """.split()
)
TEACHER_WORDS = frozenset("docent leraar leerkracht juf meester lerares onderwijzer".split())
# School level named by a word of the title or of a concept label.
LEVEL_WORDS = {
    "hoger": 1,
    "universitair": 1,
    "hbo": 1,
    "wo": 1,
    "hogeschool": 1,
    "universiteit": 1,
    "lector": 1,
    "voortgezet": 2,
    "havo": 2,
    "vwo": 2,
    "vmbo": 2,
    "vo": 2,
    "graads": 2,
    "tweedegraads": 2,
    "eerstegraads": 2,
    "middelbare": 2,
    "beroepsonderwijs": 3,
    "mbo": 3,
    "roc": 3,
    "basisonderwijs": 4,
    "basisschool": 4,
    "po": 4,
    "groep": 4,
    "kleuteronderwijs": 4,
    # A conservatory is higher professional education; "vso" is secondary special education.
    "conservatorium": 1,
    "vso": 2,
}
# Dutch nouns for a person doing work end like this (monteur, lasser, kapster, analist,
# assistent, docent, administrateur, schilder, timmerman, psycholoog, verpleegkundige).
AGENT_ENDINGS = (
    "er",
    "eur",
    "ist",
    "ant",
    "ent",
    "or",
    "aar",
    "man",
    "ier",
    "icus",
    "oog",
    "kundige",
    "ster",
    "trice",
    "euse",
    "es",
    "ice",
    "arts",
    "kok",
    "chef",
    "hulp",
    "kracht",
    "coach",
    "bode",
    "agent",
    "smid",
    "gids",
    "loods",
    "mid",
)
# A title whose head noun (monteur, chauffeur) differs from every head of a concept's labels.
HEAD_MISMATCH = 0.92
# A worker title that lands on a manager (or the reverse) keeps this share of its score.
ROLE_MISMATCH = 0.8
LEVEL_MISMATCH = 0.8
# A teacher title with a level ("Dansdocent, hbo") on a teacher concept without one ("leraar
# dans"): the concept that names the level fits better.
LEVEL_UNSTATED = 0.9
# A teacher title without a level: lecturers are the rarer reading.
HIGHER_WITHOUT_LEVEL = 0.8

Vector = npt.NDArray[np.float32]


def is_manager(words: Iterable[str]) -> bool:
    """Return True when the words name a managing or supervising role."""
    return any(word in MANAGER_WORDS for word in words)


def is_agent(word: str) -> bool:
    """Return True when a word looks like a Dutch noun for a person at work."""
    return len(word) >= 3 and word.endswith(AGENT_ENDINGS)


def head_noun(token_parts: Sequence[Sequence[str]]) -> str:
    """Return the head of a title: the compound head of its first person noun, or ""."""
    for parts in token_parts:
        if parts and is_agent(parts[-1]):
            return parts[-1]
    return ""


def school_level(words: Iterable[str]) -> int:
    """Return the school level a text names (1 higher .. 4 primary), or 0."""
    for word in words:
        level = LEVEL_WORDS.get(word)
        if level:
            return level
    return 0


class RolePriors:
    """Per-concept role and level, and the score factors a title's words imply."""

    def __init__(
        self, concept_words: Sequence[Sequence[str]], concept_heads: Sequence[Iterable[str]]
    ) -> None:
        """Index the words of each concept's preferred label and the heads of all its labels."""
        self.manager = np.array([is_manager(words) for words in concept_words], dtype=bool)
        self.level = np.array([school_level(words) for words in concept_words], dtype=np.int8)
        self.teacher = np.array(
            [any(word in TEACHER_WORDS for word in words) for words in concept_words], dtype=bool
        )
        self._heads: dict[str, npt.NDArray[np.bool_]] = {}
        for concept, heads in enumerate(concept_heads):
            for head in heads:
                if head not in self._heads:
                    self._heads[head] = np.zeros(len(concept_words), dtype=bool)
                self._heads[head][concept] = True
        self._has_head = np.zeros(len(concept_words), dtype=bool)
        for members in self._heads.values():
            self._has_head |= members

    def factors(self, words: Sequence[str], head: str = "") -> Vector:
        """Return the factor by which each concept's score is scaled for a title."""
        factor = np.ones(len(self.manager), dtype=np.float32)
        if head:
            same = self._heads.get(head)
            other = self._has_head if same is None else self._has_head & ~same
            factor[other] *= HEAD_MISMATCH
        factor[self.manager != is_manager(words)] *= ROLE_MISMATCH
        level = school_level(words)
        if level:
            factor[(self.level != 0) & (self.level != level)] *= LEVEL_MISMATCH
            factor[self.teacher & (self.level == 0)] *= LEVEL_UNSTATED
        elif any(word in TEACHER_WORDS for word in words):
            factor[self.level == 1] *= HIGHER_WITHOUT_LEVEL
        return factor
