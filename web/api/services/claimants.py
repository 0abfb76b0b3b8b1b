"""Claimants as each role may see them, and intake of new claimants by a mediator."""

import re
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from matcher.records import ClaimantProfile, FieldError, claimant_from_dict
from models import Claimant
from models.vocab import FUNCTIONAL_RESTRICTION
from web.api.fields import FieldsError
from web.api.services.paging import Page, paginate
from web.api.tokens import Caller


def visible_claimants(caller: Caller) -> Select[Claimant]:
    """Return a select of the claimants the caller may see."""
    statement = select(Claimant).order_by(Claimant.id)
    if caller.role == "mediator":
        return statement.where(Claimant.region == caller.region)
    if caller.role == "claimant":
        return statement.where(Claimant.id == (caller.claimant_id or 0))
    if caller.role == "admin":
        return statement
    return statement.where(Claimant.id.is_(None))


def list_claimants(
    session: Session, *, caller: Caller, limit: int, offset: int, mine: bool = False
) -> Page[Claimant]:
    """Return a page of the claimants the caller may see; `mine` keeps a mediator's caseload."""
    statement = visible_claimants(caller)
    if mine:
        statement = statement.where(Claimant.mediator_id == caller.user_id)
    return paginate(session, statement, limit=limit, offset=offset)


def get_claimant(session: Session, *, caller: Caller, claimant_id: int) -> Claimant | None:
    """Return one claimant if the caller may see them, else None."""
    return session.scalar(visible_claimants(caller).where(Claimant.id == claimant_id))


def create_claimant(
    session: Session, *, caller: Caller, data: dict[str, Any], store_bsn: bool, today: date
) -> Claimant:
    """Validate a new claimant like the interchange format and add them to the caseload."""
    profile = _profile(data)
    errors = _identity_errors(session, data, store_bsn)
    if errors:
        raise FieldsError(errors)
    claimant = Claimant(
        client_number=data["client_number"].strip(),
        bsn=data.get("bsn") if store_bsn else None,
        region=caller.region,
        first_name=data["first_name"].strip(),
        last_name=data["last_name"].strip(),
        email=data.get("email"),
        postcode=profile.postcode,
        municipality=data.get("municipality"),
        max_travel_km=profile.max_travel_km,
        hours_per_week=data.get("hours_per_week"),
        driving_licence=profile.driving_licence,
        ladder_step=profile.ladder_step,
        education_level=profile.education_level,
        dutch_level=profile.dutch_level,
        desired_occupations=list(profile.desired_occupations),
        work_history=[{"title": w.title, "years": w.years} for w in profile.work_history],
        skills=list(profile.skills),
        restrictions=list(profile.restrictions or ()),
        notes=profile.notes or None,
        intake_on=date.fromisoformat(data["intake_on"]) if data.get("intake_on") else today,
        mediator_id=caller.user_id,
    )
    session.add(claimant)
    session.flush()
    return claimant


def _profile(data: dict[str, Any]) -> ClaimantProfile:
    """Check the interchange fields with the matcher's own validator."""
    result = claimant_from_dict({**data, "id": data.get("client_number")})
    if isinstance(result, ClaimantProfile):
        return result
    raise FieldsError(
        [FieldError("client_number" if e.field == "id" else e.field, e.message) for e in result]
    )


def _identity_errors(session: Session, data: dict[str, Any], store_bsn: bool) -> list[FieldError]:
    """Return problems with the name, e-mail, BSN and client number."""
    errors = [
        FieldError(name, "is required")
        for name in ("first_name", "last_name")
        if not data[name].strip()
    ]
    restrictions = data.get("restrictions") or []
    functional = (
        isinstance(r, str) and re.fullmatch(FUNCTIONAL_RESTRICTION, r) for r in restrictions
    )
    if not all(functional):
        # Named by field only: the refused value may be a diagnosis.
        errors.append(FieldError("restrictions", "only functional limitations such as geen_tillen"))
    email = data.get("email")
    if email and ("@" not in email or any(char.isspace() for char in email)):
        errors.append(FieldError("email", "not an e-mail address"))
    bsn = data.get("bsn")
    if bsn is not None and not store_bsn:
        errors.append(FieldError("bsn", "BSN storage is switched off for this municipality"))
    elif bsn is not None and not passes_elfproef(bsn):
        errors.append(FieldError("bsn", "not a valid BSN (9 digits, elfproef)"))
    number = data["client_number"].strip()
    if session.scalar(select(Claimant.id).where(Claimant.client_number == number)):
        errors.append(FieldError("client_number", "already exists"))
    return errors


def passes_elfproef(bsn: str) -> bool:
    """Return whether a text is a 9-digit number that passes the BSN eleven test."""
    if len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit():
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(bsn, weights, strict=True)) % 11 == 0
