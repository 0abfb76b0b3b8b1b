"""The ESCO taxonomy shipped in the package: occupations, ISCO groups and skills (Dutch)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from matcher.taxonomy_build import TAXONOMY_FILE

ISCO_URI_PREFIX = "http://data.europa.eu/esco/isco/C"


@dataclass(frozen=True)
class Occupation:
    """An ESCO occupation with its Dutch labels, ISCO-08 unit group and ESCO code (5120.1)."""

    uri: str
    label: str
    alt_labels: tuple[str, ...]
    hidden_labels: tuple[str, ...]
    isco_code: str
    essential_skills: tuple[int, ...] = ()
    optional_skills: tuple[int, ...] = ()
    code: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        """Return the preferred, alternative and hidden labels, preferred first."""
        return (self.label, *self.alt_labels, *self.hidden_labels)


@dataclass(frozen=True)
class IscoGroup:
    """An ISCO-08 group; its parent is the group whose code is one digit shorter."""

    uri: str
    code: str
    label: str


@dataclass(frozen=True)
class Skill:
    """An ESCO skill or knowledge concept with a Dutch (or else English) label."""

    uri: str
    label: str
    lang: str
    alt_labels: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class SkillGroup:
    """An ESCO skill group."""

    uri: str
    code: str
    label: str


@dataclass(frozen=True, eq=False)
class Taxonomy:
    """Everything the matcher needs from ESCO, loaded from the shipped file."""

    occupations: tuple[Occupation, ...]
    isco_groups: tuple[IscoGroup, ...]
    skills: tuple[Skill, ...]
    skill_groups: tuple[SkillGroup, ...]
    attribution: str
    _isco_index: dict[str, IscoGroup] = field(init=False, repr=False)
    _occupation_index: dict[str, Occupation] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Frozen: the lookup tables are filled once here, then never change.
        isco = {group.code: group for group in self.isco_groups}
        object.__setattr__(self, "_isco_index", isco)
        occupations = {occupation.uri: occupation for occupation in self.occupations}
        object.__setattr__(self, "_occupation_index", occupations)

    @classmethod
    def default(cls) -> Taxonomy:
        """Return the taxonomy shipped in matcher/data, loaded once per process."""
        return _load_default()

    def isco_ancestors(self, code: str) -> list[IscoGroup]:
        """Return the ISCO groups from this code up to the major group, narrowest first."""
        prefixes = [code[:n] for n in range(len(code), 0, -1)]
        return [self._isco_index[prefix] for prefix in prefixes if prefix in self._isco_index]

    def occupation(self, uri: str) -> Occupation | None:
        """Return the occupation with this URI, if it exists."""
        return self._occupation_index.get(uri)


def load_taxonomy(path: Path) -> Taxonomy:
    """Load a taxonomy file written by matcher.taxonomy_build.build_taxonomy."""
    with gzip.open(path, "rt", encoding="utf-8") as source:
        return _from_payload(json.load(source))


@cache
def _load_default() -> Taxonomy:
    packed = resources.files("matcher") / "data" / TAXONOMY_FILE
    with resources.as_file(packed) as path:
        return load_taxonomy(path)


def _from_payload(payload: dict[str, Any]) -> Taxonomy:
    occupations = tuple(
        Occupation(
            uri=o["uri"],
            label=o["label"],
            alt_labels=tuple(o["alt"]),
            hidden_labels=tuple(o["hidden"]),
            isco_code=o["isco"],
            essential_skills=tuple(o["essential"]),
            optional_skills=tuple(o["optional"]),
            code=o.get("code", ""),
        )
        for o in payload["occupations"]
    )
    skills = tuple(
        Skill(s["uri"], s["label"], s["lang"], tuple(s["alt"]), tuple(s["groups"]))
        for s in payload["skills"]
    )
    return Taxonomy(
        occupations=occupations,
        isco_groups=tuple(
            IscoGroup(g["uri"], g["code"], g["label"]) for g in payload["isco_groups"]
        ),
        skills=skills,
        skill_groups=tuple(
            SkillGroup(g["uri"], g["code"], g["label"]) for g in payload["skill_groups"]
        ),
        attribution=payload["attribution"],
    )
