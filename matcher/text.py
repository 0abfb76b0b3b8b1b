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


_Row = tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]


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
        self.width = len(self.vectorizer.vocabulary_)
        self._memo: dict[str, _Row] = {}
        self.memo_limit = 40_000

    @classmethod
    def default(cls) -> TextVocabulary:
        """Return the vocabulary of the shipped taxonomy, fitted once per process."""
        return _default_vocabulary()

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return L2-normalised TF-IDF rows for texts."""
        return sparse.csr_matrix(self.vectorizer.transform(texts))

    def forget(self) -> None:
        """Forget the remembered rows (as a freshly started worker has none)."""
        self._memo.clear()

    def rows(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return the rows of texts, transforming each distinct text once per process.

        A vacancy's text stays the same week after week, and one worker ranks many
        sessions: remembering rows (up to ``memo_limit`` texts) saves most of the work.
        """
        # A local view of the memo: another thread may clear it meanwhile.
        found: dict[str, _Row] = {}
        missing: list[str] = []
        for text in dict.fromkeys(texts):
            known = self._memo.get(text)
            if known is None:
                missing.append(text)
            else:
                found[text] = known
        if len(self._memo) + len(missing) > self.memo_limit:
            self._memo.clear()
        if missing:
            fresh = self.transform(missing)
            for i, text in enumerate(missing):
                lo, hi = fresh.indptr[i], fresh.indptr[i + 1]
                row = (fresh.indices[lo:hi].copy(), fresh.data[lo:hi].copy())
                found[text] = self._memo[text] = row
        parts = [found[t] for t in texts]
        indptr = np.cumsum([0, *(len(p[0]) for p in parts)], dtype=np.int64)
        if not parts:
            return sparse.csr_matrix((0, self.width), dtype=np.float32)
        indices = np.concatenate([p[0] for p in parts])
        data = np.concatenate([p[1] for p in parts])
        return sparse.csr_matrix((data, indices, indptr), shape=(len(texts), self.width))


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
        self._all: sparse.csr_matrix | None = None
        self._calls = 0

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return L2-normalised TF-IDF rows for texts."""
        return self.vocabulary.transform(texts)

    def columns(self, positions: npt.NDArray[np.intp]) -> sparse.csr_matrix:
        """Return the rows of the opportunities at these positions.

        A session (one block) reads only the rows it needs; a run of many blocks builds
        the whole matrix once, at its second block, and slices it after.
        """
        if self._all is None:
            self._calls += 1
            if self._calls < 2:
                return self.vocabulary.rows([self.texts[i] for i in positions.tolist()])
            self._all = self.vocabulary.rows(self.texts)
        return sparse.csr_matrix(self._all[positions])

    @property
    def opportunities(self) -> sparse.csr_matrix:
        """Return the rows of every opportunity."""
        return self.columns(np.arange(len(self.texts), dtype=np.intp))

    def similarity(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Return cosine similarities of texts (rows) with every opportunity (columns)."""
        product = self.transform(texts) @ self.opportunities.T
        return np.asarray(product.toarray(), dtype=np.float32)


class WordIndex:
    """Words of opportunity texts as ids, read once per distinct text in a process.

    Stated preferences are matched as whole words; the ids only grow, so a share does not
    depend on which other opportunities exist, and a run reads just the texts it needs.
    """

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self.ids: dict[str, int] = {}
        self._docs: dict[str, npt.NDArray[np.int64]] = {}
        self._analyse = CountVectorizer().build_analyzer()

    def forget(self) -> None:
        """Forget every word and text (as a freshly started worker has none)."""
        self.ids, self._docs = {}, {}

    def _words(
        self, text: str, ids: dict[str, int], docs: dict[str, npt.NDArray[np.int64]]
    ) -> npt.NDArray[np.int64]:
        found = docs.get(text)
        if found is None:
            numbers = {ids.setdefault(word, len(ids)) for word in self._analyse(text)}
            found = np.array(sorted(numbers), dtype=np.int64)
            docs[text] = found
        return found

    def shares(
        self, keyword_lists: Sequence[Sequence[str]], texts: Sequence[str]
    ) -> npt.NDArray[np.float32]:
        """Return per keyword list (rows) the share of its words in each text (columns)."""
        if len(self.ids) > self.limit or len(self._docs) > self.limit:
            self.forget()
        # One consistent pair of dicts for this call, even if another thread forgets.
        ids, memo = self.ids, self._docs
        docs = [self._words(t, ids, memo) for t in texts]
        queries = [self._words(" ".join(words), ids, memo) for words in keyword_lists]
        width = len(ids)
        left = _binary(queries, width)
        counts = np.array([max(len(words), 1) for words in keyword_lists], dtype=np.float32)
        product = sparse.csr_matrix(left @ _binary(docs, width).T).toarray()
        return np.asarray(product / counts[:, None], dtype=np.float32)


def _binary(rows: Sequence[npt.NDArray[np.int64]], width: int) -> sparse.csr_matrix:
    indptr = np.cumsum([0, *(len(r) for r in rows)], dtype=np.int64)
    indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), width))


@lru_cache(maxsize=1)
def word_index() -> WordIndex:
    """Return the word index this process shares between its runs."""
    return WordIndex()
