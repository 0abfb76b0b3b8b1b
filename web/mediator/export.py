"""CSV downloads of the lists on the mediator and employer pages."""

import csv
import io
from collections.abc import Iterable, Sequence

from flask import Response, request


def wants_csv() -> bool:
    """Return whether the request asks for the CSV version of a list."""
    return request.args.get("format") == "csv"


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[object]]
) -> Response:
    """Return rows as a CSV download (semicolon-separated, as Dutch spreadsheets expect)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else _safe(value) for value in row])
    response = Response(buffer.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _safe(value: object) -> str:
    """Keep spreadsheet programs from running a cell as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _number(text) else text


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
