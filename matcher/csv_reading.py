"""The one way CSV files are read: encoding, delimiter, Dutch headers, dates, hours and licences.

Files come from Excel ("CSV UTF-8" with a BOM and ';', or Windows-1252 without one), from
vacancy systems with Dutch or English column names, and from our own interchange format.
Every CSV reader in the code (feeds and uploads in jobs, `zow match`, the mediator's
claimant import in web) goes through :func:`read_csv`, so a file reads the same everywhere.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from matcher.address import normalise_postcode, split_address
from matcher.records import FieldError

DELIMITERS = (";", ",", "\t", "|")

# Interchange field -> header names vacancy systems and people use, normalised (see _key).
# fmt: off
OPPORTUNITY_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "vacaturenummer", "vacature id", "vacatureid", "referentie", "referentienummer",
           "kenmerk", "job id", "jobid", "reference", "vacancy id", "nummer"),
    "kind": ("kind", "soort", "type"),
    "title": ("title", "titel", "functie", "functietitel", "functienaam", "vacaturetitel",
              "job title", "naam vacature", "vacature"),
    "employer": ("employer", "werkgever", "organisatie", "bedrijf", "bedrijfsnaam", "company",
                 "organization", "organisation", "opdrachtgever", "employer name"),
    "postcode": ("postcode", "zip code", "zipcode", "zip", "postal code", "postalcode", "pc"),
    "municipality": ("municipality", "place", "plaats", "woonplaats", "standplaats", "gemeente",
                     "city", "vestigingsplaats", "werkplaats", "locatie", "location"),
    "address": ("address", "adres", "werkadres", "bezoekadres"),
    "hours": ("hours", "uren", "uren per week", "aantal uren", "hours per week", "werkuren",
              "uur per week", "arbeidsduur", "uren week"),
    "hours_min": ("hours min", "hours_min", "min uren", "minimum uren", "uren min"),
    "hours_max": ("hours max", "hours_max", "max uren", "maximum uren", "uren max"),
    "closes_on": ("closes on", "closes_on", "sluitingsdatum", "einddatum", "closing date",
                  "uiterste reactiedatum", "reageren voor", "vervaldatum", "deadline",
                  "valid through", "geldig tot"),
    "posted_on": ("posted on", "posted_on", "publicatiedatum", "datum geplaatst",
                  "date posted", "plaatsingsdatum"),
    "requires_driving_licence": ("requires driving licence", "requires_driving_licence",
                                 "rijbewijs", "rijbewijs vereist", "rijbewijs nodig",
                                 "driving licence", "driving license", "driver s license"),
    "description": ("description", "omschrijving", "beschrijving", "functieomschrijving",
                    "tekst", "toelichting"),
    "skills": ("skills", "vaardigheden", "competenties"),
    "capacity": ("capacity", "aantal plaatsen", "plaatsen", "aantal"),
    "education_level": ("education level", "education_level", "opleiding", "opleidingsniveau"),
    "dutch_level": ("dutch level", "dutch_level", "taalniveau", "niveau nederlands"),
    "physical_demands": ("physical demands", "physical_demands", "fysieke belasting"),
    "esco_occupation": ("esco occupation", "esco_occupation", "esco", "esco beroep"),
}
# fmt: on
# What a vacancy system's export leaves out because every row is one vacancy.
VACANCY_DEFAULTS = {"kind": "vacancy", "capacity": "1"}
_DATE_FIELDS = ("closes_on", "posted_on")
_DUTCH_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_RANGE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:-|–|tot|t/m|to)\s*(\d+(?:[.,]\d+)?)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_LICENCE = re.compile(r"^(?:[A-E]|[A-E]?\s*[/+]?\s*[A-E]|[BCD]E|AM|T)$", re.IGNORECASE)
_YES = {"ja", "yes", "true", "j", "y", "1", "x", "waar", "vereist", "verplicht"}
_NO = {"nee", "no", "false", "n", "0", "-", "onwaar", "niet nodig", "geen"}

# Dutch for the validators' messages, matched on how each English message starts.
_DUTCH = (
    ("is required", "is verplicht maar leeg"),
    ("expected a whole number", "verwacht een heel getal"),
    ("expected a number", "verwacht een getal"),
    ("not a Dutch postcode", "geen Nederlandse postcode (verwacht 1234 of 1234 AB)"),
    ("expected a date", "geen datum (verwacht dd-mm-jjjj of jjjj-mm-dd)"),
    ("expected true or false", "verwacht ja of nee"),
    ("unknown kind", "onbekende soort (vacancy, placement, coaching of day_activity)"),
    ("must not be below hours_min", "mag niet lager zijn dan het minimum aantal uren"),
)


@dataclass(frozen=True)
class CsvRow:
    """One record of a CSV file: its first line, its cells by field name, or why it is unusable."""

    line: int
    values: dict[str, str]
    raw: str
    error: str | None = None


@dataclass
class CsvTable:
    """A whole file: how it was read and its rows."""

    delimiter: str
    # Field name -> the header the file used for it, to name the column in errors.
    columns: dict[str, str] = field(default_factory=dict)
    rows: list[CsvRow] = field(default_factory=list)
    # The last row has fewer cells than the header and no line end: the file was cut off.
    truncated: bool = False

    def reason(self, errors: list[FieldError]) -> str:
        """Return field errors in Dutch, each naming the file's column."""
        return "; ".join(self._reason(error) for error in errors)

    def _reason(self, error: FieldError) -> str:
        message = error.message
        for english, dutch in _DUTCH:
            if message.startswith(english):
                rest = message[len(english) :].split(", got ", 1)
                message = dutch + (f": {rest[1]}" if len(rest) == 2 else "")
                break
        column = self.columns.get(error.field)
        name = f"kolom '{column}' ({error.field})" if column else f"veld {error.field}"
        return f"{name}: {message}"


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), else Windows-1252 as Excel writes "CSV"."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """Return the delimiter that splits the header into the most cells, quotes respected.

    A comma file whose header holds "Skills (separated by ;)" still reads as commas; ties
    go to the delimiter that gives the next lines the header's width.
    """
    lines = text.splitlines()[:6] or [""]

    def score(delimiter: str) -> tuple[int, int]:
        rows = list(csv.reader(lines, delimiter=delimiter))
        width = len(rows[0]) if rows else 0
        return width, sum(1 for row in rows[1:] if len(row) == width)

    return max(DELIMITERS, key=score)


def _key(header: str) -> str:
    """Return a header without case, parenthesised notes or punctuation."""
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", header.replace("\ufeff", "").lower())
    return " ".join(re.sub(r"[^0-9a-zà-ÿ_]+", " ", text).split())


def map_headers(headers: list[str], synonyms: Mapping[str, tuple[str, ...]] | None) -> list[str]:
    """Return the field name of each header (a header nobody knows keeps its own name)."""
    if synonyms is None:
        return [header.replace("\ufeff", "").strip() for header in headers]
    lookup = {synonym: name for name, forms in synonyms.items() for synonym in forms}
    names: list[str] = []
    for header in headers:
        name = lookup.get(_key(header), header.strip())
        names.append(name if name not in names else header.strip())
    return names


def iso_date(text: str) -> str:
    """Return a dd-mm-yyyy (or d/m/yyyy, dd.mm.yyyy) date as yyyy-mm-dd; other text as is."""
    match = _DUTCH_DATE.match(text)
    if match is None:
        return text.strip()
    day, month, year = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def hours_range(text: str) -> tuple[str, str]:
    """Return (min, max) of "24-32", "24 - 32 uur", "12 tot 16" or "36,5"; empty if none."""
    match = _RANGE.match(text)
    if match is not None:
        return match.group(1), match.group(2)
    number = _NUMBER.search(text)
    return (number.group(), number.group()) if number else ("", "")


def licence_needed(text: str) -> str:
    """Return "true"/"false" for a licence cell: a category ("B", "C/E") or a yes/no word."""
    cleaned = text.strip().lower()
    if cleaned in _YES or _LICENCE.match(text.strip()):
        return "true"
    if cleaned in _NO or not cleaned:
        return "false"
    return text


def _opportunity_cells(values: dict[str, str]) -> dict[str, str]:
    """Apply the Dutch conventions to an opportunity row: dates, hours, licence, address."""
    for name in _DATE_FIELDS:
        if values.get(name):
            values[name] = iso_date(values[name])
    hours = values.pop("hours", "")
    if hours and not values.get("hours_min") and not values.get("hours_max"):
        values["hours_min"], values["hours_max"] = hours_range(hours)
    if "requires_driving_licence" in values:
        values["requires_driving_licence"] = licence_needed(values["requires_driving_licence"])
    address = values.pop("address", "")
    postcode = values.get("postcode", "")
    if postcode and normalise_postcode(postcode) is None:
        address = address or postcode  # "1211 AB Hilversum" in the postcode column
        values["postcode"] = ""
    if address:
        found, place = split_address(address)
        values["postcode"] = values.get("postcode") or found or ""
        values["municipality"] = values.get("municipality") or place or ""
    if values.get("postcode"):
        values["postcode"] = normalise_postcode(values["postcode"]) or values["postcode"]
    return values


def read_csv(
    data: bytes | str,
    *,
    synonyms: Mapping[str, tuple[str, ...]] | None = None,
    defaults: Mapping[str, str] | None = None,
) -> CsvTable:
    """Read a CSV file into rows keyed by field name, each with the line it starts on.

    With `synonyms` the headers are mapped to interchange fields and the Dutch cell
    conventions applied (opportunities); `defaults` fill columns the file does not have.
    """
    text = decode(data) if isinstance(data, bytes) else data
    table = CsvTable(delimiter=sniff_delimiter(text))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=table.delimiter)
    try:
        headers = next(reader)
    except StopIteration:
        return table
    names = map_headers(headers, synonyms)
    table.columns = {name: header.strip() for name, header in zip(names, headers, strict=True)}
    start = reader.line_num + 1
    last_cells = len(names)
    for cells in reader:
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        raw = table.delimiter.join(cells)
        if len(cells) > len(names):
            table.rows.append(CsvRow(line, {}, raw, "meer cellen dan kolommen in de kopregel"))
            continue
        values = {
            name: cell.replace("\r\n", "\n") for name, cell in zip(names, cells, strict=False)
        }
        for name, value in (defaults or {}).items():
            if name not in table.columns:
                values[name] = value
        if synonyms is OPPORTUNITY_HEADERS:
            values = _opportunity_cells(values)
        table.rows.append(CsvRow(line, {k: v for k, v in values.items() if k}, raw))
        last_cells = len(cells)
    table.truncated = (
        bool(table.rows) and not text.endswith(("\n", "\r")) and last_cells < len(names)
    )
    return table
