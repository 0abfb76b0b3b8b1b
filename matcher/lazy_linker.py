"""The shipped occupation linker, built only when a run meets a title not linked before.

Building the linker takes seconds (label and description indexes, compound splitting);
a weekly run whose titles the database already links (``linked_concepts``) needs none of
it. Its version is therefore a fingerprint of what the built linker would depend on (the
source of every matcher module it imports and the shipped data), so it is known without
building, and any change to the linker's code or data makes every stored link a miss.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from matcher.linking import Hit, Linker
from matcher.taxonomy import Taxonomy

ROOT_MODULE = "matcher.occupations"
DATA_SUFFIXES = (".gz", ".tsv", ".json")


class LazyLinker:
    """Links like ``OccupationLinker.default()``; builds it at the first title to link."""

    def __init__(self, *, rerank: bool = True) -> None:
        self.rerank = rerank
        self.version = shipped_version(rerank)

    def built(self) -> Linker:
        """Return the real linker, built once per process."""
        from matcher.occupations import OccupationLinker

        linker: Linker = OccupationLinker.default(rerank=self.rerank)
        return linker

    def link_many(self, texts: list[str], k: int = 10) -> Sequence[Sequence[Hit]]:
        """Link titles with the real linker."""
        return self.built().link_many(texts, k)

    def isco_code(self, uri: str) -> str:
        """Return the ISCO-08 code of an occupation or ISCO group URI, without building."""
        return _isco_codes().get(uri, "")


@cache
def _isco_codes() -> dict[str, str]:
    taxonomy = Taxonomy.default()
    codes = {o.uri: o.isco_code for o in taxonomy.occupations}
    return codes | {g.uri: g.code for g in taxonomy.isco_groups}


@cache
def shipped_version(rerank: bool = True) -> str:
    """Return a fingerprint of the linker's code and data, the same in every process."""
    digest = hashlib.sha256()
    for name in sorted(linker_modules()):
        digest.update(name.encode("utf-8") + b"\0" + _source(name) + b"\0")
    data = resources.files("matcher") / "data"
    for item in sorted(data.iterdir(), key=lambda i: i.name):
        if item.name.endswith(DATA_SUFFIXES):
            digest.update(item.name.encode("utf-8") + b"\0" + item.read_bytes())
    return f"OccupationLinker-{'r' if rerank else 'p'}-{digest.hexdigest()[:16]}"


def linker_modules(root: str = ROOT_MODULE) -> set[str]:
    """Return the matcher modules the linker's module imports, directly or not."""
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += sorted(_matcher_imports(name) - seen)
    return seen


def _matcher_imports(name: str) -> set[str]:
    tree = ast.parse(_source(name))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("matcher.")}
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "matcher":
                found |= {f"matcher.{a.name}" for a in node.names}
            elif node.module.startswith("matcher."):
                found.add(node.module)
    return {m for m in found if importlib.util.find_spec(m) is not None}


def _source(name: str) -> bytes:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return b""
    return Path(spec.origin).read_bytes()
