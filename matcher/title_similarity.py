"""How alike two job titles are: shared ESCO concepts, ISCO groups and skills, plus spelling."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from matcher.label_index import FloatMatrix
from matcher.normalise import clean
from matcher.occupations import BATCH, OccupationLinker
from matcher.taxonomy import Taxonomy

# Weights of the parts of a concept's profile; chosen on half of the Dutch job-title
# similarity set and checked on the other half (bench/linking.py).
_ISCO_WEIGHTS = {4: 0.6, 3: 0.4, 2: 0.2}
_SKILL_WEIGHT = 1.5
_OPTIONAL_SKILL = 0.5
_TOP_CONCEPTS = 10
_SHARPNESS = 6.0
_CONCEPT_SHARE = 0.5


class TitleSimilarity:
    """Score pairs of job titles in [0, 1] through the ESCO concepts they link to."""

    def __init__(self, linker: OccupationLinker, taxonomy: Taxonomy) -> None:
        """Prepare a profile per concept: itself, its ISCO groups and its skills."""
        self.linker = linker
        self._profiles = _concept_profiles(linker.concept_uris(), taxonomy)

    @classmethod
    def default(cls) -> TitleSimilarity:
        """Return the similarity over the shipped taxonomy, built once."""
        return _default_similarity()

    def matrix(self, left: Sequence[str], right: Sequence[str]) -> FloatMatrix:
        """Return a (left x right) matrix of title similarities."""
        if not left or not right:
            return np.zeros((len(left), len(right)), dtype=np.float32)
        concepts = self.concept_similarity(left, right)
        spelling = spelling_similarity(left, right)
        result: FloatMatrix = _CONCEPT_SHARE * concepts + (1 - _CONCEPT_SHARE) * spelling
        return result.astype(np.float32)

    def concept_similarity(self, left: Sequence[str], right: Sequence[str]) -> FloatMatrix:
        """Return the cosine of the titles' concept profiles (same, related or far)."""
        product = self.concept_vectors(left) @ self.concept_vectors(right).T
        return np.asarray(product.toarray(), dtype=np.float32)

    def concept_vectors(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Return unit vectors of the titles in the space of concept profiles."""
        parts = [sp.csr_matrix((0, len(self.linker.concept_uris())), dtype=np.float32)]
        for start in range(0, len(texts), BATCH):
            scores = self.linker.scores(texts[start : start + BATCH])
            parts.append(sp.csr_matrix(_keep_top(scores, _TOP_CONCEPTS) ** _SHARPNESS))
        vectors = sp.vstack(parts).tocsr() @ self._profiles
        return normalize(vectors) if vectors.shape[0] else vectors


def _keep_top(scores: FloatMatrix, k: int) -> FloatMatrix:
    """Zero all but the k highest scores per row."""
    kept = np.zeros_like(scores)
    if scores.shape[1] == 0:
        return kept
    top = np.argpartition(-scores, min(k, scores.shape[1] - 1), axis=1)[:, :k]
    rows = np.arange(scores.shape[0])[:, None]
    kept[rows, top] = scores[rows, top]
    return kept


def _concept_profiles(uris: Sequence[str], taxonomy: Taxonomy) -> sp.csr_matrix:
    """Stack, per concept, a one-hot of itself, its ISCO prefixes and its skill profile."""
    codes = {occupation.uri: occupation.isco_code for occupation in taxonomy.occupations}
    codes.update({group.uri: group.code for group in taxonomy.isco_groups})
    prefix_columns = {g.code: i for i, g in enumerate(taxonomy.isco_groups)}
    isco = sp.lil_matrix((len(uris), len(prefix_columns)), dtype=np.float32)
    for row, uri in enumerate(uris):
        code = codes.get(uri, "")
        for length, weight in _ISCO_WEIGHTS.items():
            if len(code) >= length and code[:length] in prefix_columns:
                isco[row, prefix_columns[code[:length]]] = weight
    identity = sp.identity(len(uris), dtype=np.float32, format="csr")
    skills = _SKILL_WEIGHT * _skill_profiles(uris, taxonomy)
    return normalize(sp.hstack([identity, isco.tocsr(), skills]).tocsr())


def _skill_profiles(uris: Sequence[str], taxonomy: Taxonomy) -> sp.csr_matrix:
    """Return unit TF-IDF vectors of each occupation's essential and optional skills."""
    by_uri = {occupation.uri: occupation for occupation in taxonomy.occupations}
    counts = sp.lil_matrix((len(uris), len(taxonomy.skills)), dtype=np.float32)
    for row, uri in enumerate(uris):
        occupation = by_uri.get(uri)
        if occupation is None:
            continue
        for skill in occupation.optional_skills:
            counts[row, skill] = _OPTIONAL_SKILL
        for skill in occupation.essential_skills:
            counts[row, skill] = 1.0
    present = np.asarray((counts.tocsr() > 0).sum(axis=0)).ravel()
    idf = np.log((1 + len(uris)) / (1 + present)) + 1
    return normalize(counts.tocsr() @ sp.diags(idf.astype(np.float32)))


def spelling_similarity(left: Sequence[str], right: Sequence[str]) -> FloatMatrix:
    """Return the character n-gram cosine of the cleaned titles."""
    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=np.float32)
    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    vectoriser.fit([clean(text) for text in (*left, *right)])
    a = vectoriser.transform([clean(text) for text in left])
    b = vectoriser.transform([clean(text) for text in right])
    return np.asarray((a @ b.T).toarray(), dtype=np.float32)


@cache
def _default_similarity() -> TitleSimilarity:
    return TitleSimilarity(OccupationLinker.default(), Taxonomy.default())
