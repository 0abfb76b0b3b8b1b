"""CSV and JSON(-Lines) files in the interchange format (DESIGN.md), validated by the matcher."""

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from jobs.feeds.records import ParseResult, RecordError, VacancyRecord
from matcher.records import OpportunityRecord, opportunity_from_dict

Row = tuple[str, dict[str, Any] | str, str]


def _record(row: OpportunityRecord, raw: dict[str, Any]) -> VacancyRecord:
    """Return the vacancy record of a validated interchange row."""
    return VacancyRecord(
        external_id=row.id[:200],
        kind=row.kind,
        title=row.title[:300],
        employer_name=row.employer[:200] or None,
        postcode=row.postcode,
        hours_min=round(row.hours_min) if row.hours_min else None,
        hours_max=round(row.hours_max) if row.hours_max is not None else None,
        description=row.description,
        closes_on=row.closes_on,
        skills=list(row.skills),
        education_level=row.education_level,
        dutch_level=row.dutch_level,
        requires_driving_licence=row.requires_driving_licence,
        physical_demands=list(row.physical_demands),
        capacity=row.capacity,
        esco_uri=row.esco_occupation,
        municipality=str(raw.get("municipality") or raw.get("place") or "")[:80] or None,
        raw=raw,
    )


def _validate(rows: Iterator[Row]) -> ParseResult:
    """Validate each row; a row that does not validate becomes an error naming its line."""
    records: list[VacancyRecord] = []
    errors: list[RecordError] = []
    for item, row, raw in rows:
        if isinstance(row, str):
            errors.append(RecordError(item, row, raw))
            continue
        result = opportunity_from_dict(row)
        if isinstance(result, list):
            errors.append(RecordError(item, "; ".join(str(e) for e in result), raw))
        else:
            records.append(_record(result, row))
    return records, errors


def _json_rows(text: str) -> Iterator[Row]:
    """Yield the objects of a JSON Lines text, or of one JSON array."""
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as error:
            yield "bestand", f"geen geldige JSON ({error.msg})", text[:500]
            return
        for number, item in enumerate(items, start=1):
            row = item if isinstance(item, dict) else "verwacht een JSON-object"
            yield f"item {number}", row, json.dumps(item)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield f"regel {number}", f"geen geldige JSON ({error.msg})", line
            continue
        yield (
            f"regel {number}",
            item if isinstance(item, dict) else "verwacht een JSON-object",
            line,
        )


def _csv_rows(text: str) -> Iterator[Row]:
    """Yield the rows of a CSV text (comma or semicolon separated) with their line numbers."""
    header = text.split("\n", 1)[0]
    # Dutch Excel writes semicolons; everyone else commas.
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in reader:
        raw = ",".join(str(value) for value in row.values())
        if None in row:
            yield f"regel {reader.line_num}", "meer cellen dan kolommen in de kopregel", raw
            continue
        yield f"regel {reader.line_num}", {k: v for k, v in row.items() if k}, raw


def _text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), falling back to Windows-1252 as Excel writes it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_jsonl(data: bytes) -> ParseResult:
    """Parse interchange JSON Lines (or a JSON array) of opportunities."""
    return _validate(_json_rows(_text(data)))


def parse_csv(data: bytes) -> ParseResult:
    """Parse an interchange CSV of opportunities."""
    return _validate(_csv_rows(_text(data)))
