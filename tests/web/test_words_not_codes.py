"""Crawl every page type of the demo for every role: no raw vocabulary code, no "None"."""

from flask import Flask

from tests.conftest import login
from tests.crawl import RAW, Page, crawl
from web.demo import demo_logins


def test_no_page_shows_a_raw_code_or_none(demo_app: Flask) -> None:
    found: list[tuple[str, str, str]] = []
    pages = 0
    for account in demo_logins():
        client = demo_app.test_client()
        start = login(client, account.email, account.password)
        for path, text in crawl(demo_app, client, start):
            pages += 1
            found += [(account.role, path, hit) for hit in RAW.findall(text)]
    assert pages > 20
    assert not found, "\n".join(map(str, sorted(set(found))))


def test_the_crawler_sees_a_raw_code() -> None:
    page = Page()
    page.feed("<p>Beperking: niet_zwaar_tillen, opleiding mbo2, None</p><code>mbo3</code>")
    assert RAW.findall(" ".join(page.text)) == ["niet_zwaar_tillen", "mbo2", "None"]
