"""Search a set of labels by exact canonical form and TF-IDF cosine, scored per concept."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer

from matcher.lexicon import Lexicon
from matcher.normalise import NOISE_WORDS, STOPWORDS, clean, title_tokens, tokens

FloatMatrix = npt.NDArray[np.float32]
_CHAR_WEIGHT = 0.6
_WORD_WEIGHT = 0.4
_CHUNK = 256
# N-grams in more than this share of labels ("er ", " me") weigh little and cost most of the
# matrix product: dropping them speeds linking by a third at no loss on the bench sets.
_CHAR_MAX_DF = 0.03
_MIN_LABELS = 1000
BAG_WEIGHT = 0.2
# "Rij-instructeur" is the label word "rijinstructeur", which is too short-headed to split.
_HYPHENATED = re.compile(r"\b([^\W\d_]+)-([^\W\d_]+)\b")
_SUPPORT_BONUS = 0.002
_SUPPORT_CAP = 0.99


@dataclass(frozen=True)
class Analysed:
    """A title or label reduced to canonical words, ready for lookup and vectorising."""

    words: tuple[str, ...]
    key: str

    @property
    def char_text(self) -> str:
        """Return the text the character n-grams are taken from."""
        return " ".join(self.words)


def _key(words: Sequence[str]) -> str:
    """Return an order-free exact-lookup key: 'medewerker magazijn' == 'magazijnmedewerker'."""
    return " ".join(sorted({word for word in words if word not in STOPWORDS}))


def _exact_table(
    labels: Sequence[tuple[int, str, float]], analysed: Sequence[Analysed]
) -> dict[str, dict[int, float]]:
    """Map each label key to its concepts and the score an exact match earns."""
    weights: dict[str, dict[int, float]] = {}
    support: dict[tuple[str, int], int] = {}
    for (concept, _, exact), item in zip(labels, analysed, strict=True):
        matches = weights.setdefault(item.key, {})
        matches[concept] = max(exact, matches.get(concept, 0.0))
        support[item.key, concept] = support.get((item.key, concept), 0) + 1
    # Several labels of one concept with the same key (male, female, compound forms)
    # make it the likelier meaning: a small bonus breaks ties, never above a preferred label.
    for (key, concept), count in support.items():
        weight = weights[key][concept]
        if weight < _SUPPORT_CAP:
            weights[key][concept] = min(_SUPPORT_CAP, weight + _SUPPORT_BONUS * (count - 1))
    return weights


def _label_words(label: str) -> list[str]:
    """Return the words of a label, without the noise words a query would lose too."""
    return [word for word in tokens(label) if word not in NOISE_WORDS]


def _word_analyzer(text: str) -> list[str]:
    return text.split()


class LabelIndex:
    """Labels of concepts, searchable; concept ids are 0..n_concepts-1."""

    def __init__(self, labels: Sequence[tuple[int, str, float]], n_concepts: int) -> None:
        """Index (concept id, label, exact-match score); every concept needs a label."""
        ordered = sorted(labels)
        self.n_concepts = n_concepts
        words = [_label_words(label) for _, label, _ in ordered]
        self.lexicon = Lexicon(word for label_words in words for word in label_words)
        analysed = [self._analyse_words(label_words) for label_words in words]
        concept_ids = np.array([concept for concept, _, _ in ordered], dtype=np.int64)
        # Labels are sorted by concept, so reduceat over these offsets takes a max per concept.
        self._starts = np.searchsorted(concept_ids, np.arange(n_concepts))
        if len(np.unique(concept_ids)) != n_concepts:
            raise ValueError("every concept needs at least one label")
        self._exact = _exact_table(ordered, analysed)
        self._char = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(3, 5),
            sublinear_tf=True,
            dtype=np.float32,
            max_df=_CHAR_MAX_DF if len(analysed) >= _MIN_LABELS else 1.0,
        )
        self._word = TfidfVectorizer(analyzer=_word_analyzer, sublinear_tf=True, dtype=np.float32)
        self._char_matrix = self._char.fit_transform([a.char_text for a in analysed]).T.tocsr()
        self._word_matrix = self._word.fit_transform([a.char_text for a in analysed]).T.tocsr()
        # All words of a concept's labels together: a title may mix words of two labels.
        documents = [""] * n_concepts
        for concept, item in zip(concept_ids.tolist(), analysed, strict=True):
            documents[concept] += " " + item.char_text
        self._bag = TfidfVectorizer(analyzer=_word_analyzer, sublinear_tf=True, dtype=np.float32)
        self._bag_matrix = self._bag.fit_transform(documents).T.tocsr()

    def analyse_label(self, label: str) -> Analysed:
        """Reduce a label to canonical words."""
        return self._analyse_words(_label_words(label))

    def analyse_query(self, text: str) -> Analysed:
        """Reduce a messy title to canonical words, dropping noise and place names."""
        text = _HYPHENATED.sub(self._joined, text)
        return self._analyse_words(title_tokens(text, self.lexicon.words))

    def _joined(self, found: re.Match[str]) -> str:
        """Return a hyphenated word written as one when labels write it so, else as it was."""
        joined = clean(found.group(1) + found.group(2))
        return joined if joined in self.lexicon.words else found.group(0)

    def _analyse_words(self, words: Sequence[str]) -> Analysed:
        canonical = self.lexicon.canonical_words(words)
        return Analysed(tuple(canonical), _key(canonical))

    def score_texts(
        self, texts: Sequence[object], batch: int = 2048
    ) -> Iterator[tuple[Analysed, FloatMatrix]]:
        """Yield each text's analysed query and its row of concept scores, in input order."""
        # Batches bound the memory of the dense (texts x concepts) score matrix.
        for start in range(0, len(texts), batch):
            chunk = [text if isinstance(text, str) else "" for text in texts[start : start + batch]]
            queries = [self.analyse_query(text) for text in chunk]
            yield from zip(queries, self.scores(queries), strict=True)

    def scores(self, queries: Sequence[Analysed]) -> FloatMatrix:
        """Return a (queries x concepts) matrix of scores in [0, 1]; exact matches as indexed."""
        result = np.zeros((len(queries), self.n_concepts), dtype=np.float32)
        for start in range(0, len(queries), _CHUNK):
            chunk = queries[start : start + _CHUNK]
            result[start : start + len(chunk)] = self._chunk_scores(chunk)
        return result

    def _chunk_scores(self, queries: Sequence[Analysed]) -> FloatMatrix:
        texts = [query.char_text for query in queries]
        char = (self._char.transform(texts) @ self._char_matrix).toarray()
        word = (self._word.transform(texts) @ self._word_matrix).toarray()
        labels = _CHAR_WEIGHT * char + _WORD_WEIGHT * word
        concepts: FloatMatrix = np.maximum.reduceat(labels, self._starts, axis=1)
        bag = (self._bag.transform(texts) @ self._bag_matrix).toarray()
        concepts = (1 - BAG_WEIGHT) * concepts + BAG_WEIGHT * bag
        for row, query in enumerate(queries):
            exact = self._exact.get(query.key, {}) if query.key else {}
            for concept, score in exact.items():
                concepts[row, concept] = score
        return concepts
