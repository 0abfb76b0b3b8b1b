"""Evaluate occupation linking: labelled title sets, label-likeness, concept-level metrics.

A title set is a tab-separated file with a header: ``title``, ``uris`` (one or more ESCO
occupation URIs, ``|``-separated, for occupations that share one preferred label), ``label``
(the preferred label, for the reviewer), ``source`` and ``split`` (``dev`` or ``sealed``).
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from matcher.normalise import clean, title_tokens

if TYPE_CHECKING:
    from matcher.taxonomy import Taxonomy

SPLITS = ("dev", "sealed")


@dataclass(frozen=True)
class LabelledTitle:
    """A title as written somewhere, with the occupation(s) a mediator would link it to."""

    title: str
    uris: frozenset[str]
    label: str
    source: str
    split: str


def split_of(title: str) -> str:
    """Return the split a title belongs to: a fixed third (by hash) is sealed."""
    digest = hashlib.sha1(title.strip().lower().encode("utf-8"), usedforsecurity=False).digest()
    return "sealed" if digest[0] % 3 == 0 else "dev"


def read_title_set(path: Path) -> list[LabelledTitle]:
    """Read a title set; raise ValueError naming the line of a malformed row."""
    with path.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source, delimiter="\t"))
    items = []
    for line, row in enumerate(rows, start=2):
        uris = frozenset(uri for uri in (row.get("uris") or "").split("|") if uri)
        if not row.get("title") or not uris or row.get("split") not in SPLITS:
            raise ValueError(f"{path.name}, regel {line}: titel, uri of split ontbreekt")
        items.append(LabelledTitle(row["title"], uris, row["label"], row["source"], row["split"]))
    return items


def write_title_set(path: Path, items: Iterable[LabelledTitle]) -> None:
    """Write a title set in the format read_title_set reads."""
    with path.open("w", encoding="utf-8", newline="") as target:
        writer = csv.writer(target, delimiter="\t", lineterminator="\n")
        writer.writerow(["title", "uris", "label", "source", "split"])
        for item in items:
            writer.writerow(
                [item.title, "|".join(sorted(item.uris)), item.label, item.source, item.split]
            )


def surface_forms(text: str) -> set[str]:
    """Return the forms under which a text counts as the same string as a label.

    Case, accents, punctuation, gender markers, hours, noise words, places, word order and
    the space in a two-part compound ("medewerker magazijn" / "magazijnmedewerker") are
    trivial differences.
    """
    words = title_tokens(text)
    if not words:
        return set()
    forms = {" ".join(words), " ".join(sorted(words)), "".join(words)}
    forms.add("".join(reversed(words)))
    return forms


def label_like(titles: Sequence[str], labels: Iterable[str]) -> list[str]:
    """Return the titles that are a label, or a trivial variant of one."""
    known: set[str] = set()
    for label in labels:
        known |= surface_forms(label)
    return [title for title in titles if surface_forms(title) & known]


def concept_rank(gold: frozenset[str], ranked_uris: Sequence[str]) -> int | None:
    """Return the 1-based rank of the first gold concept, each concept counted once."""
    seen: list[str] = list(dict.fromkeys(ranked_uris))
    for position, uri in enumerate(seen, start=1):
        if uri in gold:
            return position
    return None


@dataclass(frozen=True)
class Scores:
    """Concept-level success@1/5/10 and mean reciprocal rank over a set of queries."""

    n: int
    s1: float
    s5: float
    s10: float
    mrr: float

    def __str__(self) -> str:
        return (
            f"S@1 {self.s1:.3f}  S@5 {self.s5:.3f}  S@10 {self.s10:.3f}  "
            f"MRR {self.mrr:.3f}  n={self.n}"
        )


def scores(ranks: Sequence[int | None]) -> Scores:
    """Summarise ranks (None = not found) into concept-level scores."""
    if not ranks:
        return Scores(0, 0.0, 0.0, 0.0, 0.0)

    def within(k: int) -> float:
        return float(np.mean([r is not None and r <= k for r in ranks]))

    mrr = float(np.mean([1.0 / r if r else 0.0 for r in ranks]))
    return Scores(len(ranks), within(1), within(5), within(10), mrr)


def leave_out_sample(taxonomy: Taxonomy, size: int, seed: int) -> list[tuple[str, str]]:
    """Pick (occupation URI, label) pairs among alternative and hidden labels."""
    pairs = [
        (o.uri, label)
        for o in taxonomy.occupations
        for label in (*o.alt_labels, *o.hidden_labels)
        if clean(label) != clean(o.label)
    ]
    return random.Random(seed).sample(sorted(set(pairs)), size)  # noqa: S311 (a fixed sample, not a secret)
