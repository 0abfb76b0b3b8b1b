"""The one CSV writer: files that Dutch Excel opens as they are.

UTF-8 with a byte order mark (else Excel reads it as Windows-1252), ``;`` between
cells (Dutch Excel uses ``,`` for decimals), Dutch headers and labels instead of codes,
dates as dd-mm-jjjj and times in Europe/Amsterdam. Every CSV download goes through here.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from flask import Response
from flask_babel import lazy_gettext as _l

from web.vocabulary import label

BOM = "\ufeff"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Columns whose cells are vocabulary codes, by the column's name.
COLUMN_VOCABULARIES = {
    "status": "status",
    "soort": "kind",
    "instrumenten": "instrument",
    "opleiding": "education",
    "taalniveau": "dutch",
}
HEADERS = {
    "id": _l("Nummer"),
    "naam": _l("Naam"),
    "gemeente": _l("Gemeente"),
    "trede": _l("Trede"),
    "open_voorstellen": _l("Open voorstellen"),
    "volgende_sessie": _l("Volgende sessie"),
    "klantnummer": _l("Klantnummer"),
    "kans": _l("Plek"),
    "status": _l("Status"),
    "soort": _l("Soort"),
    "titel": _l("Titel"),
    "werkgever": _l("Werkgever"),
    "plaatsen": _l("Plaatsen"),
    "afstand_km": _l("Afstand (km)"),
    "instrumenten": _l("Instrumenten"),
    "reeks": _l("Reeks"),
    "label": _l("Omschrijving"),
    "aantal": _l("Aantal"),
    "jaar": _l("Jaar"),
    "toegezegd": _l("Toegezegd"),
    "voorgesteld": _l("Voorgesteld"),
    "geplaatst": _l("Geplaatst"),
    "voortgang_pct": _l("Voortgang (%)"),
}


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Return the file's text: BOM, Dutch headers, one ``;``-separated line per row."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(HEADERS.get(name, name)) for name in header])
    vocabularies = [COLUMN_VOCABULARIES.get(name) for name in header]
    for row in rows:
        writer.writerow(
            [cell(value, vocab) for value, vocab in zip(row, vocabularies, strict=True)]
        )
    return buffer.getvalue()


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[object]]
) -> Response:
    """Return rows as a CSV download that Dutch Excel opens correctly."""
    response = Response(csv_text(header, rows), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def cell(value: object, vocabulary: str | None = None) -> str:
    """Write one value as Dutch Excel reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nee"
    if isinstance(value, datetime):
        # The database keeps UTC; SQLite hands it back without a zone.
        moment = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return moment.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float | Decimal):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, list | tuple):
        return ", ".join(cell(item, vocabulary) for item in value)
    if vocabulary is not None and isinstance(value, str):
        return _safe(label(value, vocabulary))
    return _safe(str(value))


def _safe(text: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _number(text) else text


def _number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True
