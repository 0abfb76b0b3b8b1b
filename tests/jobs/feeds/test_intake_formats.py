"""Each published shape (tests/data/feeds/intake) reads as its hand-written expected records."""

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from jobs.feeds.jsonld import parse_jobposting_page
from jobs.feeds.records import VacancyRecord
from jobs.feeds.rss import parse_feed
from jobs.feeds.tabular import parse_csv

INTAKE = Path(__file__).parents[2] / "data" / "feeds" / "intake"
PARSERS = {
    "vacatures_excel.csv": parse_csv,
    "vacatures_comma.csv": parse_csv,
    "werkzoeken.rss": parse_feed,
    "jobboard_en.rss": parse_feed,
    "vacatures_ns.atom": parse_feed,
}
PAGES = [
    "yoast_graph.html",
    "several_places.html",
    "address_string.html",
    "microdata_time.html",
    "agency_flexwerk.html",
    "nearmiss_careers.html",
]


def expected(name: str) -> list[dict[str, Any]]:
    stem = name.rsplit(".", 1)[0] if name.endswith((".csv", ".html")) else name
    truth: list[dict[str, Any]] = json.loads((INTAKE / f"{stem}.expected.json").read_text())
    return truth


def as_truth(record: VacancyRecord, names: list[str]) -> dict[str, Any]:
    values = {name: getattr(record, name) for name in names}
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def check(records: list[VacancyRecord], truth: list[dict[str, Any]]) -> None:
    assert [r.external_id for r in records] == [t["external_id"] for t in truth]
    for record, want in zip(records, truth, strict=True):
        want = {k: v for k, v in want.items() if k != "same_as"}
        assert as_truth(record, list(want)) == want


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_feeds_and_exports_read_as_published(name: str) -> None:
    records, _ = PARSERS[name]((INTAKE / name).read_bytes())
    check(records, expected(name))


@pytest.mark.parametrize("name", PAGES)
def test_career_pages_read_as_published(name: str) -> None:
    records, errors = parse_jobposting_page((INTAKE / name).read_bytes(), url=f"https://x/{name}")
    assert errors == []
    check(records, expected(name))


def test_excel_export_has_no_kind_or_capacity_and_gets_vacancy_one() -> None:
    records, errors = parse_csv((INTAKE / "vacatures_excel.csv").read_bytes())
    assert errors == [] and {(r.kind, r.capacity) for r in records} == {("vacancy", 1)}


def test_a_bad_row_names_its_line_and_column_in_dutch() -> None:
    _, errors = parse_csv((INTAKE / "vacatures_comma.csv").read_bytes())
    [error] = errors
    assert error.item == "regel 5"
    assert error.reason == "kolom 'Job title' (title): is verplicht maar leeg"


def test_a_multi_line_cell_does_not_shift_the_line_numbers_after_it() -> None:
    data = b'Vacaturenummer;Functie;Postcode\r\nA;"Kok\r\nmet ervaring";1271\r\nB;;1271\r\n'
    records, errors = parse_csv(data)
    assert records[0].title == "Kok\nmet ervaring"
    assert [e.item for e in errors] == ["regel 4"]


def test_broken_json_ld_is_an_error_naming_the_page() -> None:
    url = "https://www.salon-knip.example/vacatures/kapper"
    records, errors = parse_jobposting_page((INTAKE / "broken_jsonld.html").read_bytes(), url=url)
    assert records == []
    [error] = errors
    assert error.item.startswith(url) and "ongeldige JSON-LD" in error.reason


def test_the_agency_is_kept_beside_the_employer_it_names() -> None:
    records, _ = parse_jobposting_page((INTAKE / "agency_flexwerk.html").read_bytes(), url="u")
    assert records[0].employer_name == "Transportbedrijf Van Dijk"
    assert records[0].raw["agency"] == "FlexWerk Uitzendbureau"


def test_a_feed_entity_attack_is_still_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<rss xmlns:job="urn:x"><channel><item><title>&b;</title><guid>1</guid>'
        b"<job:werkgever>X</job:werkgever></item></channel></rss>"
    )
    records, errors = parse_feed(bomb)
    assert records == [] and errors[0].fatal
