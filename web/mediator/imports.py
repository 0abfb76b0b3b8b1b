"""Importing many new claimants at once from a CSV file; a bad line never stops the rest."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from matcher.limits import field_spec
from models import Claimant
from models.vocab import EDUCATION_LEVELS
from web.mediator.planning import invite_to_first_free
from web.mediator.profiles import client_number_taken, register

_DUTCH = field_spec("dutch_level", "claimant")
POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")
COLUMNS = (
    "client_number",
    "first_name",
    "last_name",
    "email",
    "postcode",
    "max_travel_km",
    "hours_per_week",
    "ladder_step",
    "driving_licence",
    "education_level",
    "dutch_level",
    "desired_occupations",
    "skills",
)


# What is wrong with a column, said to the mediator who made the file.
PROBLEMS = {
    "client_number": _l("Het klantnummer ontbreekt of bestaat al."),
    "first_name": _l("De voornaam ontbreekt."),
    "last_name": _l("De achternaam ontbreekt."),
    "postcode": _l("De postcode is niet van de vorm 1234 AB."),
    "max_travel_km": _l("De reisafstand is geen getal tussen 0 en 200 km."),
    "hours_per_week": _l("De uren per week zijn geen getal tussen 0 en 60."),
    "ladder_step": _l("De trede ontbreekt of is geen heel getal van 1 tot en met 6."),
    "driving_licence": _l("Rijbewijs moet ja of nee zijn."),
    "education_level": _l("Onbekend opleidingsniveau; gebruik bijvoorbeeld vmbo, mbo2 of hbo."),
    "dutch_level": _l("Onbekend taalniveau; gebruik A0, A1, A2, B1, B2, C1 of C2."),
}


class RowError(ValueError):
    """A field of one line that cannot be used; its name is the message."""


@dataclass
class ImportResult:
    """What an import added and which lines it skipped, with the field at fault."""

    added: list[Claimant] = field(default_factory=list)
    invited: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def _number(raw: str, name: str, low: float, high: float) -> float | None:
    if not raw.strip():
        return None
    try:
        value = float(raw.replace(",", "."))
    except ValueError as error:
        raise RowError(name) from error
    if not low <= value <= high:
        raise RowError(name)
    return value


def _limit_number(raw: str, name: str) -> float | None:
    """Read a hard-limit number within the bounds its description gives (matcher.limits)."""
    return _number(raw, name, *field_spec(name, "claimant").bounds())


def _choice(raw: str, name: str, allowed: tuple[str, ...]) -> str | None:
    value = raw.strip()
    if value and value not in allowed:
        raise RowError(name)
    return value or None


def parse_row(row: dict[str, str]) -> tuple[str, int, dict[str, Any]]:
    """Return client number, ladder step and profile fields of one line, or raise RowError."""
    get = {name: (row.get(name) or "").strip() for name in COLUMNS}
    for required in ("client_number", "first_name", "last_name"):
        if not get[required]:
            raise RowError(required)
    postcode = POSTCODE.match(get["postcode"]) if get["postcode"] else None
    if get["postcode"] and postcode is None:
        raise RowError("postcode")
    step = _limit_number(get["ladder_step"], "ladder_step")
    if step is None or step != int(step):
        raise RowError("ladder_step")
    hours = _limit_number(get["hours_per_week"], "hours_per_week")
    licence = {"ja": True, "yes": True, "1": True, "nee": False, "no": False, "0": False}
    if get["driving_licence"] and get["driving_licence"].lower() not in licence:
        raise RowError("driving_licence")
    fields = {
        "first_name": get["first_name"],
        "last_name": get["last_name"],
        "email": get["email"] or None,
        "postcode": (postcode.group(1) + (postcode.group(2) or "").upper()) if postcode else None,
        "max_travel_km": _limit_number(get["max_travel_km"], "max_travel_km"),
        "hours_per_week": None if hours is None else int(hours),
        "driving_licence": licence.get(get["driving_licence"].lower()),
        "education_level": _choice(get["education_level"], "education_level", EDUCATION_LEVELS),
        "dutch_level": _choice(get["dutch_level"].upper(), "dutch_level", _DUTCH.choices),
        "desired_occupations": [
            s.strip() for s in get["desired_occupations"].split("|") if s.strip()
        ],
        "skills": [s.strip() for s in get["skills"].split("|") if s.strip()],
    }
    return get["client_number"], int(step), fields


def import_claimants(
    session: Session,
    *,
    rows: Iterable[tuple[int, dict[str, str]]],
    region: str,
    mediator_id: int,
    today: date,
    now: datetime,
) -> ImportResult:
    """Add every valid line as a claimant and invite them; collect the lines skipped.

    `rows` are (line the row starts on, cells by column), as matcher.csv_reading reads them.
    """
    result = ImportResult()
    seen: set[str] = set()
    for line, row in rows:
        try:
            number, step, fields = parse_row(row)
            if number in seen or client_number_taken(session, client_number=number):
                raise RowError("client_number")
        except RowError as error:
            result.errors.append((line, str(error)))
            continue
        seen.add(number)
        claimant = register(
            session,
            region=region,
            mediator_id=mediator_id,
            client_number=number,
            ladder_step=step,
            today=today,
            fields=fields,
        )
        result.added.append(claimant)
        if invite_to_first_free(session, claimant=claimant, now=now) is not None:
            result.invited += 1
    return result
