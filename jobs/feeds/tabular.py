"""CSV and JSON(-Lines) files in the interchange format (docs/design.md), checked by the matcher."""

import json
import math
from collections.abc import Iterator
from typing import Any

from jobs.feeds.records import ParseResult, RecordError, VacancyRecord
from matcher.address import normalise_postcode
from matcher.csv_reading import OPPORTUNITY_HEADERS, VACANCY_DEFAULTS, decode, read_csv
from matcher.records import FieldError, OpportunityRecord, opportunity_from_dict

Row = tuple[str, dict[str, Any] | str, str]


def _record(row: OpportunityRecord, raw: dict[str, Any]) -> VacancyRecord:
    """Return the vacancy record of a validated interchange row."""
    return VacancyRecord(
        external_id=row.id[:200],
        kind=row.kind,
        title=row.title[:300],
        employer_name=row.employer[:200] or None,
        postcode=normalise_postcode(str(raw.get("postcode") or "")) or row.postcode,
        # Whole hours in the table: the range widens to hold "36,5".
        hours_min=math.floor(row.hours_min) if raw.get("hours_min") not in (None, "") else None,
        hours_max=math.ceil(row.hours_max) if row.hours_max is not None else None,
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


def _dutch(errors: list[FieldError]) -> str:
    """Return field errors as one reason."""
    return "; ".join(str(error) for error in errors)


def _validate(rows: Iterator[Row], explain: Any = _dutch) -> ParseResult:
    """Validate each row; a row that does not validate becomes an error naming its line."""
    records: list[VacancyRecord] = []
    errors: list[RecordError] = []
    for item, row, raw in rows:
        if isinstance(row, str):
            errors.append(RecordError(item, row, raw))
            continue
        result = opportunity_from_dict(row)
        if isinstance(result, list):
            errors.append(RecordError(item, explain(result), raw))
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


def parse_jsonl(data: bytes) -> ParseResult:
    """Parse interchange JSON Lines (or a JSON array) of opportunities."""
    text = decode(data)  # as the CSV rule does: UTF-8 with or without BOM, else cp1252
    records, errors = _validate(_json_rows(text))
    last = text.rstrip("\n").rsplit("\n", 1)[-1]
    if text and not text.endswith("\n") and errors and errors[-1].raw == last:
        # A last line cut off mid-object: the file was truncated, not written so.
        errors.append(
            RecordError(errors[-1].item, "bestand afgebroken midden in een regel", last, True)
        )
    return records, errors


def parse_csv(data: bytes) -> ParseResult:
    """Parse a CSV of opportunities: the interchange format or a vacancy system's export."""
    table = read_csv(data, synonyms=OPPORTUNITY_HEADERS, defaults=VACANCY_DEFAULTS)
    rows: Iterator[Row] = (
        (f"regel {row.line}", row.error or row.values, row.raw) for row in table.rows
    )
    records, errors = _validate(rows, table.reason)
    if table.truncated:
        line = table.rows[-1].line if table.rows else 1
        reason = "bestand afgebroken midden in een regel (minder cellen dan kolommen)"
        errors.append(RecordError(f"regel {line}", reason, table.rows[-1].raw, fatal=True))
    return records, errors
