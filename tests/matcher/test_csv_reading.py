"""The one CSV rule: encodings, delimiters, Dutch headers and cell conventions."""

import pytest

from matcher.address import normalise_postcode, split_address
from matcher.csv_reading import (
    OPPORTUNITY_HEADERS,
    VACANCY_DEFAULTS,
    hours_range,
    iso_date,
    licence_needed,
    read_csv,
    sniff_delimiter,
)


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("id;kind;title", ";"),
        ("id,kind,title", ","),
        ('Job ID,Title,"Skills (separated by ;)",Hours', ","),
        ("Job ID,Title,Skills (a;b),Hours", ","),
        ('"Omschrijving, kort";Titel;Plaats', ";"),
        ("id\ttitle\tplace", "\t"),
    ],
)
def test_the_delimiter_is_the_one_that_splits_the_header_into_most_cells(
    header: str, delimiter: str
) -> None:
    assert sniff_delimiter(header + "\n") == delimiter


def test_bom_windows_1252_and_dutch_headers() -> None:
    data = (
        "Referentie;Vacaturetitel;Postcode;Woonplaats;Einddatum\r\n"
        "R1;Conciërge;1213 vv;Hilversum;1-2-2027\r\n"
    )
    table = read_csv(data.encode("cp1252"), synonyms=OPPORTUNITY_HEADERS, defaults=VACANCY_DEFAULTS)
    [row] = table.rows
    assert row.values == {
        "id": "R1",
        "title": "Conciërge",
        "postcode": "1213VV",
        "municipality": "Hilversum",
        "closes_on": "2027-02-01",
        "kind": "vacancy",
        "capacity": "1",
    }
    with_bom = read_csv(b"\xef\xbb\xbf" + data.encode(), synonyms=OPPORTUNITY_HEADERS)
    assert (
        with_bom.columns["id"] == "Referentie" and with_bom.rows[0].values["title"] == "Conciërge"
    )


def test_a_file_that_has_kind_and_capacity_keeps_its_own() -> None:
    data = b"id,kind,title,postcode,capacity\nx,placement,Leerwerkplek,1271,3\n"
    table = read_csv(data, synonyms=OPPORTUNITY_HEADERS, defaults=VACANCY_DEFAULTS)
    assert (table.rows[0].values["kind"], table.rows[0].values["capacity"]) == ("placement", "3")


def test_claimant_files_keep_their_headers() -> None:
    table = read_csv(b"client_number;first_name\n12;Anna\n")
    assert table.rows[0].values == {"client_number": "12", "first_name": "Anna"}


@pytest.mark.parametrize(
    ("text", "postcode"),
    [
        ("1211 AB", "1211AB"),
        ("1211ab", "1211AB"),
        ("1401 Ab", "1401AB"),
        ("1271", "1271"),
        (" 1411 ", "1411"),
        ("0123 AB", None),
        ("12345", None),
        ("Huizen", None),
    ],
)
def test_postcodes_in_every_usual_form(text: str, postcode: str | None) -> None:
    assert normalise_postcode(text) == postcode


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Stationsplein 5, 3511 ED Utrecht", ("3511ED", "Utrecht")),
        ("Huizen, 1271 AB", ("1271AB", "Huizen")),
        ("Larenseweg 32\n1221 CN Hilversum", ("1221CN", "Hilversum")),
        ("1335 Almere", ("1335", "Almere")),
        ("Havenstraat 10; 1271 AD Huizen", ("1271AD", "Huizen")),
        ("Almere", (None, "Almere")),
        ("Postbus 1234", (None, None)),
    ],
)
def test_postcode_and_place_from_a_free_text_address(
    text: str, found: tuple[str | None, str | None]
) -> None:
    assert split_address(text) == found


def test_dates_hours_and_licences_as_people_write_them() -> None:
    assert [iso_date(d) for d in ("31-12-2026", "1-2-2027", "15/01/2027", "2027-01-15")] == [
        "2026-12-31",
        "2027-02-01",
        "2027-01-15",
        "2027-01-15",
    ]
    assert hours_range("24 - 32") == ("24", "32") and hours_range("12 tot 16") == ("12", "16")
    assert hours_range("36,5") == ("36,5", "36,5") and hours_range("") == ("", "")
    assert [licence_needed(v) for v in ("B", "C/E", "CE", "ja", "nee", "", "misschien")] == [
        "true",
        "true",
        "true",
        "true",
        "false",
        "false",
        "misschien",
    ]
