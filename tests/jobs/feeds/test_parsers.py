"""Parsers are pure: bytes in, records and errors (naming line or item, and reason) out."""

from datetime import date
from pathlib import Path

import pytest

from jobs.feeds.jsonld import parse_jobposting_page
from jobs.feeds.rss import parse_feed
from jobs.feeds.sitemap import parse_sitemap
from jobs.feeds.tabular import parse_csv, parse_jsonl
from jobs.feeds.upload import parse_upload

FEEDS = Path(__file__).parents[2] / "data" / "feeds"


def read(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


@pytest.mark.parametrize("syntax", ["jsonld", "microdata", "rdfa"])
def test_schema_org_software_engineer_in_every_syntax(syntax: str) -> None:
    records, errors = parse_jobposting_page(
        read(f"schemaorg_software_engineer_{syntax}.html"), url="https://abc.example/jobs/1"
    )
    assert errors == []
    [job] = records
    assert job.title == "Software Engineer"
    assert job.municipality == "Kirkland"
    assert (job.hours_min, job.hours_max) == (40, 40)
    assert job.posted_on == date(2011, 10, 31)
    assert job.external_id == "https://abc.example/jobs/1"
    # The JSON-LD example names no hiring organisation; microdata and RDFa do.
    assert job.employer_name == (None if syntax == "jsonld" else "ABC Company Inc.")


@pytest.mark.parametrize(
    ("name", "title", "employer"),
    [
        ("mobile_app_developer", "Mobile App Developer", "ACME Software"),
        ("telecommute", "Telecommute from anywhere in USA!", None),
        ("systems_research_engineer", "Systems Research Engineer", None),
        ("experience_instead_of_education", "Software Engineer", None),
    ],
)
def test_other_schema_org_examples(name: str, title: str, employer: str | None) -> None:
    records, errors = parse_jobposting_page(read(f"schemaorg_{name}_jsonld.html"), url="u")
    assert errors == []
    assert [(r.title, r.employer_name) for r in records] == [(title, employer)]


def test_dutch_career_page_with_graph_and_a_broken_script() -> None:
    records, errors = parse_jobposting_page(read("careers_bakkerij.html"), url="https://b/")
    first, second = records
    assert first.external_id == "K-101"
    assert first.employer_name == "Bakkerij De Gooische Korst B.V."
    assert (first.postcode, first.municipality) == ("1271AB", "Huizen")
    assert (first.hours_min, first.hours_max) == (24, 32)
    assert (first.posted_on, first.closes_on) == (date(2026, 11, 2), date(2026, 12, 31))
    assert first.description == "Je helpt bij het bakken & verkopen."
    assert (second.external_id, second.hours_min) == ("K-102", 38)
    # The error names the page, so the admin can open it.
    assert [(e.item, e.fatal) for e in errors] == [("https://b/ script 2", False)]
    assert "ongeldige JSON-LD" in errors[0].reason


def test_a_posting_without_title_is_an_error_and_the_rest_is_kept() -> None:
    records, errors = parse_jobposting_page(read("careers_zorg.html"), url="https://z/")
    assert [r.external_id for r in records] == ["Z-7"]
    assert errors[0].item == "https://z/ vacature 2"
    assert "titel" in errors[0].reason and "Z-8" in errors[0].raw


def test_rss_items_with_job_extensions() -> None:
    records, errors = parse_feed(read("vacatures.rss"))
    first, second = records
    assert (first.external_id, first.title, first.employer_name) == (
        "rss-1",
        "Magazijnmedewerker",
        "Logistiek Gooi",
    )
    assert (first.postcode, first.hours_min, first.hours_max) == ("1271AB", 32, 40)
    assert (first.posted_on, first.closes_on) == (date(2026, 11, 16), date(2026, 12, 20))
    assert second.employer_name == "Schoon & Zo"
    assert [(e.item, e.fatal) for e in errors] == [("item 3", False)]


def test_atom_entries() -> None:
    [entry], errors = parse_feed(read("vacatures.atom"))
    assert errors == []
    assert entry.external_id == "urn:uuid:atom-1"
    assert entry.url == "https://example.invalid/atom/1"
    assert entry.employer_name == "Gemeente Blaricum"
    assert entry.posted_on == date(2026, 11, 18)


def test_xml_never_resolves_external_entities() -> None:
    records, errors = parse_feed(read("xxe.xml"))
    assert records == []
    [error] = errors
    assert error.fatal and "geweigerd" in error.reason
    assert "root:" not in error.reason + error.raw


def test_broken_xml_is_one_fatal_error() -> None:
    records, errors = parse_feed(read("vacatures.rss")[:300])
    assert records == [] and errors[0].fatal


def test_sitemap_urls_and_bad_locations() -> None:
    entries, errors = parse_sitemap(read("sitemap.xml").replace(b"{base}", b"http://h"))
    assert entries.pages == ["http://h/werken-bij/bakkerij", "http://h/werken-bij/zorg"]
    assert [e.item for e in errors] == ["sitemap item 3"]
    index, _ = parse_sitemap(read("sitemap_index.xml").replace(b"{base}", b"http://h"))
    assert index.sitemaps == ["http://h/sitemap.xml"] and index.pages == []


def test_csv_in_the_interchange_format_names_the_bad_lines() -> None:
    records, errors = parse_csv(read("vacatures.csv"))
    assert [(r.external_id, r.kind, r.postcode) for r in records] == [
        # The full postcode as written, like every other format (matching uses its PC4).
        ("csv-1", "vacancy", "1271AB"),
        ("csv-2", "placement", "1251AA"),
    ]
    assert records[0].skills == ["koken", "hygiëne"] and records[0].education_level == "mbo2"
    assert [e.item for e in errors] == ["regel 4", "regel 5"]
    assert "postcode" in errors[0].reason and "kind" in errors[1].reason


def test_semicolon_csv_as_dutch_excel_writes_it() -> None:
    data = "id;kind;title;postcode;capacity\nx-1;vacancy;Kok;1271 AB;1\n".encode("cp1252")
    records, errors = parse_csv(data)
    assert [(r.external_id, r.title) for r in records] == [("x-1", "Kok")] and errors == []


def test_json_lines_keep_going_after_bad_lines() -> None:
    records, errors = parse_jsonl(read("vacatures.jsonl"))
    assert [r.external_id for r in records] == ["jl-1", "jl-2"]
    assert [e.item for e in errors] == ["regel 3", "regel 4", "regel 5"]
    assert "closes_on" in errors[2].reason


def test_upload_picks_the_parser_by_file_name() -> None:
    assert len(parse_upload(read("vacatures.csv"), "Vacatures.CSV")[0]) == 2
    assert len(parse_upload(read("vacatures.jsonl"), "v.jsonl")[0]) == 2
    records, errors = parse_upload(b"x", "vacatures.pdf")
    assert records == [] and errors[0].fatal
