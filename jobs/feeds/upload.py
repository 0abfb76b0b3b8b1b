"""Files a mediator uploads: the parser is chosen by the file name."""

from jobs.feeds.records import ParseResult, RecordError
from jobs.feeds.rss import parse_feed
from jobs.feeds.tabular import parse_csv, parse_jsonl

UPLOAD_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".json", ".xml")


def parse_upload(data: bytes, filename: str) -> ParseResult:
    """Parse an uploaded CSV, JSON Lines, JSON or RSS/Atom file."""
    name = filename.lower()
    if name.endswith(".csv"):
        return parse_csv(data)
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return parse_jsonl(data)
    if name.endswith(".xml"):
        return parse_feed(data)
    reason = "onbekend bestandstype; gebruik " + ", ".join(UPLOAD_SUFFIXES)
    return [], [RecordError(filename, reason, fatal=True)]
