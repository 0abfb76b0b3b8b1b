"""The claimant's own data, complete (models.privacy), as a Dutch page and as a JSON file."""

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from models.privacy import export_claimant
from web.vocabulary import label, labels

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The parts of the export, in the order a person would look for them; others follow.
PARTS = {
    "claimants": _l("Uw gegevens"),
    "users": _l("Uw account"),
    "ladder_step_changes": _l("Uw treden op de participatieladder"),
    "session_attendances": _l("Uw uitnodigingen voor sessies"),
    "matches": _l("Voorstellen voor werk"),
    "match_status_changes": _l("Wat er met de voorstellen gebeurde"),
    "match_consents": _l("Uw toestemming aan werkgevers"),
    "matching_runs_about_you": _l("Berekeningen waarin u meedeed"),
    "audit_events_about_you": _l("Wie uw gegevens bekeek of wijzigde"),
    "api_tokens": _l("Sleutels voor koppelingen"),
    "web_sessions": _l("Keren dat u was ingelogd"),
    "login_failures": _l("Mislukte pogingen om in te loggen"),
}
FIELDS = {
    "id": _l("Nummer"),
    "client_number": _l("Klantnummer"),
    "first_name": _l("Voornaam"),
    "last_name": _l("Achternaam"),
    "email": _l("E-mailadres"),
    "postcode": _l("Postcode"),
    "municipality": _l("Gemeente"),
    "max_travel_km": _l("Reisafstand (km)"),
    "hours_per_week": _l("Uren per week"),
    "driving_licence": _l("Rijbewijs"),
    "ladder_step": _l("Trede"),
    "education_level": _l("Opleiding"),
    "dutch_level": _l("Niveau Nederlands"),
    "desired_occupations": _l("Gewenst werk"),
    "work_history": _l("Werkervaring"),
    "skills": _l("Vaardigheden"),
    "restrictions": _l("Beperkingen"),
    "status": _l("Status"),
    "at": _l("Moment"),
    "created_at": _l("Aangemaakt"),
    "updated_at": _l("Gewijzigd"),
    "started_at": _l("Begonnen"),
    "score": _l("Score"),
    "reasons": _l("Redenen"),
    "action": _l("Handeling"),
    "actor_role": _l("Door (rol)"),
    "reason": _l("Waarom"),
    "given_at": _l("Toestemming gegeven op"),
    "given_via": _l("Gegeven via"),
    "withdrawn_at": _l("Ingetrokken op"),
    "withdrawn_via": _l("Ingetrokken via"),
    "from_status": _l("Van"),
    "to_status": _l("Naar"),
    "reason_code": _l("Reden"),
    "monitoring": _l("Alleen voor toezicht op gelijke behandeling"),
}
# Fields whose values are codes of a vocabulary: shown as their Dutch label.
VALUE_VOCABULARIES = {
    "status": "status",
    "from_status": "status",
    "to_status": "status",
    "education_level": "education",
    "dutch_level": "dutch",
    "restrictions": "restriction",
    "reason_code": "reason",
    "kind": "kind",
}


def own_data(session: Session, *, claimant_id: int) -> dict[str, list[dict[str, Any]]]:
    """Return the complete export of a claimant, with times in Amsterdam time."""
    return export_claimant(session, claimant_id=claimant_id, zone=AMSTERDAM)


def as_json(data: dict[str, list[dict[str, Any]]]) -> str:
    """Return the export as the JSON file the claimant downloads."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


def readable(
    data: dict[str, list[dict[str, Any]]],
) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    """Return the export as (heading, rows of (label, text)) for the Dutch page."""
    order = [name for name in PARTS if name in data] + sorted(set(data) - set(PARTS))
    return [
        (
            str(PARTS.get(name, name)),
            [[(str(FIELDS.get(k, k)), _shown(k, v)) for k, v in row.items()] for row in data[name]],
        )
        for name in order
    ]


def _shown(key: str, value: Any) -> str:
    """Return a field's value in words: codes as their Dutch label, monitoring as words."""
    if key in VALUE_VOCABULARIES and value:
        return labels(value if isinstance(value, list) else [value], VALUE_VOCABULARIES[key])
    if (
        isinstance(value, dict)
        and value
        and all(not isinstance(v, dict | list) for v in value.values())
    ):
        return ", ".join(
            f"{label(k, 'attribute')}: {label(v, 'group') if isinstance(v, str) else _text(v)}"
            for k, v in value.items()
        )
    return _text(value)


def _text(value: Any) -> str:
    """Return a value as a person reads it: Ja/Nee, day-month-year hour:minute, lists."""
    if value is None or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return str(gettext("Ja") if value else gettext("Nee"))
    if isinstance(value, str) and len(value) >= 19 and value[10:11] == "T":
        try:
            return datetime.fromisoformat(value).strftime("%d-%m-%Y %H:%M")
        except ValueError:
            return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
