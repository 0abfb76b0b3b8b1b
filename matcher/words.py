"""Words of opportunity texts as ids, for preferences stated as whole words."""

from __future__ import annotations

from collections.abc import Sequence
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
