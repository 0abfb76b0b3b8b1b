"""Words of opportunity texts as ids, for wishes (stated preferences) met as whole words.

One rule, used by the ranking feature and by the reasons alike: a wish is met when every
word of it, or of one of its alternatives ("avond/weekend", "avond of weekend"), is a whole
word of the place's text; each wish counts once, however often or in whichever case it was
typed; a wish without words (a dash, one letter) or that says what is not wanted ("geen
nachtdienst") counts not at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

_ANALYSE = CountVectorizer().build_analyzer()  # lower case, words of two letters or more


# "avond/weekend", "avond of weekend": either is what the claimant means.
_ALTERNATIVES = re.compile(r"/|\|| of ", re.IGNORECASE)

Wish = tuple[str, tuple[frozenset[str], ...]]  # first spelling, words of each alternative


def wish_words(wish: str) -> frozenset[str]:
    """Return the words of a wish (or of any text), as the rule compares them."""
    return frozenset(_ANALYSE(wish))


def distinct_wishes(wishes: Sequence[str]) -> list[Wish]:
    """Return each wish once, in its first spelling, with the words of its alternatives.

    Wishes and alternatives without words are dropped.
    """
    return list(_distinct(tuple(wishes)))


# "geen nachtdienst", "niet in het weekend": what is not wanted cannot be found as words.
# Such a wish would lift the very places that mention it; the restrictions say it instead.
_NEGATED = re.compile(r"\s*(?:geen|niet|zonder|liever niet)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _distinct(wishes: tuple[str, ...]) -> tuple[Wish, ...]:
    seen: dict[frozenset[frozenset[str]], Wish] = {}
    for wish in wishes:
        if _NEGATED.match(wish):
            continue
        alternatives = tuple(
            dict.fromkeys(w for part in _ALTERNATIVES.split(wish) if (w := wish_words(part)))
        )
        if alternatives:
            seen.setdefault(frozenset(alternatives), (wish.strip(), alternatives))
    return tuple(seen.values())


def wishes_met(wishes: Sequence[str], text: str) -> list[str]:
    """Return the distinct wishes (first spelling) met in text: one alternative's every word."""
    lowered = text.lower()  # as the analyser reads it
    return [
        spelling
        for spelling, alternatives in _distinct(tuple(wishes))
        if _any_met(alternatives, lowered)
    ]


def _any_met(alternatives: tuple[frozenset[str], ...], text: str) -> bool:
    # Loops, not any()/all() over generators: this runs for every shown match with wishes.
    for words in alternatives:
        for word in words:
            if not _has_word(text, word):
                break
        else:
            return True
    return False


def _has_word(text: str, word: str) -> bool:
    """Return whether word (the analyser's: word characters only) is a whole word of text."""
    # The analyser's words are whole runs of word characters: a place where word is found
    # is one when no word character touches it on either side. str.find and two character
    # checks are 5-10x cheaper here than a regular expression with a look-behind.
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _is_word_character(text[at - 1])) and (
            end == len(text) or not _is_word_character(text[end])
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _is_word_character(character: str) -> bool:
    # What the regular expression \w matches in a str: alphanumeric or the underscore.
    return character.isalnum() or character == "_"


class WordIndex:
    """Words of opportunity texts as ids, read once per distinct text in a process.

    Stated preferences are matched as whole words; the ids only grow, so a share does not
    depend on which other opportunities exist, and a run reads just the texts it needs.
    """

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self.ids: dict[str, int] = {}
        self._docs: dict[str, npt.NDArray[np.int64]] = {}

    def forget(self) -> None:
        """Forget every word and text (as a freshly started worker has none)."""
        self.ids, self._docs = {}, {}

    def _words(
        self, text: str, ids: dict[str, int], docs: dict[str, npt.NDArray[np.int64]]
    ) -> npt.NDArray[np.int64]:
        found = docs.get(text)
        if found is None:
            numbers = {ids.setdefault(word, len(ids)) for word in _ANALYSE(text)}
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
        """Return per wish list the share of its distinct wishes met in each row (or those at
        positions).

        The rule is that of ``wishes_met``; tests/matcher/test_wishes.py holds the two equal.
        """
        lists = [distinct_wishes(wishes) for wishes in keyword_lists]
        wishes = [alternatives for one in lists for _, alternatives in one]
        queries = [
            self._words(" ".join(sorted(words)), rows.ids, rows.memo)
            for alternatives in wishes
            for words in alternatives
        ]
        docs = rows.matrix if positions is None else rows.matrix[positions]
        width = docs.shape[1]
        # A word first seen in a wish is in none of the rows: that alternative is met nowhere.
        found = sparse.csr_matrix(_binary([q[q < width] for q in queries], width) @ docs.T)
        needed = np.array([len(query) for query in queries], dtype=np.float32)
        found.data = (found.data == needed[_row_of_each(found)]).astype(np.float32)
        met = sparse.csr_matrix(_grouped([len(w) for w in wishes]) @ found)
        met.data = (met.data > 0).astype(np.float32)  # a wish is met by any alternative
        counts = np.array([len(one) for one in lists], dtype=np.float32)
        shares = sparse.csr_matrix(_grouped([len(one) for one in lists]) @ met).toarray()
        return np.asarray(shares / np.maximum(counts, 1)[:, None], dtype=np.float32)


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


def _starts(lengths: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    return np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)


def _row_of_each(matrix: sparse.csr_matrix) -> npt.NDArray[np.intp]:
    """Return the row of each stored value of a CSR matrix."""
    return np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))


def _grouped(sizes: Sequence[int]) -> sparse.csr_matrix:
    """Return the 0/1 matrix that sums consecutive rows in groups of the given sizes."""
    total = int(sum(sizes))
    starts = _starts(np.array(sizes, dtype=np.int64))
    ones = np.ones(total, np.float32)
    return sparse.csr_matrix((ones, np.arange(total), starts), shape=(len(sizes), total))


def _binary(rows: Sequence[npt.NDArray[np.int64]], width: int) -> sparse.csr_matrix:
    indptr = _starts(np.array([len(r) for r in rows], dtype=np.int64))
    indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), width))


@lru_cache(maxsize=1)
def word_index() -> WordIndex:
    """Return the word index this process shares between its runs."""
    return WordIndex()
