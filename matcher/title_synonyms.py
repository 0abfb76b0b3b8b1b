"""The shipped Dutch synonyms ESCO lacks, and the generic one-word labels the index drops."""

from __future__ import annotations

from collections import Counter
from importlib import resources

from matcher.normalise import tokens
from matcher.taxonomy import Taxonomy

SYNONYM_FILE = "title_synonyms_nl.tsv"
# A one-word alternative label this common ("medewerker") names no occupation.
GENERIC_SHARE = 0.005


def drop_generic(pairs: list[tuple[int, str, float]]) -> list[tuple[int, str, float]]:
    """Drop one-word alternative labels whose word occurs in many labels."""
    counts = Counter(word for _, label, _ in pairs for word in set(tokens(label)))
    limit = GENERIC_SHARE * len(pairs)

    def generic(label: str) -> bool:
        words = tokens(label)
        return len(words) == 1 and counts[words[0]] > limit

    return [pair for pair in pairs if not generic(pair[1])]


def synonym_labels(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """Return (occupation URI, synonym) pairs from the shipped synonym list."""
    uris: dict[str, list[str]] = {}
    for occupation in taxonomy.occupations:
        uris.setdefault(occupation.label, []).append(occupation.uri)
    packed = resources.files("matcher") / "data" / SYNONYM_FILE
    pairs = []
    for number, line in enumerate(packed.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        synonym, _, label = line.partition("\t")
        if label.strip() not in uris:
            raise ValueError(f"{SYNONYM_FILE}, regel {number}: onbekend ESCO-beroep {label!r}")
        pairs += [(uri, synonym.strip()) for uri in uris[label.strip()]]
    return pairs
