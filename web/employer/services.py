"""Queries behind the employer pages; every query is scoped to one employer."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matcher.store.outcomes import placements
from models import Employer, Opportunity, Pledge
from models.workflow import close_open_matches


@dataclass(frozen=True)
class Ledger:
    """The covenant ledger of one employer: pledged, offered and filled placements."""

    pledged: int
    offered: int
    filled: int


def get_employer(session: Session, *, employer_id: int) -> Employer | None:
    """Return the employer row."""
    return session.get(Employer, employer_id)


def list_opportunities(session: Session, *, employer_id: int) -> list[Opportunity]:
    """Return the employer's own opportunities, newest first."""
    return list(
        session.scalars(
            select(Opportunity)
            .where(Opportunity.employer_id == employer_id)
            .order_by(Opportunity.created_at.desc(), Opportunity.id.desc())
        )
    )


def ledger(session: Session, *, employer_id: int, year: int) -> Ledger:
    """Return the employer's covenant ledger for a year."""
    pledged = session.scalar(
        select(func.coalesce(func.sum(Pledge.placements), 0)).where(
            Pledge.employer_id == employer_id, Pledge.year == year
        )
    )
    offered = session.scalar(
        select(func.coalesce(func.sum(Opportunity.capacity), 0)).where(
            Opportunity.employer_id == employer_id, Opportunity.kind == "placement"
        )
    )
    filled = sum(p.year == year for p in placements(session, employer_id=employer_id))
    return Ledger(int(pledged or 0), int(offered or 0), filled)


def get_own_opportunity(
    session: Session, *, employer_id: int, opportunity_id: int
) -> Opportunity | None:
    """Return one of the employer's own opportunities, or None."""
    opportunity = session.get(Opportunity, opportunity_id)
    if opportunity is None or opportunity.employer_id != employer_id:
        return None
    return opportunity


def save_opportunity(
    session: Session,
    *,
    employer: Employer,
    fields: dict[str, Any],
    opportunity: Opportunity | None = None,
    today: date,
) -> Opportunity:
    """Add a new placement or vacancy of the employer, or change an existing one."""
    if opportunity is None:
        opportunity = Opportunity(
            employer_id=employer.id,
            employer_name=employer.name,
            region=employer.region,
            posted_on=today,
        )
        session.add(opportunity)
    for name, value in fields.items():
        setattr(opportunity, name, value)
    session.flush()
    if opportunity.status != "open":
        # Filled or withdrawn: its open proposals close, and with them the view of identity.
        close_open_matches(session, opportunity_id=opportunity.id, reason_code="opportunity_closed")
    return opportunity
