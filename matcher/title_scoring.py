"""Score a job title against every concept: its role parts, bracket context and role priors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from matcher.concept_text import ConceptText
from matcher.label_index import FloatMatrix, LabelIndex
from matcher.normalise import title_tokens, tokens
from matcher.title_parse import parse_title
from matcher.title_roles import RolePriors, head_noun
from matcher.word_vectors import LabelVectors, WordVectors

# A second role after a slash ("kok/keukenhulp") counts a little less than the first.
LATER_PART = 0.9
# Weight of the description and essential skills against the labels.
TEXT_WEIGHT = 0.4
# Bracketed context ("(bouw)", "(2e graads)") nudges, never leads.
CONTEXT_WEIGHT = 0.2
# The qualifier of a list-style title ("dieselmotoren" in "Monteur, dieselmotoren") tells
# occupations with one head apart: concepts that match it are lifted.
QUALIFIER_WEIGHT = 0.35
# Word-vector cosines between Dutch titles sit high: only the part above the floor counts.
MEANING_FLOOR = 0.5
# Weight of the word vectors' likeness (meaning) against the labels' spelling.
MEANING_WEIGHT = 0.3


@dataclass(frozen=True)
class TitleRows:
    """One title's scores per concept: final, labels only, description, role factor."""

    final: FloatMatrix
    labels: FloatMatrix
    text: FloatMatrix
    factor: FloatMatrix
    context: FloatMatrix
    words: frozenset[str]


class TitleScorer:
    """Turn titles into per-concept scores from labels, descriptions and role priors."""

    def __init__(
        self,
        index: LabelIndex,
        documents: Sequence[str],
        labels: Iterable[tuple[int, str]],
        preferred: Sequence[str],
        vectors: WordVectors | None = None,
    ) -> None:
        """Score with a label index, each concept's description text and (concept, label) pairs.

        With word ``vectors`` a title's likeness in meaning to a concept's labels lifts its score.
        """
        self.index = index
        self.text = ConceptText(documents)
        labels = list(labels)
        self.meaning = (
            LabelVectors(vectors, [(c, tokens(label)) for c, label in labels], len(preferred))
            if vectors is not None
            else None
        )
        heads: list[set[str]] = [set() for _ in preferred]
        for concept, label in labels:
            head = self.head(label)
            if head:
                heads[concept].add(head)
        self.roles = RolePriors([index.analyse_label(label).words for label in preferred], heads)

    def rows(self, texts: Sequence[str]) -> list[TitleRows]:
        """Return each title's concept scores and the parts they were made of."""
        parsed = [parse_title(text) for text in texts]
        strings = list(
            dict.fromkeys(
                s for p in parsed for s in (p.main, *p.parts, p.context, p.role, p.qualifier) if s
            )
        )
        # Strings that are only noise ("m/v", "32 uur") are not scored at all.
        analysed = {s: q for s in strings if (q := self.index.analyse_query(s)).words}
        strings = list(analysed)
        matrix = self.index.scores(list(analysed.values()))
        row_of = {s: i for i, s in enumerate(strings)}
        mains = list(dict.fromkeys(p.main for p in parsed if p.main in row_of))
        described = self.text.scores([analysed[m].char_text for m in mains])
        description_of = {m: i for i, m in enumerate(mains)}
        meant = self._meaning(mains)
        rows: list[TitleRows] = []
        empty = np.zeros(0, dtype=np.float32)
        for title in parsed:
            main = row_of.get(title.main)
            if main is None:
                rows.append(TitleRows(empty, empty, empty, empty, empty, frozenset()))
                continue
            # What ESCO says beyond the labels lifts a score towards 1, never past an exact match.
            labels = matrix[main]
            text = described[description_of[title.main]]
            row = labels + TEXT_WEIGHT * text * (1 - labels)
            if meant is not None:
                row = row + MEANING_WEIGHT * meant[description_of[title.main]] * (1 - row)
            for rank, part in enumerate(p for p in title.parts if p in row_of):
                weight = 1.0 if rank == 0 else LATER_PART
                row = np.maximum(row, weight * matrix[row_of[part]])
            words = list(analysed[title.main].words)
            context = empty
            if title.context in row_of:
                context = matrix[row_of[title.context]]
                row = row + CONTEXT_WEIGHT * context * (1 - row)
                words += analysed[title.context].words
            if title.qualifier in row_of and title.role in row_of:
                row = row + QUALIFIER_WEIGHT * self.qualified(
                    matrix[row_of[title.role]], matrix[row_of[title.qualifier]]
                ) * (1 - row)
            words += tokens(title.main + " " + title.context)
            # In "Monteur, dieselmotoren" the role names the head; "Leidinggevende, metselaars"
            # has no person noun before the comma, so the title's first one counts.
            head = self.head(title.role) or self.head(title.main)
            factor = self.roles.factors(words, head)
            main_words = frozenset(analysed[title.main].words)
            rows.append(TitleRows(row * factor, labels, text, factor, context, main_words))
        return rows

    @staticmethod
    def qualified(role: FloatMatrix, qualifier: FloatMatrix) -> FloatMatrix:
        """Return how well each concept matches both the role and its qualifier, in [0, 1]."""
        # A concept that matches the qualifier alone ("restaurantmanager" for "Chef-kok,
        # restaurant") names another role: its match counts by how well it matches the role.
        best = float(role.max())
        return qualifier * (role / best if best > 0 else role)

    def _meaning(self, mains: Sequence[str]) -> FloatMatrix | None:
        """Return each main text's lift from word vectors (0 at the floor, 1 at cosine 1)."""
        if self.meaning is None:
            return None
        cosines = self.meaning.scores([title_tokens(main) for main in mains], MEANING_FLOOR)
        lift = np.maximum(cosines - MEANING_FLOOR, 0) / (1 - MEANING_FLOOR)
        return np.asarray(lift, dtype=np.float32)

    def head(self, text: str) -> str:
        """Return the head noun of a title or label ("monteur" in "servicemonteur cv")."""
        lexicon = self.index.lexicon
        return head_noun([lexicon.canonical(word) for word in title_tokens(text, lexicon.words)])
