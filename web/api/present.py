"""Turn rows into the JSON each role may see; what is left out here never leaves the API."""

from datetime import UTC, date, datetime
from typing import Any

from models import Claimant, Match, MatchConsent, MatchStatusChange, Opportunity, WeeklySession
from models import SessionAttendance as Attendance
from web.api.services.paging import Page

Json = dict[str, Any]
_PROFILE = (
    "postcode",
    "municipality",
    "max_travel_km",
    "hours_per_week",
    "driving_licence",
    "ladder_step",
    "education_level",
    "dutch_level",
    "desired_occupations",
    "work_history",
    "skills",
    "restrictions",
    "status",
)


def iso(value: date | datetime | None) -> str | None:
    """Return ISO 8601 text; stored times without a zone are UTC."""
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat() if value is not None else None


def page(items: list[Json], result: Page[Any]) -> Json:
    """Return the page envelope."""
    return {"items": items, "total": result.total, "limit": result.limit, "offset": result.offset}


def claimant(row: Claimant, role: str) -> Json:
    """Return a claimant as the role may see them: admins get only the id."""
    if role == "admin":
        return {"id": row.id}
    data: Json = {"id": row.id, "first_name": row.first_name, "last_name": row.last_name}
    data |= {"email": row.email, "intake_on": iso(row.intake_on)}
    data |= {name: getattr(row, name) for name in _PROFILE}
    if role == "mediator":
        data |= {
            "client_number": row.client_number,
            "bsn": row.bsn,
            "notes": row.notes,
            "mediator_id": row.mediator_id,
        }
    return data


def opportunity(row: Opportunity) -> Json:
    """Return an opportunity."""
    names = (
        "id",
        "kind",
        "title",
        "description",
        "employer_id",
        "employer_name",
        "region",
        "postcode",
        "municipality",
        "hours_min",
        "hours_max",
        "requires_driving_licence",
        "education_level",
        "dutch_level",
        "physical_demands",
        "skills",
        "conditions",
        "capacity",
        "status",
    )
    data: Json = {name: getattr(row, name) for name in names}
    data |= {"esco_occupation": row.esco_uri, "instruments": row.instruments}
    return data | {"posted_on": iso(row.posted_on), "closes_on": iso(row.closes_on)}


def match(row: Match, role: str, consent: MatchConsent | None = None) -> Json:
    """Return a match; an employer gets only the id, place and status (the rest: candidate)."""
    data: Json = {"id": row.id, "opportunity_id": row.opportunity_id, "status": row.status}
    if role == "employer":
        return data
    data |= {"score": row.score, "reasons": row.reasons, "approved_at": iso(row.approved_at)}
    data |= {"claimant_id": row.claimant_id, "session_id": row.session_id, "rank": row.rank}
    data |= {
        "claimant_consented_at": iso(consent.given_at) if consent else None,
        "released_to_employer_at": iso(row.released_to_employer_at),
        "follow_up_on": iso(row.follow_up_on),
        "applied_on": iso(row.applied_on),
    }
    return data


def change(row: MatchStatusChange) -> Json:
    """Return one step of a match's history."""
    return {
        "at": iso(row.at),
        "actor_id": row.actor_id,
        "from_status": row.from_status,
        "to_status": row.to_status,
        "reason_code": row.reason_code,
        "note": row.note,
    }


def weekly_session(row: WeeklySession, attendees: list[Attendance] | None = None) -> Json:
    """Return a session, with its attendees' ids when given."""
    data: Json = {
        "id": row.id,
        "region": row.region,
        "mediator_id": row.mediator_id,
        "starts_at": iso(row.starts_at),
        "location": row.location,
        "municipality": row.municipality,
        "seats": row.seats,
        "status": row.status,
    }
    if attendees is not None:
        data["attendees"] = [
            {"claimant_id": a.claimant_id, "attended": a.attended, "invited_at": iso(a.invited_at)}
            for a in attendees
        ]
    return data
