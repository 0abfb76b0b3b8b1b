"""The shipped list of Dutch occupation names ESCO lacks: well formed, unambiguous, used."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from matcher.occupations import OccupationLinker
from matcher.taxonomy import Taxonomy
from matcher.title_synonyms import SYNONYM_FILE, synonym_labels


def _lines() -> list[tuple[int, str, str]]:
    """Return (line number, name, ESCO label) for every data line of the shipped list."""
    text = (resources.files("matcher") / "data" / SYNONYM_FILE).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            name, _, label = line.partition("\t")
            rows.append((number, name, label))
    return rows


@pytest.fixture(scope="module")
def linker() -> OccupationLinker:
    """Return the shipped linker (built once per process)."""
    return OccupationLinker.default()


@pytest.fixture(scope="module")
def plain() -> OccupationLinker:
    """Return a linker over ESCO's own labels only, by spelling alone.

    Without word meaning too: the word vectors know the synonyms' words, and some of these
    names reach their occupation by meaning alone ("Vluchtelingenwerker").
    """
    return OccupationLinker.from_taxonomy(Taxonomy.default(), synonyms=False, meaning=False)


def test_every_line_is_a_name_a_tab_and_one_label() -> None:
    for number, name, label in _lines():
        assert name.strip() and label.strip(), f"regel {number}"
        assert "\t" not in label, f"regel {number}: more than one tab"


def test_no_name_points_to_two_occupations(linker: OccupationLinker) -> None:
    # Names the linker reads the same ("bso-medewerker", "BSO medewerker") must agree.
    seen: dict[str, tuple[int, str]] = {}
    for number, name, label in _lines():
        key = linker.index.analyse_label(name).key
        first = seen.setdefault(key, (number, label))
        assert first[1] == label, f"regel {number} and {first[0]}: {name!r}"


def test_a_wrong_label_fails_with_its_line_number(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    taxonomy = Taxonomy.default()  # read before the package files are swapped below
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / SYNONYM_FILE).write_text(
        "# comment\nkraamhulp\tkraamverzorgende\nkapster\tkapsalon\n", encoding="utf-8"
    )
    # The loader reads through importlib.resources, the module patched here for this test.
    monkeypatch.setattr(resources, "files", lambda _package: tmp_path)
    with pytest.raises(ValueError, match="regel 3"):
        synonym_labels(taxonomy)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Kraamhulp (m/v)", "kraamverzorgende"),
        ("Vluchtelingenwerker 24 uur", "maatschappelijk werker begeleiding allochtonen"),
        ("Trekkerchauffeur", "landbouwmachinist"),
        ("Pianodocent", "muziekleraar"),
        ("Laadpaalmonteur Utrecht", "monteur elektrische installaties"),
        ("Friturist", "medewerker fastfood"),
        ("Bijlesdocent wiskunde", "privéleraar/privélerares"),
    ],
)
def test_names_esco_lacks_reach_their_occupation(
    linker: OccupationLinker, plain: OccupationLinker, title: str, expected: str
) -> None:
    assert linker.link(title, k=5)[0].label == expected
    assert plain.link(title, k=5)[0].label != expected
