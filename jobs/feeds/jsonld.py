"""Career pages: schema.org JobPosting in JSON-LD, or else in microdata or RDFa."""

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from jobs.feeds.rdfa import structured_postings
from jobs.feeds.records import ParseResult, RecordError, VacancyRecord
from jobs.feeds.schemaorg import record_from_posting


class _JsonLdScripts(HTMLParser):
    """Collect the text of every <script type="application/ld+json"> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
        if tag == "script" and kind == "application/ld+json":
            self._inside = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.scripts[-1] += data


def _is_posting(node: dict[str, Any]) -> bool:
    """Return whether a JSON-LD node is typed JobPosting."""
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(str(kind).rsplit("/", 1)[-1] == "JobPosting" for kind in kinds)


def find_postings(node: Any) -> Iterator[dict[str, Any]]:
    """Yield every JobPosting in a JSON-LD document (top level, lists, @graph, item lists)."""
    if isinstance(node, list):
        for item in node:
            yield from find_postings(item)
    elif isinstance(node, dict):
        if _is_posting(node):
            yield node
            return
        for value in node.values():
            if isinstance(value, list | dict):
                yield from find_postings(value)


def _decode(data: bytes) -> str:
    """Decode a page as UTF-8, falling back to Latin-1 so no byte aborts the parse."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def jsonld_postings(page: str) -> tuple[list[dict[str, Any]], list[RecordError]]:
    """Return the JobPostings of a page's JSON-LD scripts and an error per broken script."""
    collector = _JsonLdScripts()
    collector.feed(page)
    collector.close()
    postings: list[dict[str, Any]] = []
    errors: list[RecordError] = []
    for number, script in enumerate(collector.scripts, start=1):
        try:
            postings.extend(find_postings(json.loads(script)))
        except json.JSONDecodeError as error:
            reason = f"ongeldige JSON-LD ({error.msg}, regel {error.lineno})"
            errors.append(RecordError(f"script {number}", reason, script))
    return postings, errors


def parse_jobposting_page(data: bytes, *, url: str = "") -> ParseResult:
    """Parse the JobPostings of an HTML page; the page URL is the fallback external id."""
    page = _decode(data)
    postings, errors = jsonld_postings(page)
    if not postings and not errors:
        postings = structured_postings(page, url)
    records: list[VacancyRecord] = []
    for number, posting in enumerate(postings, start=1):
        fallback = url if len(postings) == 1 else f"{url}#{number}"
        try:
            records.append(record_from_posting(posting, fallback_id=fallback or f"item-{number}"))
        except ValueError as error:
            item = f"{url} vacature {number}" if url else f"vacature {number}"
            errors.append(RecordError(item, str(error), json.dumps(posting)[:500]))
    return records, errors
