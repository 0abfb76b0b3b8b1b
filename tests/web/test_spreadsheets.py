"""Every CSV export opens as Dutch Excel expects: BOM, ``;``, Dutch words, local times."""

import csv
import io
import re
from datetime import UTC, date, datetime

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import login
from tests.crawl import RAW, crawl
from web.demo import demo_logins
from web.spreadsheet import BOM, cell, csv_text

CSV_LINK = re.compile(r'href="(/[^"]*format=csv[^"]*)"')
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def test_cells_are_written_the_dutch_way() -> None:
    # 24 Nov 09:00 UTC is 10:00 in Amsterdam (winter), 1 Jul 09:00 UTC is 11:00 (summer).
    assert cell(datetime(2026, 11, 24, 9, 0, tzinfo=UTC)) == "24-11-2026 10:00"
    assert cell(datetime(2026, 7, 1, 9, 0)) == "01-07-2026 11:00"  # naive from SQLite: UTC
    assert cell(date(2026, 3, 5)) == "05-03-2026"
    assert cell(2.5) == "2,5"
    assert cell(True) == "Ja" and cell(None) == ""
    assert cell("placed", "status") == "Geplaatst"
    assert cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert cell("-3,5") == "-3,5"


def test_a_file_has_bom_semicolons_and_dutch_headers() -> None:
    text = csv_text(("klantnummer", "status"), [("K-1", "interested")])
    assert text.startswith(BOM)
    assert text[1:].splitlines() == ["Klantnummer;Status", "K-1;Interesse"]


def test_every_export_of_every_role_opens_in_dutch_excel(demo_app: Flask) -> None:
    exports = 0
    for account in demo_logins():
        client = demo_app.test_client()
        start = login(client, account.email, account.password)
        pages = [path for path, _text in crawl(demo_app, client, start)]
        links = {p for p in pages if "format=csv" in p} | _csv_links(client, pages)
        for link in sorted(links):
            response = client.get(link)
            assert response.status_code == 200, link
            assert response.mimetype == "text/csv", link
            raw = response.get_data()
            assert raw.startswith(BOM.encode()), link
            text = raw.decode("utf-8")[1:]
            rows = list(csv.reader(io.StringIO(text), delimiter=";"))
            assert len(rows[0]) > 1, (link, rows[0])
            assert all(len(row) == len(rows[0]) for row in rows), link
            assert not ISO_TIME.search(text), (link, ISO_TIME.search(text))
            assert not RAW.findall(text), (link, RAW.findall(text))
            exports += 1
    assert exports >= 4


def _csv_links(client: FlaskClient, pages: list[str]) -> set[str]:
    found: set[str] = set()
    for path in pages:
        html = client.get(path).get_data(as_text=True)
        found |= {link.replace("&amp;", "&") for link in CSV_LINK.findall(html)}
    return found
