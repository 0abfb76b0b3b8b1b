"""Link free-text Dutch job titles to ESCO occupations and ISCO groups."""

from __future__ import annotations

import copy
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from matcher import title_roles, title_scoring
from matcher.concept_text import concept_documents
from matcher.isco_backoff import GROUP_FACTOR, SUPPORT, with_groups
from matcher.label_index import FloatMatrix, LabelIndex
from matcher.rerank import TOP_N, Candidate, Reranker
from matcher.taxonomy import Taxonomy
from matcher.title_scoring import CONTEXT_WEIGHT, LATER_PART, TEXT_WEIGHT, TitleRows, TitleScorer
from matcher.title_synonyms import GENERIC_SHARE, drop_generic, synonym_labels
from matcher.word_vectors import WordVectors

# Below this a hit says more about the noise than about the title.
MIN_SCORE = 0.2
# An exact match on an alternative label ranks just below one on a preferred label, and
# an ISCO group below both: the occupation is the more precise answer.
ALT_EXACT = 0.97
GROUP_EXACT = 0.95
BATCH = 2048
# How far past k to look for occupations that vote for their ISCO group.
_GROUP_POOL = 3
# Occupations among which siblings support each other, whatever k: the first hits do not
# depend on k (a pool that grew with k once reordered them).
SUPPORT_POOL = 30


@dataclass(frozen=True)
class Hit:
    """One candidate concept for a text: ESCO URI, Dutch preferred label and score."""

    uri: str
    label: str
    score: float


@dataclass(frozen=True)
class _Concept:
    uri: str
    label: str
    isco_code: str
    is_group: bool


class OccupationLinker:
    """Rank ESCO occupations and ISCO unit groups for job titles, best first."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        labels: Iterable[tuple[str, str]],
        reranker: Reranker | None = None,
        vectors: WordVectors | None = None,
    ) -> None:
        """Index (concept URI, label) pairs of occupations and ISCO groups of the taxonomy.

        With a ``reranker`` the best candidates are re-ordered by its learned model; with word
        ``vectors`` a title's likeness in meaning to the labels lifts its scores.
        """
        self._concepts = [
            _Concept(o.uri, o.label, o.isco_code, False) for o in taxonomy.occupations
        ] + [_Concept(g.uri, g.label, g.code, True) for g in taxonomy.isco_groups]
        self._n_occupations = len(taxonomy.occupations)
        position = {concept.uri: i for i, concept in enumerate(self._concepts)}
        pairs = [(position[uri], label, ALT_EXACT) for uri, label in labels if uri in position]
        pairs = drop_generic(pairs)
        # Preferred labels are always indexed, so each concept stays reachable.
        pairs += [
            (i, concept.label, _preferred_exact(concept))
            for i, concept in enumerate(self._concepts)
        ]
        self.index = LabelIndex(sorted(set(pairs)), len(self._concepts))
        self._n_labels = Counter(concept for concept, _, _ in set(pairs))
        self._words: list[set[str]] = [set() for _ in self._concepts]
        for concept, label, _ in pairs:
            self._words[concept].update(self.index.analyse_label(label).words)
        self.reranker = reranker
        self._groups = range(self._n_occupations, len(self._concepts))
        self._isco_of = {concept.uri: concept.isco_code for concept in self._concepts}
        group_of = {g.code: position[g.uri] for g in taxonomy.isco_groups if len(g.code) == 4}
        self._unit_group = {
            i: group_of[c.isco_code]
            for i, c in enumerate(self._concepts[: self._n_occupations])
            if c.isco_code in group_of
        }
        documents = concept_documents(taxonomy, [c.uri for c in self._concepts])
        self.scorer = TitleScorer(
            self.index,
            documents,
            [(concept, label) for concept, label, _ in pairs],
            [concept.label for concept in self._concepts],
            vectors,
        )
        # Another process caches links by this: it changes with any label, text or setting.
        self.version = _fingerprint(pairs, self._concepts, documents, vectors)
        self._base_version = self.version
        if reranker is not None:
            self.version += f"-r{reranker.version}"

    @classmethod
    def from_taxonomy(
        cls,
        taxonomy: Taxonomy,
        exclude: Iterable[tuple[str, str]] = (),
        synonyms: bool = True,
        reranker: Reranker | None = None,
        meaning: bool = True,
    ) -> OccupationLinker:
        """Build a linker over all labels of a taxonomy except the excluded (uri, label).

        With ``synonyms`` the shipped list of Dutch trade words ESCO lacks is indexed too;
        with ``meaning`` the shipped word vectors (if built) lift titles alike in meaning.
        """
        excluded = set(exclude)
        labels = [
            (occupation.uri, label)
            for occupation in taxonomy.occupations
            for label in occupation.labels
            if (occupation.uri, label) not in excluded
        ]
        if synonyms:
            labels += synonym_labels(taxonomy)
        return cls(taxonomy, labels, reranker, WordVectors.default() if meaning else None)

    def with_reranker(self, reranker: Reranker | None) -> OccupationLinker:
        """Return this linker (same index, shared) re-ranking with another model, or none."""
        twin = copy.copy(self)
        twin.reranker = reranker
        twin.version = self._base_version + (f"-r{reranker.version}" if reranker else "")
        return twin

    @classmethod
    def default(cls, rerank: bool = True) -> OccupationLinker:
        """Return the linker over the shipped taxonomy and re-ranker, built once per process.

        This is the one loader of the shipped linker: every caller shares its object.
        ``rerank=False`` gives the hand-tuned linker alone (the re-ranker's gains are small,
        see docs/linking.md); without a built model file there is no re-ranking either.
        """
        return _shipped_linker(rerank)

    def link(self, text: str, k: int = 10) -> list[Hit]:
        """Return the k best occupations or ISCO groups for a title, best first."""
        return self.link_many([text], k)[0]

    def link_many(self, texts: Sequence[str], k: int = 10) -> list[list[Hit]]:
        """Link many titles at once (much faster than one by one), in input order."""
        hits: list[list[Hit]] = []
        for start in range(0, len(texts), BATCH):
            chunk = [t if isinstance(t, str) else "" for t in texts[start : start + BATCH]]
            hits.extend(self._hits(rows, k) for rows in self.title_rows(chunk))
        return hits

    def candidates(self, text: str) -> list[tuple[str, Candidate]]:
        """Return the occupations the re-ranker sees for a title, in linker order, with features."""
        rows = self.title_rows([text])[0]
        head = self._ranked(rows)[:TOP_N]
        return [
            (self._concepts[c].uri, self._candidate(rows, c, s))
            for c, s in head
            if c < self._n_occupations
        ]

    def title_scores(self, texts: Sequence[str]) -> list[FloatMatrix]:
        """Return each title's concept scores: its role parts, context and role priors."""
        return [rows.final for rows in self.title_rows(texts)]

    def title_rows(self, texts: Sequence[str]) -> list[TitleRows]:
        """Return each title's concept scores and the parts they were made of."""
        return self.scorer.rows(texts)

    def scores(self, texts: Sequence[str]) -> FloatMatrix:
        """Return raw (texts x concepts) scores; columns follow concept_uris()."""
        return self.index.scores([self.index.analyse_query(text) for text in texts])

    def concept_uris(self) -> list[str]:
        """Return the URIs of the concepts, in the column order of scores()."""
        return [concept.uri for concept in self._concepts]

    def isco_code(self, uri: str) -> str:
        """Return the ISCO-08 code of an occupation or ISCO group URI, or "" if unknown."""
        return self._isco_of.get(uri, "")

    def _hits(self, rows: TitleRows, k: int) -> list[Hit]:
        ranked = self._ranked(rows)
        if self.reranker is not None:
            ranked = self._reranked(rows, ranked)
        if k > len(ranked):
            ranked += self._tail(rows, k, ranked)
        return [
            Hit(self._concepts[c].uri, self._concepts[c].label, round(score, 4))
            for c, score in ranked[:k]
        ]

    def _ranked(self, rows: TitleRows) -> list[tuple[int, float]]:
        """Return (concept, score) of the pool's candidates above MIN_SCORE, best first.

        ISCO support is counted within a pool of fixed size, so the first hits and their
        scores are the same whatever k a caller asks for.
        """
        if not len(rows.final):
            return []
        head = self._pooled(rows.final, _best(rows.final, SUPPORT_POOL))
        return [(c, s) for c, s in head.items() if s >= MIN_SCORE]

    def _tail(
        self, rows: TitleRows, k: int, ranked: list[tuple[int, float]]
    ) -> list[tuple[int, float]]:
        """Return the candidates after the pool for a large k, never scored above its last."""
        if not ranked or k * _GROUP_POOL <= SUPPORT_POOL:
            return []
        seen = set(self._pooled(rows.final, _best(rows.final, SUPPORT_POOL)))
        floor = ranked[-1][1]
        wider = self._pooled(rows.final, _best(rows.final, k * _GROUP_POOL))
        return [(c, min(s, floor)) for c, s in wider.items() if c not in seen and s >= MIN_SCORE]

    def _pooled(self, row: FloatMatrix, pool: list[int]) -> dict[int, float]:
        """Return the pool's concepts with their ISCO groups, scored, best first."""
        scored = dict(with_groups(row, pool, self._unit_group, self._groups))
        order = sorted(scored, key=lambda concept: (-scored[concept], concept))
        return {c: float(scored[c]) for c in order}

    def _reranked(
        self, rows: TitleRows, ranked: list[tuple[int, float]]
    ) -> list[tuple[int, float]]:
        """Re-order the occupations among the first TOP_N by the model; groups keep their place.

        A score stays with its rank slot, so scores still fall down the list.
        """
        assert self.reranker is not None
        head = ranked[:TOP_N]
        slots = [i for i, (c, _) in enumerate(head) if c < self._n_occupations]
        occupations = [head[i] for i in slots]
        order = self.reranker.order([self._candidate(rows, c, s) for c, s in occupations])
        result = list(head)
        for slot, chosen in zip(slots, order, strict=True):
            result[slot] = (occupations[chosen][0], head[slot][1])
        return result + ranked[TOP_N:]

    def _candidate(self, rows: TitleRows, concept: int, score: float) -> Candidate:
        """Return what the linker knows about one candidate, for the re-ranker."""
        described = float(rows.text[concept]) if concept < len(rows.text) else 0.0
        return Candidate(
            score=score,
            label=float(rows.labels[concept]),
            text=described,
            factor=float(rows.factor[concept]),
            before_support=float(rows.final[concept]),
            n_labels=self._n_labels[concept],
            context=float(rows.context[concept]) if len(rows.context) else 0.0,
            overlap=len(rows.words & self._words[concept]) / max(len(rows.words), 1),
        )


def _best(row: FloatMatrix, n: int) -> list[int]:
    """Return the columns of the n highest scores of a row, in no particular order."""
    n = min(n, len(row))
    return np.argpartition(-row, n - 1)[:n].tolist()  # type: ignore[no-any-return]


def _preferred_exact(concept: _Concept) -> float:
    """Score an exact match on a preferred label: occupations, then narrower ISCO groups."""
    if not concept.is_group:
        return 1.0
    # "Koks" is the label of both C512 and C5120: the unit group is the better answer.
    return GROUP_EXACT - 0.01 * (4 - len(concept.isco_code))


def _fingerprint(
    pairs: Sequence[tuple[int, str, float]],
    concepts: Sequence[_Concept],
    documents: Sequence[str],
    vectors: WordVectors | None,
) -> str:
    """Return a short hash of everything that decides the links: labels, concepts, settings."""
    digest = hashlib.sha256()
    for concept in concepts:
        digest.update(f"{concept.uri}\t{concept.isco_code}\n".encode())
    for pair in sorted(pairs):
        digest.update(repr(pair).encode())
    settings: tuple[object, ...] = (MIN_SCORE, ALT_EXACT, GROUP_EXACT, GENERIC_SHARE, SUPPORT)
    settings += (
        "fixed pool",
        "all groups scaled",
        _GROUP_POOL,
        SUPPORT_POOL,
        GROUP_FACTOR,
        LATER_PART,
        CONTEXT_WEIGHT,
        TEXT_WEIGHT,
    )
    settings += (title_roles.ROLE_MISMATCH, title_roles.LEVEL_MISMATCH, title_roles.HEAD_MISMATCH)
    settings += (title_roles.HIGHER_WITHOUT_LEVEL, sorted(title_roles.MANAGER_WORDS))
    # List-style "role, qualifier", hyphenated words joined, teacher levels (2026-12-01).
    settings += (
        "list structure, hyphens",
        title_scoring.QUALIFIER_WEIGHT,
        title_roles.LEVEL_UNSTATED,
    )
    settings += (sorted(title_roles.LEVEL_WORDS.items()),)
    digest.update(repr(settings).encode())
    if vectors is not None:
        meaning = (vectors.version, title_scoring.MEANING_FLOOR, title_scoring.MEANING_WEIGHT)
        digest.update(repr(meaning).encode())
    for document in documents:
        digest.update(document.encode())
    return f"linker-{digest.hexdigest()[:16]}"


@cache
def _shipped_linker(rerank: bool) -> OccupationLinker:
    if not rerank:
        return OccupationLinker.from_taxonomy(Taxonomy.default())
    # Same index as the plain linker, shared: only the re-ranker is added.
    return _shipped_linker(False).with_reranker(Reranker.load())
