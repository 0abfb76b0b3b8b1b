"""Map Dutch title words onto the vocabulary of label words: gender forms, compounds, typos."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from matcher.normalise import STOPWORDS

# Female or inflected endings and the endings they stand for, longest first; a rewrite
# is used only when it yields a word of the vocabulary.
_GENDER_ENDINGS = (
    ("trice", "teur"),
    ("ici", "icus"),
    ("euse", "eur"),
    ("ice", "eur"),
    ("ares", "aar"),
    ("aakster", "aker"),
    ("oopster", "oper"),
    ("pster", "pper"),
    ("ster", "er"),
    ("ster", "der"),
    ("ster", "aar"),
    ("ster", ""),
    ("esse", ""),
    ("kin", ""),
    ("in", ""),
    ("e", ""),
    ("en", ""),
    ("s", ""),
)
# Dutch compounds glue their parts with an "s", "e" or "en".
_LINKERS = ("", "s", "e", "en")
_MIN_PART = 3
_CACHE_LIMIT = 200_000
_MIN_FUZZY = 5
_FUZZY_CUTOFF = 86.0
# Short fragments that are words but never a meaningful part of a title compound.
_NOT_PARTS = frozenset(
    {"ver", "ben", "der", "den", "een", "het", "van", "aan", "ter", "ten"}
    | {"bij", "per", "ont", "her", "mee", "ere"}
)


class Lexicon:
    """The words of a label set and how to rewrite other words onto them."""

    def __init__(self, label_words: Iterable[str]) -> None:
        """Index the words that occur in labels."""
        self.words = frozenset(word for word in label_words if word)
        self._parts = frozenset(
            word for word in self.words if len(word) >= _MIN_PART and word not in _NOT_PARTS
        )
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(self.words):
            self._by_length.setdefault(len(word), []).append(word)
        self._cache: dict[str, tuple[str, ...]] = {}

    def canonical(self, word: str) -> tuple[str, ...]:
        """Return the vocabulary words a title word stands for, compounds split."""
        found = self._cache.get(word)
        if found is None:
            found = self._canonical(word)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()  # A long-running server sees endless typos: stay bounded.
            self._cache[word] = found
        return found

    def canonical_words(self, words: Iterable[str]) -> list[str]:
        """Return the canonical words of a token list, in order."""
        return [part for word in words for part in self.canonical(word)]

    def _canonical(self, word: str) -> tuple[str, ...]:
        if word.isdigit() or word in STOPWORDS:
            return (word,)
        base = self.ungender(word)
        if base not in self.words:
            parts = self.split(base)
            if len(parts) > 1:
                return parts
            corrected = self.correct(base)
            head = self.head(base) if corrected != base else None
            if head is not None and not self._fixes_a_typo(base, corrected, head):
                # A correct but unknown compound ("bejaardenverzorgster"): keep its
                # modifier as written rather than turn it into another word ("paarden").
                return (base[: -len(head)], *self._atoms(self._as_part(head) or head, 0))
            base = corrected
        return self.split(base)

    def head(self, word: str) -> str | None:
        """Return the longest known compound head of a word that leaves a modifier, if any."""
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            if self._as_part(word[cut:]) is not None:
                return word[cut:]
        return None

    @staticmethod
    def _fixes_a_typo(word: str, corrected: str, head: str) -> bool:
        """Tell whether a correction mends a typo rather than swap a compound's modifier."""
        if not corrected.endswith(head):
            return True  # The typo lies in the head itself ("magazijnmedwerker").
        modifier, replaced = word[: -len(head)], corrected[: -len(head)]
        # One slip ("med" -> "mede", "magazjin" -> "magazijn") is a typo, and so is a
        # modifier that only gains or loses leading letters ("pannen" -> "dakpannen"): the
        # word stays a tail of the correction. A modifier changed beyond that ("bar" ->
        # "bank", "bejaarden" -> "paarden") is another word.
        if (
            OSA.distance(modifier, replaced) <= 1
            or corrected.endswith(word)
            or word.endswith(corrected)
        ):
            return True
        return (
            min(len(modifier), len(replaced)) >= _MIN_FUZZY
            and fuzz.ratio(modifier, replaced) >= _FUZZY_CUTOFF
        )

    def ungender(self, word: str) -> str:
        """Return the base (usually male) form of a word when the vocabulary knows it."""
        for ending, replacement in _GENDER_ENDINGS:
            if not word.endswith(ending):
                continue
            candidate = word[: -len(ending)] + replacement
            if len(candidate) >= _MIN_PART and candidate in self.words and candidate != word:
                return candidate
        return word

    def correct(self, word: str) -> str:
        """Return the closest vocabulary word for a likely typo, else the word itself."""
        if len(word) < _MIN_FUZZY or word in self.words:
            return word
        # ratio = 2 * matches / (len_a + len_b): words that differ more in length than
        # this can never reach the cutoff, so only similar lengths are compared.
        size = len(word)
        slack = int(2 * size * (100 / _FUZZY_CUTOFF - 1)) + 1
        pool = [
            w for n in range(size - slack, size + slack + 1) for w in self._by_length.get(n, ())
        ]
        best = process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        return str(best[0]) if best else word

    def split(self, word: str) -> tuple[str, ...]:
        """Split a compound into the fewest vocabulary words (atoms), else keep it whole."""
        best = self._split(word, depth=0)
        return best if best else (word,)

    def _split(self, word: str, depth: int) -> tuple[str, ...] | None:
        # Split on the longest head first: Dutch compounds put the head word last.
        if depth > 3 or len(word) < 2 * _MIN_PART:
            return None
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            head = self._as_part(word[cut:])
            if head is None:
                continue
            left = self._left_part(word[:cut], depth)
            if left is not None:
                return (*left, *self._atoms(head, depth))
        return None

    def _left_part(self, modifier: str, depth: int) -> tuple[str, ...] | None:
        """Return the atoms of the modifier of a compound, allowing a linking s/e/en."""
        for linker in _LINKERS:
            if linker and not modifier.endswith(linker):
                continue
            stem = modifier[: len(modifier) - len(linker)]
            part = self._as_part(stem)
            if part is not None:
                return self._atoms(part, depth)
            inner = self._split(stem, depth + 1)
            if inner is not None:
                return inner
        return None

    def _as_part(self, fragment: str) -> str | None:
        """Return the vocabulary word a compound part stands for, if any."""
        base = self.ungender(fragment)
        return base if base in self._parts else None

    def _atoms(self, part: str, depth: int) -> tuple[str, ...]:
        """Return a part split further, so that every compound ends in the same atoms."""
        inner = self._split(part, depth + 1)
        return inner if inner else (part,)
