"""Texts of claimants and opportunities, and the TF-IDF space they are compared in."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from matcher.normalise import title_tokens
from matcher.records import ClaimantProfile, OpportunityRecord

# Noise around a title that says nothing about the occupation: gender marks, hours, etc.
_NOISE = re.compile(r"\(.*?\)|\b[mv]\s*/\s*[vm]\b|\b\d+\s*(?:-\s*\d+\s*)?(?:uur|u)\b|[^\w\s-]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalise_title(title: str) -> str:
    """Return a job title lowercased and without noise such as "(m/v)", "32 uur" or a place."""
    # The linker's normaliser knows Dutch noise words and place names; fall back to a
    # plain clean-up when it leaves nothing (a title that is only noise).
    core = " ".join(title_tokens(title))
    return core or _SPACES.sub(" ", _NOISE.sub(" ", title.lower())).strip()


@lru_cache(maxsize=65536)
def normalise_term(term: str) -> str:
    """Return a skill, demand or keyword in one comparable spelling."""
    return _SPACES.sub("_", term.strip().lower())


def claimant_titles(claimant: ClaimantProfile) -> list[str]:
    """Return the normalised titles a claimant wants or has held, desired first."""
    titles = [*claimant.desired_occupations, *(job.title for job in claimant.work_history)]
    return list(dict.fromkeys(t for t in map(normalise_title, titles) if t))


def claimant_text(claimant: ClaimantProfile) -> str:
    """Return all free text of a claimant as one document."""
    parts = [
        *claimant.desired_occupations,
        *(job.title for job in claimant.work_history),
        *claimant.skills,
        claimant.notes,
    ]
    return " ".join(parts)


def opportunity_text(opportunity: OpportunityRecord) -> str:
    """Return all free text of an opportunity as one document."""
    return " ".join([opportunity.title, opportunity.description, *opportunity.skills])


class TextVocabulary:
    """Character n-grams and their weights, fitted once on the taxonomy's Dutch labels.

    A fixed vocabulary makes an opportunity's vector depend on its own text only, so a run
    transforms just the opportunities it needs, and a score does not change when other
    opportunities come or go (a weekly update can rank only the new ones).
    """

    def __init__(self, texts: Sequence[str]) -> None:
        # Character n-grams within words cope with Dutch compounds and typos.
        self.vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), min_df=1, sublinear_tf=True, dtype=np.float32
        )
        self.vectorizer.fit([t for t in texts if t.strip()] or ["leeg"])
        self.version = _digest(texts)

    @classmethod
    def default(cls) -> TextVocabulary:
        """Return the vocabulary of the shipped taxonomy, fitted once per process."""
        return _default_vocabulary()

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return L2-normalised TF-IDF rows for texts."""
        return sparse.csr_matrix(self.vectorizer.transform(texts))


def taxonomy_texts() -> list[str]:
    """Return the Dutch labels of the shipped ESCO occupations and skills."""
    from matcher.taxonomy import Taxonomy

    taxonomy = Taxonomy.default()
    labels = [label for o in taxonomy.occupations for label in o.labels]
    labels += [s.label for s in taxonomy.skills if s.lang == "nl"]
    return labels + [alt for s in taxonomy.skills if s.lang == "nl" for alt in s.alt_labels]


def _digest(texts: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8") + b"\n")
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def _default_vocabulary() -> TextVocabulary:
    return TextVocabulary(taxonomy_texts())


class TextSpace:
    """Opportunity texts in a fixed TF-IDF space, transformed only when first needed."""

    def __init__(
        self, opportunity_texts: Sequence[str], vocabulary: TextVocabulary | None = None
    ) -> None:
        self.vocabulary = vocabulary or TextVocabulary.default()
        self.texts = list(opportunity_texts)
        self._where = np.full(len(self.texts), -1, dtype=np.intp)
        self._rows = sparse.csr_matrix((0, len(self.vocabulary.vectorizer.vocabulary_)))

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return L2-normalised TF-IDF rows for texts."""
        return self.vocabulary.transform(texts)

    def columns(self, positions: npt.NDArray[np.intp]) -> sparse.csr_matrix:
        """Return the rows of the opportunities at these positions, transforming new ones."""
        missing = np.unique(positions[self._where[positions] < 0])
        if len(missing):
            start = self._rows.shape[0]
            fresh = self.transform([self.texts[i] for i in missing.tolist()])
            self._rows = sparse.vstack([self._rows, fresh], format="csr")
            self._where[missing] = np.arange(start, start + len(missing))
        return sparse.csr_matrix(self._rows[self._where[positions]])

    @property
    def opportunities(self) -> sparse.csr_matrix:
        """Return the rows of every opportunity."""
        return self.columns(np.arange(len(self.texts), dtype=np.intp))

    def similarity(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Return cosine similarities of texts (rows) with every opportunity (columns)."""
        product = self.transform(texts) @ self.opportunities.T
        return np.asarray(product.toarray(), dtype=np.float32)


class KeywordSpace:
    """Binary word occurrence in opportunity texts, to find stated preferences in them."""

    def __init__(self, opportunity_texts: Sequence[str]) -> None:
        self.vectorizer = CountVectorizer(binary=True, dtype=np.float32)
        texts = opportunity_texts if any(t.strip() for t in opportunity_texts) else ["leeg"]
        self.opportunities = sparse.csr_matrix(self.vectorizer.fit_transform(texts))

    def queries(self, keyword_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """Return keyword rows scaled so that a product with ``opportunities`` is a share."""
        docs = [" ".join(words) for words in keyword_lists]
        counts = np.array([max(len(words), 1) for words in keyword_lists], dtype=np.float32)
        return sparse.csr_matrix(sparse.diags(1.0 / counts) @ self.vectorizer.transform(docs))
