"""Occupation concepts of titles, through any linker with the OccupationLinker interface.

A title is reduced to its best ESCO hit and that hit's ISCO-08 codes, so two titles can be
compared at four levels: same concept, same 4-, 3- or 2-digit ISCO group.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

import numpy as np
import numpy.typing as npt

_ISCO_URI = re.compile(r"/isco/C(\d{1,4})$")

# Credit for agreeing at each level: concept, ISCO unit (4), minor (3), sub-major (2) group.
LEVEL_CREDIT = (1.0, 0.75, 0.5, 0.25)


class Hit(Protocol):
    """A linked concept: URI, label and score (best first)."""

    @property
    def uri(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def score(self) -> float: ...


class Linker(Protocol):
    """Anything that links texts to ESCO occupations, like ``OccupationLinker``."""

    def link_many(self, texts: list[str], k: int = 10) -> Sequence[Sequence[Hit]]: ...


@dataclass(frozen=True)
class Concept:
    """The occupation a text was linked to; empty strings when nothing was found."""

    uri: str = ""
    label: str = ""
    isco: str = ""


def isco_code(hit: object, linker: object = None) -> str:
    """Return the ISCO-08 code of a hit: from an ISCO group URI, the hit, or the linker."""
    uri = str(getattr(hit, "uri", ""))
    found = _ISCO_URI.search(uri)
    if found:
        return found.group(1)
    for name in ("isco_code", "isco", "isco_group"):
        value = getattr(hit, name, None)
        if value:
            return _digits(str(value))
    lookup = getattr(linker, "isco_code", None)
    if callable(lookup):
        return _digits(str(lookup(uri) or ""))
    return _taxonomy_isco(uri)


@cache
def _taxonomy_isco(uri: str) -> str:
    # Hits of OccupationLinker carry only the URI; the shipped ESCO taxonomy knows its group.
    try:
        from matcher.taxonomy import Taxonomy
    except ImportError:
        return ""
    occupation = Taxonomy.default().occupation(uri)
    return occupation.isco_code if occupation is not None else ""


def _digits(value: str) -> str:
    found = _ISCO_URI.search(value)
    return found.group(1) if found else "".join(ch for ch in value if ch.isdigit())[:4]


class ConceptStore(Protocol):
    """Where linked concepts outlive a run: keyed by linker version and normalised text."""

    def fetch(self, version: str, texts: Sequence[str]) -> Mapping[str, Concept]: ...

    def keep(self, version: str, concepts: Mapping[str, Concept]) -> None: ...


def linker_version(linker: object) -> str:
    """Return what identifies a linker's answers: its own version, else a fingerprint.

    The fingerprint covers the linker's class, the source of its module (weights and
    thresholds live there) and the shipped taxonomy, so a change to any of them makes
    every cached concept a miss instead of a stale answer.
    """
    version = getattr(linker, "version", None)
    if version:
        return str(version)
    kind = type(linker)
    return _fingerprint(f"{kind.__module__}:{kind.__qualname__}")


@cache
def _fingerprint(name: str) -> str:
    module_name, class_name = name.split(":")
    digest = hashlib.sha256(name.encode("utf-8"))
    # Without shipped source, the class name and the data still tell versions apart.
    with contextlib.suppress(OSError, TypeError, KeyError):
        digest.update(inspect.getsource(sys.modules[module_name]).encode("utf-8"))
    if module_name.startswith("matcher."):
        for item in sorted(resources.files("matcher").joinpath("data").iterdir(), key=str):
            if item.name.endswith(".gz"):
                digest.update(item.read_bytes())
    return f"{class_name.rsplit('.', 1)[-1]}-{digest.hexdigest()[:16]}"


class ConceptCache:
    """Link each distinct text once and remember its concept, optionally across runs."""

    def __init__(self, linker: Linker, store: ConceptStore | None = None) -> None:
        self.linker = linker
        self.store = store
        self.version = linker_version(linker)
        self.concepts: dict[str, Concept] = {}

    def link(self, texts: Sequence[str]) -> list[Concept]:
        """Return the concept of each text, linking only texts never seen before."""
        new = [t for t in dict.fromkeys(texts) if t not in self.concepts]
        if new and self.store is not None:
            self.concepts.update(self.store.fetch(self.version, new))
            new = [t for t in new if t not in self.concepts]
        if new:
            linked = {
                text: self._concept(hits)
                for text, hits in zip(new, self.linker.link_many(new, k=1), strict=True)
            }
            self.concepts.update(linked)
            if self.store is not None:
                self.store.keep(self.version, linked)
        return [self.concepts[t] for t in texts]

    def add(self, text: str, uri: str) -> None:
        """Record a concept given by the source (an opportunity's esco_occupation)."""
        if text not in self.concepts:
            self.concepts[text] = Concept(
                uri=uri, label="", isco=isco_code(_UriHit(uri), self.linker)
            )

    def _concept(self, hits: Sequence[Hit]) -> Concept:
        if not hits:
            return Concept()
        best = hits[0]
        return Concept(uri=best.uri, label=best.label, isco=isco_code(best, self.linker))


class MemoryConcepts:
    """A concept store inside this process, shared by the runs of a worker."""

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self.by_version: dict[str, dict[str, Concept]] = {}

    def fetch(self, version: str, texts: Sequence[str]) -> Mapping[str, Concept]:
        """Return the concepts known for these texts."""
        known = self.by_version.get(version, {})
        return {t: known[t] for t in texts if t in known}

    def keep(self, version: str, concepts: Mapping[str, Concept]) -> None:
        """Remember concepts; forget everything when the limit is passed (rare, cheap)."""
        known = self.by_version.setdefault(version, {})
        if len(known) + len(concepts) > self.limit:
            known.clear()
        known.update(concepts)


class LayeredConcepts:
    """Look in a fast store first, then a slower one; keep new concepts in both."""

    def __init__(self, fast: ConceptStore, slow: ConceptStore) -> None:
        self.fast, self.slow = fast, slow

    def fetch(self, version: str, texts: Sequence[str]) -> Mapping[str, Concept]:
        """Return the concepts either store knows, filling the fast one from the slow one."""
        found = dict(self.fast.fetch(version, texts))
        missing = [t for t in texts if t not in found]
        if missing:
            slow = self.slow.fetch(version, missing)
            self.fast.keep(version, slow)
            found.update(slow)
        return found

    def keep(self, version: str, concepts: Mapping[str, Concept]) -> None:
        """Keep concepts in both stores."""
        self.fast.keep(version, concepts)
        self.slow.keep(version, concepts)


@dataclass(frozen=True)
class _UriHit:
    uri: str


def level_matrix(rows: Sequence[Concept], cols: Sequence[Concept]) -> npt.NDArray[np.float32]:
    """Return the credit for the closest level at which each row and column concept agree."""
    out = np.zeros((len(rows), len(cols)), dtype=np.float32)
    levels = [(lambda c: c.uri, LEVEL_CREDIT[0])] + [
        (lambda c, n=n: c.isco[:n] if len(c.isco) >= n else "", credit)
        for n, credit in zip((4, 3, 2), LEVEL_CREDIT[1:], strict=True)
    ]
    # Coarse levels first, so that a closer level agreeing overwrites their credit.
    for key, credit in reversed(levels):
        for row_ids, col_ids in _agreeing([key(c) for c in rows], [key(c) for c in cols]):
            out[np.ix_(row_ids, col_ids)] = credit
    return out


def _agreeing(
    a: list[str], b: list[str]
) -> Iterator[tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]]:
    """Yield per value that both sides have (not empty) the positions of it on each side."""
    # Only the agreeing cells are written: most pairs share no group at all.
    on_b: dict[str, list[int]] = {}
    for j, value in enumerate(b):
        if value:
            on_b.setdefault(value, []).append(j)
    on_a: dict[str, list[int]] = {}
    for i, value in enumerate(a):
        if value in on_b:
            on_a.setdefault(value, []).append(i)
    for value, row_ids in on_a.items():
        yield np.array(row_ids, dtype=np.intp), np.array(on_b[value], dtype=np.intp)


class NullLinker:
    """A linker that finds nothing: matching then leans on titles, skills and text only."""

    def link_many(self, texts: list[str], k: int = 10) -> list[list[Hit]]:
        """Return no hits for every text."""
        return [[] for _text in texts]


@cache
def process_concepts() -> MemoryConcepts:
    """Return the concept store this process shares between its runs."""
    return MemoryConcepts()
