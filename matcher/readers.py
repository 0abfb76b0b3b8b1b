"""Read claimant and opportunity files (JSON Lines or CSV) and keep per-line errors."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from matcher.csv_reading import OPPORTUNITY_HEADERS, VACANCY_DEFAULTS, read_csv
from matcher.records import (
    ClaimantProfile,
    FieldError,
    OpportunityRecord,
    claimant_from_dict,
    opportunity_from_dict,
)

T = TypeVar("T")


@dataclass(frozen=True)
class RejectedRecord:
    """A line of an input file that did not validate."""

    path: Path
    line: int
    errors: tuple[FieldError, ...]

    def __str__(self) -> str:
        detail = "; ".join(str(error) for error in self.errors)
        return f"{self.path}:{self.line}: {detail}"


def read_claimants(path: Path) -> tuple[list[ClaimantProfile], list[RejectedRecord]]:
    """Return the valid claimants of a file and the rejected lines."""
    return _read(path, claimant_from_dict, opportunities=False)


def read_opportunities(path: Path) -> tuple[list[OpportunityRecord], list[RejectedRecord]]:
    """Return the valid opportunities of a file and the rejected lines."""
    return _read(path, opportunity_from_dict, opportunities=True)


def _read(
    path: Path,
    validate: Callable[[Mapping[str, Any]], T | list[FieldError]],
    *,
    opportunities: bool,
) -> tuple[list[T], list[RejectedRecord]]:
    valid: list[T] = []
    rejected: list[RejectedRecord] = []
    rows = _csv_rows(path, opportunities) if path.suffix.lower() == ".csv" else _jsonl_rows(path)
    for line, row in rows:
        result = validate(row) if isinstance(row, dict) else [FieldError("(line)", str(row))]
        if isinstance(result, list):
            rejected.append(RejectedRecord(path, line, tuple(result)))
        else:
            valid.append(result)
    return valid, rejected


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    with path.open(encoding="utf-8") as source:
        for line, text in enumerate(source, start=1):
            if not text.strip():
                continue
            try:
                row = json.loads(text)
            except json.JSONDecodeError as error:
                yield line, f"not valid JSON ({error.msg})"
                continue
            yield line, row if isinstance(row, dict) else "expected a JSON object"


def _csv_rows(path: Path, opportunities: bool) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Yield the rows of a CSV file as the one CSV rule reads them (matcher.csv_reading)."""
    if opportunities:
        table = read_csv(path.read_bytes(), synonyms=OPPORTUNITY_HEADERS, defaults=VACANCY_DEFAULTS)
    else:
        table = read_csv(path.read_bytes())
    for row in table.rows:
        yield row.line, row.error or dict(row.values)
