"""What ESCO says about each occupation beyond its labels, as one searchable text.

An occupation's document is its preferred label, its Dutch description and the labels of its
essential skills and knowledge; an ISCO group's is its label. Character n-grams match the
parts of Dutch compounds ("kozijnen" in "kozijnenmonteur" and in a description).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer

from matcher.linking_build import DESCRIPTIONS_FILE
from matcher.normalise import clean
from matcher.taxonomy import Taxonomy

FloatMatrix = npt.NDArray[np.float32]
# Skill labels beyond this many add more noise than signal.
_MAX_SKILLS = 15
# Common n-grams of descriptions ("de ", "en ") only cost time.
_MAX_DF = 0.05
_MIN_DOCUMENTS = 1000


@cache
def shipped_descriptions() -> dict[str, str]:
    """Return the Dutch occupation descriptions shipped in matcher/data, or {}."""
    packed = resources.files("matcher") / "data" / DESCRIPTIONS_FILE
    if not packed.is_file():
        return {}
    texts: dict[str, str] = json.loads(gzip.decompress(packed.read_bytes()).decode("utf-8"))
    return texts


def concept_documents(taxonomy: Taxonomy, uris: Sequence[str]) -> list[str]:
    """Return one document per concept URI: label, description, essential skill labels."""
    descriptions = shipped_descriptions()
    skills = taxonomy.skills
    documents = []
    for uri in uris:
        occupation = taxonomy.occupation(uri)
        if occupation is None:
            group = next((g for g in taxonomy.isco_groups if g.uri == uri), None)
            documents.append(group.label if group else "")
            continue
        essential = [skills[i].label for i in occupation.essential_skills[:_MAX_SKILLS]]
        parts = [occupation.label, descriptions.get(uri, ""), *essential]
        documents.append(clean(" ".join(parts)))
    return documents


class ConceptText:
    """Character TF-IDF over concept documents."""

    def __init__(self, documents: Sequence[str]) -> None:
        """Fit the vectoriser on the documents (one per concept, in concept order)."""
        self._vectorizer = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(4, 5),
            sublinear_tf=True,
            dtype=np.float32,
            min_df=2,
            # A small taxonomy (tests, one sector) keeps every n-gram.
            max_df=_MAX_DF if len(documents) >= _MIN_DOCUMENTS else 1.0,
        )
        self._matrix = self._vectorizer.fit_transform(documents).T.tocsr()

    def scores(self, texts: Sequence[str]) -> FloatMatrix:
        """Return a (texts x concepts) cosine matrix."""
        if not texts:
            return np.zeros((0, self._matrix.shape[1]), dtype=np.float32)
        result = (self._vectorizer.transform(list(texts)) @ self._matrix).toarray()
        return np.asarray(result, dtype=np.float32)
