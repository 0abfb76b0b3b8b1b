"""Texts of claimants and opportunities, and the TF-IDF space they are compared in."""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt
import sklearn
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from matcher.char_grams import WordGrams, tfidf_rows
from matcher.normalise import title_tokens
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.text_cache import Row, RowStore, cache_dir, read_arrays, write_arrays
from matcher.text_product import SplitRows

# Bumped when the rows' meaning changes without the vectorizer's settings changing.
SETTINGS = "char_wb-3-5-v1"

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


def wish_text(opportunity: OpportunityRecord, text: str | None = None) -> str:
    """Return the text a claimant's wishes are looked for in: all free text and employer.

    ``text`` is the opportunity's ``opportunity_text`` where a caller has made it already.
    """
    free = opportunity_text(opportunity) if text is None else text
    return f"{free} {opportunity.employer}"


class TextVocabulary:
    """Character n-grams and their weights, fitted once on the taxonomy's Dutch labels.

    A fixed vocabulary makes an opportunity's vector depend on its own text only, so a run
    transforms just the opportunities it needs, and a score does not change when other
    opportunities come or go (a weekly update can rank only the new ones), but for float32
    rounding in the products (matcher/text_product.py).
    """

    def __init__(
        self,
        texts: Sequence[str],
        *,
        fitted: tuple[TfidfVectorizer, str] | None = None,
        store: RowStore | None = None,
    ) -> None:
        """Fit on texts, or take a vectorizer fitted before (``fitted``: it and its version).

        With a ``store`` rows outlive the process: a fresh worker reads them from disk.
        """
        if fitted is None:
            self.vectorizer = _vectorizer()
            self.vectorizer.fit([t for t in texts if t.strip()] or ["leeg"])
            self.version = _digest(texts)
        else:
            self.vectorizer, self.version = fitted
        self.width = len(self.vectorizer.vocabulary_)
        self.grams = _word_grams(self.vectorizer)
        self.store = store
        self._memo: dict[str, Row] = {}
        self.memo_limit = 40_000

    @classmethod
    def default(cls) -> TextVocabulary:
        """Return the vocabulary of the shipped taxonomy, fitted once per instance."""
        return _default_vocabulary()

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return L2-normalised TF-IDF rows for texts (what the vectorizer would return)."""
        return tfidf_rows(self.grams.counts(texts), self.vectorizer.idf_)

    def forget(self) -> None:
        """Forget the remembered rows (as a freshly started worker has none)."""
        self._memo.clear()

    def rows(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return the rows of texts, transforming each distinct text once per process.

        A vacancy's text stays the same week after week, and one worker ranks many
        sessions: remembering rows (up to ``memo_limit`` texts) saves most of the work.
        """
        # A local view of the memo: another thread may clear it meanwhile.
        found: dict[str, Row] = {}
        missing: list[str] = []
        for text in dict.fromkeys(texts):
            known = self._memo.get(text)
            if known is None:
                missing.append(text)
            else:
                found[text] = known
        if len(self._memo) + len(missing) > self.memo_limit:
            self._memo.clear()
        if missing and self.store is not None:
            stored = self.store.fetch(missing)
            for text, row in stored.items():
                found[text] = self._memo[text] = row
            missing = [t for t in missing if t not in stored]
        if missing:
            fresh = self.transform(missing)
            new: dict[str, Row] = {}
            for i, text in enumerate(missing):
                lo, hi = fresh.indptr[i], fresh.indptr[i + 1]
                row = (fresh.indices[lo:hi].copy(), fresh.data[lo:hi].copy())
                found[text] = self._memo[text] = new[text] = row
            if self.store is not None:
                self.store.keep(new)
        parts = [found[t] for t in texts]
        indptr = np.cumsum([0, *(len(p[0]) for p in parts)], dtype=np.int64)
        if not parts:
            return sparse.csr_matrix((0, self.width), dtype=np.float32)
        indices = np.concatenate([p[0] for p in parts])
        data = np.concatenate([p[1] for p in parts])
        return sparse.csr_matrix((data, indices, indptr), shape=(len(texts), self.width))


def _word_grams(vectorizer: TfidfVectorizer) -> WordGrams:
    """Return a word-by-word counter of the vectorizer's n-grams; refuse settings it lacks."""
    params = vectorizer.get_params()
    expected = {"analyzer": "char_wb", "lowercase": True, "strip_accents": None}
    expected |= {"preprocessor": None, "sublinear_tf": True, "use_idf": True, "norm": "l2"}
    if any(params[name] != value for name, value in expected.items()):
        raise ValueError(f"rows are counted word by word only with {expected}")
    return WordGrams(vectorizer.vocabulary_, vectorizer.ngram_range)


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


def _vectorizer(vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
    # Character n-grams within words cope with Dutch compounds and typos.
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        min_df=1,
        sublinear_tf=True,
        dtype=np.float32,
        vocabulary=vocabulary,
    )


def _artifact_key() -> str:
    """Return what the shipped vocabulary depends on: taxonomy file, settings, library."""
    from matcher.taxonomy_build import TAXONOMY_FILE

    digest = hashlib.sha256((resources.files("matcher") / "data" / TAXONOMY_FILE).read_bytes())
    digest.update(repr(_vectorizer().get_params()).encode("utf-8"))
    digest.update(f"{sklearn.__version__} {SETTINGS}".encode())
    # What the vocabulary is fitted on may change in code as well as in data.
    digest.update(inspect.getsource(taxonomy_texts).encode("utf-8"))
    return digest.hexdigest()[:16]


def load_vocabulary(folder: Path) -> tuple[TfidfVectorizer, str] | None:
    """Return a vectorizer and version written by ``save_vocabulary``, or None."""
    arrays = read_arrays(folder, ("terms", "idf", "version"))
    if arrays is None:
        return None
    terms = arrays["terms"].tolist()
    vectorizer = _vectorizer(dict(zip(terms, range(len(terms)), strict=True)))
    vectorizer.idf_ = np.asarray(arrays["idf"])
    return vectorizer, str(arrays["version"][0])


def save_vocabulary(folder: Path, vocabulary: TextVocabulary) -> None:
    """Write a fitted vocabulary's n-grams (in column order), weights and version."""
    terms = sorted(vocabulary.vectorizer.vocabulary_, key=vocabulary.vectorizer.vocabulary_.get)
    write_arrays(
        folder,
        {
            "terms": np.array(terms),
            "idf": np.asarray(vocabulary.vectorizer.idf_, dtype=np.float64),
            "version": np.array([vocabulary.version]),
        },
    )


@lru_cache(maxsize=1)
def _default_vocabulary() -> TextVocabulary:
    # Fitting on the taxonomy takes seconds; a fresh process reads the fitted arrays.
    folder = cache_dir() / "vocabulary" / _artifact_key()
    fitted = load_vocabulary(folder)
    vocabulary = TextVocabulary([], fitted=fitted) if fitted else TextVocabulary(taxonomy_texts())
    if fitted is None:
        with contextlib.suppress(OSError):  # a read-only instance folder: fit every time
            save_vocabulary(folder, vocabulary)
    vocabulary.store = RowStore.for_version(f"{vocabulary.version}-{_artifact_key()}")
    return vocabulary


class TextSpace:
    """Opportunity texts in a fixed TF-IDF space, transformed only when first needed."""

    def __init__(
        self, opportunity_texts: Sequence[str], vocabulary: TextVocabulary | None = None
    ) -> None:
        self.vocabulary = vocabulary or TextVocabulary.default()
        self.texts = list(opportunity_texts)
        self._all: sparse.csr_matrix | None = None
        self._split: SplitRows | None = None
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

    def products(
        self, left: sparse.csr_matrix, positions: npt.NDArray[np.intp]
    ) -> npt.NDArray[np.float32]:
        """Return the similarities of left's rows with the opportunities at positions.

        Once the run has built the whole matrix, its common n-grams are multiplied dense.
        """
        if self._split is None:
            if self._all is None and self._calls == 0:  # perhaps a session's only block
                right = self.columns(positions)
                return np.asarray(sparse.csr_matrix(left @ right.T).toarray(), dtype=np.float32)
            self._calls += 1
            whole = self.vocabulary.rows(self.texts) if self._all is None else self._all
            self._split = SplitRows(whole)
            self._all = None  # the split holds the rows; a later columns() reads them again
        return self._split.similarity(left, positions)

    @property
    def opportunities(self) -> sparse.csr_matrix:
        """Return the rows of every opportunity."""
        return self.columns(np.arange(len(self.texts), dtype=np.intp))

    def similarity(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Return cosine similarities of texts (rows) with every opportunity (columns)."""
        product = self.transform(texts) @ self.opportunities.T
        return np.asarray(product.toarray(), dtype=np.float32)
