"""Opportunities as each role may see them; employers post and edit their own."""

from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from matcher.records import FieldError, OpportunityRecord, opportunity_from_dict
from models import Employer, Opportunity
from models.vocab import INSTRUMENTS
from models.workflow import close_open_matches
from web.api.fields import FieldsError
from web.api.services.paging import Page, paginate
from web.api.tokens import Caller

# Fields copied as they are once the JSON types are checked.
_PLAIN = ("description", "municipality", "conditions", "hours_min", "hours_max", *INSTRUMENTS)


def visible_opportunities(caller: Caller) -> Select[Opportunity]:
    """Return a select of the opportunities the caller may see."""
    statement = select(Opportunity).order_by(Opportunity.id)
    if caller.role == "mediator":
        return statement.where(Opportunity.region == caller.region)
    if caller.role == "employer":
        return statement.where(Opportunity.employer_id == (caller.employer_id or 0))
    if caller.role == "admin":
        return statement
    return statement.where(Opportunity.id.is_(None))


def list_opportunities(
    session: Session,
    *,
    caller: Caller,
    limit: int,
    offset: int,
    kind: str | None = None,
    status: str | None = None,
) -> Page[Opportunity]:
    """Return a page of visible opportunities, optionally of one kind or status."""
    statement = visible_opportunities(caller)
    if kind:
        statement = statement.where(Opportunity.kind == kind)
    if status:
        statement = statement.where(Opportunity.status == status)
    return paginate(session, statement, limit=limit, offset=offset)


def get_opportunity(session: Session, *, caller: Caller, opportunity_id: int) -> Opportunity | None:
    """Return one opportunity if the caller may see it, else None."""
    return session.scalar(visible_opportunities(caller).where(Opportunity.id == opportunity_id))


def create_opportunity(
    session: Session, *, caller: Caller, data: dict[str, Any], today: date
) -> Opportunity:
    """Validate and add an opportunity posted by the caller's employer."""
    employer = session.get(Employer, caller.employer_id or 0)
    if employer is None:
        raise FieldsError([FieldError("employer", "your account has no employer")])
    opportunity = Opportunity(
        employer_id=employer.id,
        employer_name=employer.name,
        region=caller.region,
        posted_on=today,
        status="open",
    )
    _apply(opportunity, data, _validated(data))
    session.add(opportunity)
    session.flush()
    return opportunity


def update_opportunity(session: Session, *, opportunity: Opportunity, data: dict[str, Any]) -> None:
    """Validate a partial change of an employer's opportunity and apply it."""
    merged = {**_as_interchange(opportunity), **data}
    _apply(opportunity, data, _validated(merged))
    if "status" in data:
        opportunity.status = data["status"]
    session.flush()
    if opportunity.status != "open":
        # As on the employer pages: its open proposals close, and the view of identity ends.
        close_open_matches(session, opportunity_id=opportunity.id, reason_code="opportunity_closed")


def _validated(data: dict[str, Any]) -> OpportunityRecord:
    """Check the interchange fields with the matcher's own validator."""
    result = opportunity_from_dict({**data, "id": "api"})
    if isinstance(result, OpportunityRecord):
        return result
    raise FieldsError(result)


def _apply(opportunity: Opportunity, data: dict[str, Any], record: OpportunityRecord) -> None:
    """Copy validated values onto the row; only fields present in `data` change."""
    normalised = {
        "kind": record.kind,
        "title": record.title,
        "postcode": record.postcode,
        "capacity": record.capacity,
        "requires_driving_licence": record.requires_driving_licence,
        "education_level": record.education_level,
        "dutch_level": record.dutch_level,
        "physical_demands": list(record.physical_demands),
        "skills": list(record.skills),
        "closes_on": record.closes_on,
        "esco_uri": record.esco_occupation,
    }
    for name, value in normalised.items():
        if name in data or (name == "esco_uri" and "esco_occupation" in data):
            setattr(opportunity, name, value)
    for name in _PLAIN:
        if name in data:
            setattr(opportunity, name, data[name])
    if opportunity.description is None:
        opportunity.description = ""
    for name in INSTRUMENTS:
        if getattr(opportunity, name) is None:
            setattr(opportunity, name, False)
    if opportunity.requires_driving_licence is None:
        opportunity.requires_driving_licence = False


def _as_interchange(opportunity: Opportunity) -> dict[str, Any]:
    """Return the row's current values under the interchange field names."""
    return {
        "kind": opportunity.kind,
        "title": opportunity.title,
        "postcode": opportunity.postcode,
        "capacity": opportunity.capacity,
        "hours_min": opportunity.hours_min,
        "hours_max": opportunity.hours_max,
        "education_level": opportunity.education_level,
        "dutch_level": opportunity.dutch_level,
        "closes_on": opportunity.closes_on.isoformat() if opportunity.closes_on else None,
    }
