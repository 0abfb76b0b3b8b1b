"""Career pages: schema.org JobPosting in JSON-LD, or else in microdata or RDFa."""

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from jobs.feeds.rdfa import structured_postings
from jobs.feeds.records import ParseResult, RecordError, VacancyRecord
from jobs.feeds.schemaorg import records_from_posting


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


# Deep enough for posting -> place -> address; a cycle of references stops here.
_MAX_REFERENCE_DEPTH = 4


def node_index(node: Any, index: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """Return every node of a JSON-LD document that has an @id and more, by its @id."""
    index = {} if index is None else index
    if isinstance(node, list):
        for item in node:
            node_index(item, index)
    elif isinstance(node, dict):
        if isinstance(node.get("@id"), str) and len(node) > 1:
            index.setdefault(node["@id"], node)
        for value in node.values():
            if isinstance(value, list | dict):
                node_index(value, index)
    return index


def resolve(value: Any, index: dict[str, Any], depth: int = 0) -> Any:
    """Replace {"@id": ...} references (WordPress/Yoast graphs) by the nodes they name."""
    if depth > _MAX_REFERENCE_DEPTH:
        return value
    if isinstance(value, list):
        return [resolve(item, index, depth + 1) for item in value]
    if isinstance(value, dict):
        if set(value) == {"@id"} and value["@id"] in index:
            value = index[value["@id"]]
        return {key: resolve(item, index, depth + 1) for key, item in value.items()}
    return value


def _decode(data: bytes) -> str:
    """Decode a page as UTF-8, falling back to Latin-1 so no byte aborts the parse."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def jsonld_postings(page: str, url: str = "") -> tuple[list[dict[str, Any]], list[RecordError]]:
    """Return the JobPostings of a page's JSON-LD scripts and an error per broken script."""
    collector = _JsonLdScripts()
    collector.feed(page)
    collector.close()
    postings: list[dict[str, Any]] = []
    errors: list[RecordError] = []
    for number, script in enumerate(collector.scripts, start=1):
        try:
            document = json.loads(script)
        except json.JSONDecodeError as error:
            reason = f"ongeldige JSON-LD ({error.msg}, regel {error.lineno})"
            where = f"{url} script {number}" if url else f"script {number}"
            errors.append(RecordError(where, reason, script))
            continue
        index = node_index(document)
        postings.extend(resolve(posting, index) for posting in find_postings(document))
    return postings, errors


def parse_jobposting_page(data: bytes, *, url: str = "") -> ParseResult:
    """Parse the JobPostings of an HTML page; the page URL is the fallback external id."""
    page = _decode(data)
    postings, errors = jsonld_postings(page, url)
    if not postings and not errors:
        postings = structured_postings(page, url)
    records: list[VacancyRecord] = []
    for number, posting in enumerate(postings, start=1):
        fallback = url if len(postings) == 1 else f"{url}#{number}"
        try:
            records.extend(records_from_posting(posting, fallback_id=fallback or f"item-{number}"))
        except ValueError as error:
            item = f"{url} vacature {number}" if url else f"vacature {number}"
            errors.append(RecordError(item, str(error), json.dumps(posting)[:500]))
    return records, errors
