"""Static Dutch word vectors distilled from a multilingual e5 model: meaning beyond spelling.

Character n-grams see that "vakkenvuller" and "vakkenvullen" look alike, not that a
"vakkenvuller" is a "schappenvuller". The dense model sees it, but embeds ~75 titles/s on
2 cores. This table (``matcher/data/word_vectors_nl.npz``, built by
``python -m matcher.word_vectors_build``) holds one vector per word of ESCO's Dutch labels,
embedded alone by the model at build time; a title is the sum of its words' vectors, so it
costs a lookup and one product, and the model is never loaded at run time. A word that is
not in the table counts by its longest known tail (the compound's head in Dutch:
"...monteur" in an unknown "...monteur") and, at half weight, the known rest before it.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt

VECTOR_FILE = "word_vectors_nl.npz"
DIMENSIONS = 64
# A compound's head and its modifier are each at least this long ("bak" + "ker" is no split).
_MIN_PART = 3
# The modifier of an unknown compound says less than its head.
_MODIFIER_WEIGHT = 0.5
# Titles compared with all labels at once: keeps the (titles x labels) block near 25 MB.
_CHUNK = 256

Matrix = npt.NDArray[np.float32]


class WordVectors:
    """One vector per known word; a text is the normalised sum of its words' vectors."""

    def __init__(self, words: Sequence[str], vectors: Matrix) -> None:
        """Keep the table; ``vectors`` has one row per word, in the order of ``words``."""
        if len(words) != len(vectors):
            raise ValueError(f"{len(words)} woorden maar {len(vectors)} vectoren")
        self._row = {word: i for i, word in enumerate(words)}
        self._vectors = vectors
        digest = hashlib.sha256("\n".join(words).encode())
        digest.update(vectors.tobytes())
        self.version = digest.hexdigest()[:16]

    @classmethod
    def default(cls) -> WordVectors | None:
        """Return the shipped table, or None when none was built."""
        return _shipped()

    @property
    def dimensions(self) -> int:
        """Return the length of every vector."""
        return int(self._vectors.shape[1])

    def embed(self, texts: Iterable[Sequence[str]]) -> Matrix:
        """Return one unit vector per text (given as its words); zeros for no known word."""
        rows = [self._sum(words) for words in texts]
        if not rows:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        matrix = np.vstack(rows)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        unit = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
        return np.asarray(unit, dtype=np.float32)

    def _sum(self, words: Sequence[str]) -> Matrix:
        """Return the sum of the words' vectors, unknown compounds by their known parts."""
        total = np.zeros(self.dimensions, dtype=np.float32)
        for word in words:
            for row, weight in self._rows_of(word):
                total += weight * self._vectors[row]
        return total

    def _rows_of(self, word: str) -> list[tuple[int, float]]:
        """Return the table rows that stand for a word, with their weights."""
        if word in self._row:
            return [(self._row[word], 1.0)]
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            head = self._row.get(word[cut:])
            if head is not None:
                modifier = self._row.get(word[:cut])
                rows = [(head, 1.0)]
                return rows + ([(modifier, _MODIFIER_WEIGHT)] if modifier is not None else [])
        return []


class LabelVectors:
    """The vectors of every (concept, label) pair; a text scores a concept by its best label."""

    def __init__(
        self, vectors: WordVectors, labels: Sequence[tuple[int, Sequence[str]]], concepts: int
    ) -> None:
        """Embed each label (concept number, words); ``concepts`` is the number of columns."""
        # Labels that differ only in spelling variants the tokens drop are one row.
        unique = sorted({(concept, tuple(words)) for concept, words in labels})
        self._vectors = vectors
        self._matrix = vectors.embed(words for _, words in unique)
        self._owner = np.array([concept for concept, _ in unique], dtype=np.intp)
        self._concepts = concepts

    def scores(self, texts: Sequence[Sequence[str]], floor: float = 0.0) -> Matrix:
        """Return (texts x concepts) the best cosine of a text and each concept's labels.

        Cosines at or below ``floor`` are returned as 0: few pairs pass it, so the best label
        per concept is taken over those pairs only.
        """
        out = np.zeros((len(texts), self._concepts), dtype=np.float32)
        for start in range(0, len(texts), _CHUNK):
            sims = self._vectors.embed(texts[start : start + _CHUNK]) @ self._matrix.T
            rows, cols = np.nonzero(sims > floor)
            np.maximum.at(out, (rows + start, self._owner[cols]), sims[rows, cols])
        return out


def load_vectors(data: bytes) -> WordVectors:
    """Read a table written by the build; refuse one of another shape with a clear error."""
    with np.load(io.BytesIO(data), allow_pickle=False) as packed:
        missing = {"words", "vectors", "scale"} - set(packed.files)
        if missing:
            raise ValueError(f"{VECTOR_FILE}: mist {', '.join(sorted(missing))}; bouw opnieuw")
        vectors = packed["vectors"].astype(np.float32) * float(packed["scale"][0])
        words = [str(word) for word in packed["words"]]
    if vectors.ndim != 2 or vectors.shape[1] != DIMENSIONS:
        raise ValueError(f"{VECTOR_FILE}: vectoren van vorm {vectors.shape}; bouw opnieuw")
    return WordVectors(words, vectors)


@cache
def _shipped() -> WordVectors | None:
    packed = resources.files("matcher") / "data" / VECTOR_FILE
    if not packed.is_file():
        return None
    return load_vectors(packed.read_bytes())
