"""Words of opportunity texts as ids, for preferences stated as whole words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer


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
        return self.shares_in(keyword_lists, self.rows(texts))

    def rows(self, texts: Sequence[str]) -> WordRows:
        """Return texts as rows of word ids, to share against many keyword lists."""
        if len(self.ids) > self.limit or len(self._docs) > self.limit:
            self.forget()
        # One consistent pair of dicts for these rows, even if another thread forgets.
        ids, memo = self.ids, self._docs
        docs = [self._words(t, ids, memo) for t in texts]
        return WordRows(ids, memo, _binary(docs, len(ids)))

    def shares_in(
        self,
        keyword_lists: Sequence[Sequence[str]],
        rows: WordRows,
        positions: npt.NDArray[np.intp] | None = None,
    ) -> npt.NDArray[np.float32]:
        """Return per keyword list the share of its words in each row (or those at positions)."""
        queries = [self._words(" ".join(words), rows.ids, rows.memo) for words in keyword_lists]
        docs = rows.matrix if positions is None else rows.matrix[positions]
        width = docs.shape[1]
        # A word first seen in a keyword list is in none of the rows: it adds nothing.
        left = _binary([query[query < width] for query in queries], width)
        counts = np.array([max(len(words), 1) for words in keyword_lists], dtype=np.float32)
        product = sparse.csr_matrix(left @ docs.T).toarray()
        return np.asarray(product / counts[:, None], dtype=np.float32)


@dataclass(frozen=True)
class WordRows:
    """Texts as binary rows over the word ids that one index knew when it read them."""

    ids: dict[str, int]
    memo: dict[str, npt.NDArray[np.int64]]
    matrix: sparse.csr_matrix  # (texts, words known then)


class RunTexts:
    """The opportunities' texts of one run, read as word rows once for all its blocks.

    A session (one block) reads only the texts it needs; a run of many blocks reads them
    all at its second block and takes rows from them after.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self._rows: WordRows | None = None
        self._calls = 0

    def shares(
        self, keyword_lists: Sequence[Sequence[str]], positions: npt.NDArray[np.intp]
    ) -> npt.NDArray[np.float32]:
        """Return per keyword list the share of its words in the texts at positions."""
        words = word_index()
        if self._rows is None:
            self._calls += 1
            if self._calls < 2:
                return words.shares(keyword_lists, [self.texts[i] for i in positions.tolist()])
            self._rows = words.rows(self.texts)
        return words.shares_in(keyword_lists, self._rows, positions)


def _binary(rows: Sequence[npt.NDArray[np.int64]], width: int) -> sparse.csr_matrix:
    indptr = np.cumsum([0, *(len(r) for r in rows)], dtype=np.int64)
    indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), width))


@lru_cache(maxsize=1)
def word_index() -> WordIndex:
    """Return the word index this process shares between its runs."""
    return WordIndex()
