"""The shipped ESCO file, its builder from raw ESCO CSVs, and the taxonomy commands."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.taxonomy import Taxonomy, load_taxonomy
from matcher.taxonomy_build import TAXONOMY_FILE, build_taxonomy, split_labels
from matcher.taxonomy_cli import taxonomy

OCC = "http://data.europa.eu/esco/occupation/"
SKILL = "http://data.europa.eu/esco/skill/"
KOK = "http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e"


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _zip(path: Path, members: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)


@pytest.fixture
def esco_dir(tmp_path: Path) -> Path:
    """Write a tiny ESCO download: two occupations, four ISCO groups, three skills."""
    folder = tmp_path / "esco"
    folder.mkdir()
    occupations = _csv_text(
        ["conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels"]
        + ["status", "code"],
        [
            [
                "Occupation",
                OCC + "kok",
                "5120",
                "kok",
                "kokkin\nchef-kok\n",
                "",
                "released",
                "5120.1",
            ],
            [
                "Occupation",
                OCC + "bakker",
                "7512",
                "bakker",
                "bakster",
                "broodbakker",
                "released",
                "",
            ],
        ],
    )
    (folder / "occupations_nl_v1.2.0.csv").write_text(occupations, encoding="utf-8")
    groups = [
        ["ISCOGroup", f"http://data.europa.eu/esco/isco/C{c}", c, f"groep {c}"]
        for c in ("5", "51", "512", "5120")
    ]
    header = ["conceptType", "conceptUri", "code", "preferredLabel"]
    (folder / "ISCOGroups_nl_v1.2.0.csv").write_text(_csv_text(header, groups), encoding="utf-8")
    skill_groups = [["SkillGroup", SKILL + "g1", "vaardigheden", "S1"]]
    header = ["conceptType", "conceptUri", "preferredLabel", "code"]
    (folder / "skillGroups_nl_v1.2.0.csv").write_text(
        _csv_text(header, skill_groups), encoding="utf-8"
    )
    mapping_header = [
        "Classification 1 URI",
        "Classification 1 ID",
        "Classification 1 PrefLabel",
        "Classification 1 URL",
        "Classification 2 URI",
        "Classification 2 ID",
        "Classification 2 PrefLabel FR",
        "Classification 2 PrefLabel NL",
        "Classification 2 URL",
        "Mapping Relation",
        "Editorial Note",
    ]
    mapping_rows = [
        [
            "s1",
            "",
            "koken",
            SKILL + "s1",
            "",
            "",
            "Cuisiner",
            "Kookkunst",
            "",
            "skos:exactMatch",
            "",
        ]
    ]
    mapping = "Mapping project name,test,,,,,,,,,\n,,,,,,,,,,\n"
    mapping += _csv_text(mapping_header, mapping_rows)
    (folder / "ESCO_v1.0.3_skills_nl_to_VDAB_Competent_mapping.csv").write_text(
        mapping, encoding="utf-8"
    )
    skills = _csv_text(
        ["conceptType", "conceptUri", "skillType", "preferredLabel", "altLabels"],
        [
            ["KnowledgeSkillCompetence", SKILL + f"s{i}", "skill/competence", f"skill {i}", ""]
            for i in (1, 2, 3)
        ],
    )
    _zip(folder / "ESCO_v1.1.1_classification_en.zip", {"skills_en.csv": skills})
    relations = _csv_text(
        ["occupationUri", "relationType", "skillType", "skillUri"],
        [
            [OCC + "kok", "essential", "skill/competence", SKILL + "s1"],
            [OCC + "kok", "optional", "skill/competence", SKILL + "s2"],
            [OCC + "gone", "essential", "skill/competence", SKILL + "s3"],
        ],
    )
    broader = _csv_text(
        ["conceptType", "conceptUri", "broaderType", "broaderUri"],
        [["KnowledgeSkillCompetence", SKILL + "s1", "SkillGroup", SKILL + "g1"]],
    )
    _zip(
        folder / "ESCO_v1.1.1_relations_language-independent.zip",
        {"occupationSkillRelations.csv": relations, "broaderRelationsSkillPillar.csv": broader},
    )
    return folder


def test_build_counts_the_fixture(esco_dir: Path, tmp_path: Path) -> None:
    counts = build_taxonomy(esco_dir, tmp_path / "out")
    assert counts == {
        "occupations": 2,
        "occupation_labels": 6,
        "isco_groups": 4,
        "skills": 3,
        "skills_nl": 1,
        "skill_groups": 1,
        "relations": 2,
    }


def test_built_file_loads_with_labels_relations_and_dutch_skills(
    esco_dir: Path, tmp_path: Path
) -> None:
    build_taxonomy(esco_dir, tmp_path)
    loaded = load_taxonomy(tmp_path / TAXONOMY_FILE)
    kok = loaded.occupation(OCC + "kok")
    assert kok is not None
    assert kok.alt_labels == ("kokkin", "chef-kok")
    assert [loaded.skills[i].label for i in kok.essential_skills] == ["koken"]
    assert loaded.skills[0].alt_labels == ("Kookkunst", "skill 1")
    assert loaded.skills[0].groups == (SKILL + "g1",)
    assert [g.code for g in loaded.isco_ancestors("5120")] == ["5120", "512", "51", "5"]


def test_rebuild_is_byte_identical(esco_dir: Path, tmp_path: Path) -> None:
    build_taxonomy(esco_dir, tmp_path / "a")
    build_taxonomy(esco_dir, tmp_path / "b")
    first = (tmp_path / "a" / TAXONOMY_FILE).read_bytes()
    assert first == (tmp_path / "b" / TAXONOMY_FILE).read_bytes()


def test_split_labels_drops_blank_lines() -> None:
    assert split_labels("a\n\n b \n") == ["a", "b"]


def test_shipped_taxonomy_loads_from_the_package_alone() -> None:
    shipped = Taxonomy.default()
    assert len(shipped.occupations) > 3000
    assert len(shipped.skills) > 13000
    kok = shipped.occupation(KOK)
    assert kok is not None and kok.label == "kok" and kok.isco_code == "5120"
    assert "This service uses the ESCO classification" in shipped.attribution
    assert Taxonomy.default() is shipped


def test_build_command_writes_both_files(esco_dir: Path, tmp_path: Path) -> None:
    geo = tmp_path / "geo.txt"
    geo.write_text("NL\t1271\tHuizen\tNoord-Holland\tNH\tHuizen\t0406\t\t\t52.3\t5.24\t6\n")
    dest = tmp_path / "data"
    result = CliRunner().invoke(
        taxonomy, ["build", "--esco", str(esco_dir), "--geo", str(geo), "--dest", str(dest)]
    )
    assert result.exit_code == 0, result.output
    assert "occupations: 2" in result.output and "pc4: 1" in result.output
    assert (dest / TAXONOMY_FILE).is_file() and (dest / "pc4.csv.gz").is_file()


def test_linker_runs_without_the_shared_reference_data() -> None:
    repo = Path(__file__).resolve().parents[2]
    shared = str(repo.parent / "shared")
    # An audit hook fails any open() under ../shared, so only matcher/data can be used.
    code = (
        "import sys\n"
        "def guard(event, args):\n"
        f"    if event == 'open' and str(args[0]).startswith({shared!r}):\n"
        "        raise RuntimeError(f'opened {args[0]}')\n"
        "sys.addaudithook(guard)\n"
        "from matcher.occupations import OccupationLinker\n"
        "print(OccupationLinker.default().link('kokkin')[0].uri)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == KOK
