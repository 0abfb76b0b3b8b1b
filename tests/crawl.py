"""Walk the pages a logged-in user can reach by links, a few of each page type."""

import re
from collections import deque
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urlsplit

from flask import Flask
from flask.testing import FlaskClient

from matcher.filters import RESTRICTION_EXCLUDES
from models import vocab

PER_ENDPOINT = 3  # pages of one type are alike; a few of each is enough
SKIP = re.compile(r"^/(logout|static/|api/|taal)")

# Codes that must never reach a reader: they have a Dutch label.
DEMANDS = {d for excluded in RESTRICTION_EXCLUDES.values() for d in excluded if "_" in d}
CODES = (
    set(RESTRICTION_EXCLUDES)
    | DEMANDS
    | {"mbo1", "mbo2", "mbo3", "mbo4", "havo_vwo"}
    | set(vocab.MATCH_STATUSES)
    | set(vocab.OPPORTUNITY_KINDS)
    | set(vocab.INSTRUMENTS)
    | {"sex", "gender", "nationality", "None", "True", "False", "nan", "running", "aborted"}
)
RAW = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, CODES))) + r")(?![\w-])")


VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """Collect the visible Dutch text and the links of one page.

    Code, scripts and text marked ``lang="en"`` (the English API reference) are skipped.
    """

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self._open: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag not in VOID:
            skip = tag in ("script", "style", "code") or values.get("lang") == "en"
            self._open.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not any(skip for _tag, skip in self._open):
            self.text.append(data)


def crawl(app: Flask, client: FlaskClient, start: str) -> Iterator[tuple[str, str]]:
    """Yield (path, visible text) for the HTML pages reachable from start."""
    adapter = app.url_map.bind("localhost")
    seen: set[str] = set()
    per_endpoint: dict[str, int] = {}
    queue = deque([start])
    while queue:
        path = queue.popleft()
        if path in seen or SKIP.match(path):
            continue
        seen.add(path)
        try:
            endpoint, _args = adapter.match(urlsplit(path).path)
        except Exception:  # noqa: BLE001 - a link to nowhere is reported by the 404 check
            endpoint = "unknown"
        per_endpoint[endpoint] = per_endpoint.get(endpoint, 0) + 1
        if per_endpoint[endpoint] > PER_ENDPOINT:
            continue
        response = client.get(path)
        assert response.status_code < 500, path
        if "text/html" not in response.content_type:
            continue
        page = Page()
        page.feed(response.get_data(as_text=True))
        yield path, " ".join(page.text)
        queue.extend(link for link in page.links if link.startswith("/"))
