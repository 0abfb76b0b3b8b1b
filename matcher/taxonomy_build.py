"""Build the compact ESCO file shipped in ``matcher/data`` from an official ESCO download.

Only this module reads the raw ESCO CSVs; at run time :mod:`matcher.taxonomy` loads the
result. The file is gzipped JSON (never pickle) so a rebuild from a newer ESCO release is
just another run of ``zow taxonomy build``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

TAXONOMY_FILE = "esco_nl.json.gz"
ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
_OCCUPATIONS = "occupations_nl_*.csv"
_ISCO_GROUPS = "ISCOGroups_nl_*.csv"
_SKILL_GROUPS = "skillGroups_nl_*.csv"
_SKILLS_NL = "*skills_nl_to_VDAB*.csv"
_CLASSIFICATION_EN = "*classification_en*.zip"
_RELATIONS = "*relations*.zip"
# VDAB labels that mean the same as the ESCO skill are safe extra Dutch synonyms.
_SYNONYM_MAPPINGS = {"skos:exactMatch", "skos:closeMatch"}


def split_labels(cell: str) -> list[str]:
    """Split an ESCO multi-valued label cell (one label per line) into clean labels."""
    return [label.strip() for label in cell.split("\n") if label.strip()]


def _find(esco_dir: Path, pattern: str) -> Path:
    """Return the single file in the ESCO folder that matches a glob pattern."""
    matches = sorted(esco_dir.glob(pattern))
    if not matches:
        raise FileNotFoundError(f"no {pattern} in {esco_dir}")
    return matches[-1]


def _read_csv(path: Path) -> list[dict[str, str]]:
    """Read a CSV with quoted multi-line fields into dictionaries."""
    with path.open(encoding="utf-8-sig", newline="") as source:
        return list(csv.DictReader(source))


def _read_zipped_csv(archive: Path, member: str) -> Iterator[dict[str, str]]:
    """Yield the rows of one CSV inside a zip archive."""
    with zipfile.ZipFile(archive) as packed, packed.open(member) as raw:
        yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))


def _occupations(esco_dir: Path) -> list[dict[str, Any]]:
    """Return occupations with their Dutch labels and ISCO code."""
    rows = _read_csv(_find(esco_dir, _OCCUPATIONS))
    return [
        {
            "uri": row["conceptUri"],
            "label": row["preferredLabel"].strip(),
            "alt": split_labels(row.get("altLabels", "")),
            "hidden": split_labels(row.get("hiddenLabels", "")),
            "isco": row["iscoGroup"].strip(),
            "code": row.get("code", "").strip(),
        }
        for row in rows
        if row.get("conceptType", "Occupation") == "Occupation"
    ]


def _isco_groups(esco_dir: Path) -> list[dict[str, str]]:
    """Return ISCO groups; their hierarchy follows from the code prefixes."""
    rows = _read_csv(_find(esco_dir, _ISCO_GROUPS))
    groups = [
        {"uri": row["conceptUri"], "code": row["code"].strip(), "label": row["preferredLabel"]}
        for row in rows
    ]
    return sorted(groups, key=lambda group: group["code"])


def _skill_groups(esco_dir: Path) -> list[dict[str, str]]:
    """Return the skill groups with their codes and Dutch labels."""
    rows = _read_csv(_find(esco_dir, _SKILL_GROUPS))
    return [
        {"uri": row["conceptUri"], "code": row.get("code", ""), "label": row["preferredLabel"]}
        for row in rows
    ]


def _dutch_skill_labels(esco_dir: Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Return Dutch preferred labels and VDAB synonyms per skill URI from the mapping table."""
    with _find(esco_dir, _SKILLS_NL).open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source))
    # The table starts with a block of project metadata; the real header names the URI.
    start = next(i for i, row in enumerate(rows) if row and row[0] == "Classification 1 URI")
    header = rows[start]
    preferred: dict[str, str] = {}
    synonyms: dict[str, set[str]] = {}
    for values in rows[start + 1 :]:
        row = dict(zip(header, values, strict=False))
        uri = row.get("Classification 1 URL", "").strip()
        if not uri.startswith("http"):
            continue
        preferred[uri] = row["Classification 1 PrefLabel"].strip()
        vdab = row.get("Classification 2 PrefLabel NL", "").strip()
        if vdab and row.get("Mapping Relation") in _SYNONYM_MAPPINGS:
            synonyms.setdefault(uri, set()).add(vdab)
    return preferred, synonyms


def _skills(esco_dir: Path) -> list[dict[str, Any]]:
    """Return all skills with a Dutch label where one exists, else the English one."""
    dutch, synonyms = _dutch_skill_labels(esco_dir)
    archive = _find(esco_dir, _CLASSIFICATION_EN)
    skills = []
    for row in _read_zipped_csv(archive, "skills_en.csv"):
        uri = row["conceptUri"]
        english = row["preferredLabel"].strip()
        label = dutch.get(uri, english)
        alt = sorted(synonyms.get(uri, set()) - {label})
        if uri in dutch and english != label:
            alt.append(english)  # English terms ("SQL", "Java") are common in Dutch CVs.
        skills.append(
            {
                "uri": uri,
                "label": label,
                "lang": "nl" if uri in dutch else "en",
                "type": row.get("skillType", ""),
                "alt": alt,
            }
        )
    return skills


def _relations(
    esco_dir: Path, occupations: list[dict[str, Any]], skills: list[dict[str, Any]]
) -> tuple[list[list[int]], list[list[int]]]:
    """Return essential and optional skill indexes per occupation index."""
    occupation_index = {occupation["uri"]: i for i, occupation in enumerate(occupations)}
    skill_index = {skill["uri"]: i for i, skill in enumerate(skills)}
    essential: list[list[int]] = [[] for _ in occupations]
    optional: list[list[int]] = [[] for _ in occupations]
    archive = _find(esco_dir, _RELATIONS)
    for row in _read_zipped_csv(archive, "occupationSkillRelations.csv"):
        occupation = occupation_index.get(row["occupationUri"])
        skill = skill_index.get(row["skillUri"])
        if occupation is None or skill is None:
            continue
        target = essential if row["relationType"] == "essential" else optional
        target[occupation].append(skill)
    return [sorted(s) for s in essential], [sorted(s) for s in optional]


def _skill_parents(esco_dir: Path, groups: Iterable[dict[str, str]]) -> dict[str, list[str]]:
    """Return the broader skill groups of each skill, from the skill-pillar relations."""
    known = {group["uri"] for group in groups}
    parents: dict[str, list[str]] = {}
    archive = _find(esco_dir, _RELATIONS)
    for row in _read_zipped_csv(archive, "broaderRelationsSkillPillar.csv"):
        if row["broaderUri"] in known and row["conceptType"] != "SkillGroup":
            parents.setdefault(row["conceptUri"], []).append(row["broaderUri"])
    return parents


def build_taxonomy(esco_dir: Path, dest_dir: Path) -> dict[str, int]:
    """Write the compact Dutch ESCO file into dest_dir and return what it holds."""
    occupations = _occupations(esco_dir)
    skills = _skills(esco_dir)
    skill_groups = _skill_groups(esco_dir)
    essential, optional = _relations(esco_dir, occupations, skills)
    parents = _skill_parents(esco_dir, skill_groups)
    for skill in skills:
        skill["groups"] = sorted(parents.get(skill["uri"], []))
    for occupation, must, may in zip(occupations, essential, optional, strict=True):
        occupation["essential"], occupation["optional"] = must, may
    payload = {
        "format": 1,
        "attribution": ATTRIBUTION,
        "occupations": sorted(occupations, key=lambda occupation: occupation["uri"]),
        "isco_groups": _isco_groups(esco_dir),
        "skills": skills,
        "skill_groups": skill_groups,
    }
    _write_gzip_json(payload, dest_dir / TAXONOMY_FILE)
    return _counts(payload)


def _write_gzip_json(payload: dict[str, Any], dest: Path) -> None:
    """Write JSON gzipped with a fixed mtime so rebuilds are byte-identical."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with dest.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write(data)


def _counts(payload: dict[str, Any]) -> dict[str, int]:
    """Count what the built file holds, for the build command's report."""
    occupations = payload["occupations"]
    return {
        "occupations": len(occupations),
        "occupation_labels": sum(1 + len(o["alt"]) + len(o["hidden"]) for o in occupations),
        "isco_groups": len(payload["isco_groups"]),
        "skills": len(payload["skills"]),
        "skills_nl": sum(1 for skill in payload["skills"] if skill["lang"] == "nl"),
        "skill_groups": len(payload["skill_groups"]),
        "relations": sum(len(o["essential"]) + len(o["optional"]) for o in occupations),
    }
