"""Texts of claimants and opportunities, and the TF-IDF space they are compared in."""

from __future__ import annotations

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


class TextSpace:
    """A TF-IDF space fitted on the opportunities, to compare claimant texts with them."""

    def __init__(self, opportunity_texts: Sequence[str]) -> None:
        # Character n-grams within words cope with Dutch compounds and typos.
        self.vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), min_df=1, sublinear_tf=True, dtype=np.float32
        )
        self.opportunities = self._fit(opportunity_texts)

    def _fit(self, texts: Sequence[str]) -> sparse.csr_matrix:
        if not any(text.strip() for text in texts):
            texts = ["leeg"]  # an empty vocabulary would make sklearn raise
        return sparse.csr_matrix(self.vectorizer.fit_transform(texts))

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return L2-normalised TF-IDF rows for texts."""
        return sparse.csr_matrix(self.vectorizer.transform(texts))

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
