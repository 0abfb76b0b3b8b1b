"""TF-IDF rows of texts in a fixed character n-gram vocabulary, each word's n-grams found once.

scikit-learn's ``char_wb`` analyzer takes n-grams within words only, so a text's counts
are the sum of its words' counts. Texts repeat their words (titles, skills, the same
boilerplate in every vacancy of an agency): remembering the n-grams of each word saves
most of the analyzer's per-character Python loop. The rows equal the vectorizer's own,
bit for bit (tests/matcher/test_char_grams.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.preprocessing import normalize

Ids = npt.NDArray[np.int32]


class WordGrams:
    """Counts a text's n-grams of a fixed vocabulary, word by word, remembering each word."""

    def __init__(
        self, vocabulary: Mapping[str, int], ngram_range: tuple[int, int], limit: int = 100_000
    ) -> None:
        self.vocabulary = vocabulary
        self.low, self.high = ngram_range
        self.limit = limit
        self._words: dict[str, Ids] = {}

    def counts(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return the n-gram counts of texts (float32, sorted indices), as the vectorizer's."""
        if isinstance(texts, str):  # as scikit-learn refuses it: not a list of one text
            raise ValueError("Iterable over raw text documents expected, string object received.")
        parts: list[Ids] = []
        lengths = []
        for text in texts:
            length = 0
            for word in text.lower().split():
                ids = self._words.get(word)
                if ids is None:
                    if len(self._words) >= self.limit:
                        self._words.clear()
                    ids = self._words[word] = self._word_ids(word)
                parts.append(ids)
                length += len(ids)
            lengths.append(length)
        cols = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
        rows = np.repeat(np.arange(len(lengths)), lengths)
        ones = np.ones(len(cols), dtype=np.float32)
        shape = (len(lengths), len(self.vocabulary))
        # Building CSR from coordinates sums repeated n-grams; the rows' columns are sorted.
        counts = sparse.coo_matrix((ones, (rows, cols)), shape=shape).tocsr()
        counts.sum_duplicates()
        return counts

    def _word_ids(self, word: str) -> Ids:
        """Return the vocabulary ids of a word's n-grams, as ``char_wb`` takes them."""
        padded = f" {word} "
        found = []
        for n in range(self.low, self.high + 1):
            if len(padded) <= n:  # a word no longer than n counts once, whole
                found.append(padded)
                break
            found += [padded[i : i + n] for i in range(len(padded) - n + 1)]
        known = [self.vocabulary[g] for g in found if g in self.vocabulary]
        return np.array(known, dtype=np.int32)


def tfidf_rows(counts: sparse.csr_matrix, idf: npt.NDArray[np.float64]) -> sparse.csr_matrix:
    """Return sublinear TF-IDF rows, L2-normalised, as TfidfVectorizer computes them."""
    counts = sparse.csr_matrix(counts, dtype=np.float32, copy=True)
    np.log(counts.data, counts.data)
    counts.data += 1.0
    counts.data *= idf[counts.indices]
    return sparse.csr_matrix(normalize(counts, norm="l2", copy=False))
