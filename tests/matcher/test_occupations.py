"""The Dutch occupation linker on hard, messy titles, checked against ESCO URIs."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from matcher.occupations import Hit, OccupationLinker
from matcher.taxonomy import ISCO_URI_PREFIX, Taxonomy
from matcher.taxonomy_cli import occupations

OCC = "http://data.europa.eu/esco/occupation/"
LOGISTIEK_MEDEWERKER = OCC + "c8b296be-54ae-48cf-be21-031fa8457937"
MAGAZIJNMEDEWERKER = OCC + "bea705fe-06ac-4147-b8e0-6e8ac1208d8f"
ORDERPICKER = OCC + "cd94def5-3442-4c2e-ae3d-0761a3008bcb"
VRACHTWAGENCHAUFFEUR = OCC + "45037d43-a8f5-4f46-b332-b2935bc305f4"
KOK = OCC + "90f75f67-495d-49fa-ab57-2f320e251d7e"
KLANTENSERVICE = OCC + "13d1b2b4-99dd-44da-9734-c9f74bae18f7"
LOOPBAANADVISEUR = OCC + "5d0cc30d-068a-424c-8463-f42872a7149e"


@pytest.fixture(scope="module")
def linker() -> OccupationLinker:
    """Return the linker over the shipped taxonomy."""
    return OccupationLinker.default()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Medewerker Logistiek 32 uur Huizen", LOGISTIEK_MEDEWERKER),
        ("magazijnmedewerkster", MAGAZIJNMEDEWERKER),
        ("Medewerker magazijn (m/v/x) fulltime", MAGAZIJNMEDEWERKER),
        ("magazijnmedewekrer", MAGAZIJNMEDEWERKER),
        ("orderpicker (m/v)", ORDERPICKER),
        ("Vrachtwagenchauffeur", VRACHTWAGENCHAUFFEUR),
        ("vrachtwagenchaufeur", VRACHTWAGENCHAUFFEUR),
        ("kok", KOK),
        ("Kokkin gezocht in Den Haag", KOK),
        ("Senior loopbaanadviseuse", LOOPBAANADVISEUR),
    ],
)
def test_messy_titles_link_to_the_right_occupation(
    linker: OccupationLinker, title: str, expected: str
) -> None:
    assert linker.link(title, k=5)[0].uri == expected


def test_abbreviated_title_finds_customer_service(linker: OccupationLinker) -> None:
    hits = linker.link("mdw klantenservice", k=5)
    assert KLANTENSERVICE in [hit.uri for hit in hits[:2]]


@pytest.mark.parametrize(
    ("title", "isco_prefixes"),
    [("verpleegkundige", ("222", "322", "134")), ("schoonmaker", ("911",))],
)
def test_vague_titles_land_in_the_right_isco_group(
    linker: OccupationLinker, title: str, isco_prefixes: tuple[str, ...]
) -> None:
    top = linker.link(title, k=3)[0]
    assert linker.isco_code(top.uri).startswith(isco_prefixes)


@pytest.mark.parametrize("title", ["Verkoper, kleding", "Leidinggevende, wegenwerken"])
def test_a_fitting_occupation_comes_before_a_broad_group_matched_on_its_label(
    linker: OccupationLinker, title: str
) -> None:
    # Their labels match the groups "Verkopers" (52) and "Leidinggevende functies" (1).
    assert not linker.link(title, k=5)[0].uri.startswith(ISCO_URI_PREFIX)


def test_isco_groups_back_off_for_the_occupation(linker: OccupationLinker) -> None:
    uris = [hit.uri for hit in linker.link("kok", k=5)]
    assert ISCO_URI_PREFIX + "5120" in uris


def test_hits_are_frozen_sorted_and_carry_dutch_labels(linker: OccupationLinker) -> None:
    hits = linker.link("kok", k=10)
    assert 0 < len(hits) <= 10
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert hits[0] == Hit(KOK, "kok", 1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        hits[0].score = 0.5  # type: ignore[misc]


def test_link_many_keeps_input_order(linker: OccupationLinker) -> None:
    titles = ["kok", "orderpicker", "", "magazijnmedewerker", "kok"]
    batch = linker.link_many(titles, k=3)
    assert [hits[0].uri if hits else None for hits in batch] == [
        KOK,
        ORDERPICKER,
        None,
        MAGAZIJNMEDEWERKER,
        KOK,
    ]
    assert batch == [linker.link(title, k=3) for title in titles]


@pytest.mark.parametrize("garbage", ["", "   ", "(m/v) 32 uur", "!!!", "12345", "Huizen"])
def test_empty_or_noise_only_input_gives_no_hits(linker: OccupationLinker, garbage: str) -> None:
    assert linker.link(garbage) == []


def test_gibberish_scores_low(linker: OccupationLinker) -> None:
    assert all(hit.score < 0.5 for hit in linker.link("xqzwv plorkt"))


def test_a_linker_can_be_built_without_a_label(linker: OccupationLinker) -> None:
    assert linker.link("trucker")[0].score >= 0.97
    shipped = Taxonomy.default()
    without = OccupationLinker.from_taxonomy(shipped, exclude={(VRACHTWAGENCHAUFFEUR, "trucker")})
    hits = without.link("trucker", k=20)
    assert not hits or hits[0].score < 0.9


def test_cli_prints_hits() -> None:
    result = CliRunner().invoke(occupations, ["link", "Orderpicker (m/v)", "-k", "3"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0].split("\t")
    assert first == ["1.000", "orderpicker", ORDERPICKER]
    assert len(result.output.splitlines()) <= 3


@pytest.mark.parametrize("title", ["verpleegkundige", "monteur", "mdw klantenservice"])
def test_the_first_hits_do_not_depend_on_k(linker: OccupationLinker, title: str) -> None:
    assert linker.link(title, k=1) == linker.link(title, k=10)[:1]
    assert linker.link(title, k=3) == linker.link(title, k=10)[:3]


def test_a_large_k_only_appends_to_the_first_hits(linker: OccupationLinker) -> None:
    # A pool that grew with k once changed the ISCO support and so the order of the first hits.
    titles = ["Medewerker inbound (magazijn)", "Teamleider kassa", "Sjouwer verhuisbedrijf"]
    titles += ["Verkoper meubelboulevard", "Pakketbezorger PostNL regio Utrecht"]
    for few, many in zip(
        linker.link_many(titles, k=10), linker.link_many(titles, k=100), strict=True
    ):
        assert many[: len(few)] == few
        assert len(many) > len(few)
        assert [hit.score for hit in many] == sorted((hit.score for hit in many), reverse=True)
