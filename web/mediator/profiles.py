"""Claimant profiles as a mediator keeps them: intake, completeness, history, audit."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from matcher.limits import unknown_fields
from models import AuditEvent, Claimant, LadderStepChange, Match, MatchStatusChange, Opportunity

# Without these the matcher cannot apply its hard limits, so the profile cannot be matched.
REQUIRED_FIELDS = tuple(u.field for u in unknown_fields() if u.completeness == "required")
# These make the matches better; a missing value is shown but does not block matching.
RECOMMENDED_FIELDS = (
    *(u.field for u in unknown_fields() if u.completeness == "recommended"),
    "education_level",
    "desired_occupations",
    "skills",
)
PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "postcode",
    "municipality",
    "max_travel_km",
    "hours_per_week",
    "driving_licence",
    "education_level",
    "dutch_level",
    "desired_occupations",
    "skills",
    "restrictions",
    "notes",
)


@dataclass(frozen=True)
class Completeness:
    """Which fields that matter are still empty."""

    missing_required: list[str]
    missing_recommended: list[str]

    @property
    def matchable(self) -> bool:
        """Return whether the matcher may use this profile."""
        return not self.missing_required

    @property
    def percent(self) -> int:
        """Return the share of fields that matter that are filled."""
        total = len(REQUIRED_FIELDS) + len(RECOMMENDED_FIELDS)
        missing = len(self.missing_required) + len(self.missing_recommended)
        return round(100 * (total - missing) / total)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == []


def completeness(claimant: Claimant) -> Completeness:
    """Return which required and recommended fields of a profile are missing."""
    return Completeness(
        [name for name in REQUIRED_FIELDS if _empty(getattr(claimant, name))],
        [name for name in RECOMMENDED_FIELDS if _empty(getattr(claimant, name))],
    )


def get_claimant(session: Session, *, claimant_id: int, region: str) -> Claimant | None:
    """Return a claimant of the region, or None."""
    claimant = session.get(Claimant, claimant_id)
    return claimant if claimant is not None and claimant.region == region else None


def register(
    session: Session,
    *,
    region: str,
    mediator_id: int,
    client_number: str,
    ladder_step: int,
    today: date,
    fields: dict[str, Any],
) -> Claimant:
    """Add a new claimant from the intake form."""
    claimant = Claimant(
        region=region,
        mediator_id=mediator_id,
        client_number=client_number,
        ladder_step=ladder_step,
        intake_on=today,
        **{name: fields.get(name) for name in PROFILE_FIELDS},
    )
    session.add(claimant)
    session.flush()
    session.add(
        LadderStepChange(claimant_id=claimant.id, to_step=ladder_step, actor_id=mediator_id)
    )
    return claimant


def client_number_taken(session: Session, *, client_number: str) -> bool:
    """Return whether another claimant already has this client number."""
    found = session.scalar(select(Claimant.id).where(Claimant.client_number == client_number))
    return found is not None


def update_profile(
    session: Session, *, claimant: Claimant, actor_id: int, ladder_step: int, fields: dict[str, Any]
) -> None:
    """Change a profile; a new ladder step is kept in the step history."""
    for name in PROFILE_FIELDS:
        if name in fields:
            setattr(claimant, name, fields[name])
    if ladder_step != claimant.ladder_step:
        session.add(
            LadderStepChange(
                claimant_id=claimant.id,
                from_step=claimant.ladder_step,
                to_step=ladder_step,
                actor_id=actor_id,
            )
        )
        claimant.ladder_step = ladder_step


def ladder_history(session: Session, *, claimant_id: int) -> list[LadderStepChange]:
    """Return a claimant's moves on the participation ladder, oldest first."""
    return list(
        session.scalars(
            select(LadderStepChange)
            .where(LadderStepChange.claimant_id == claimant_id)
            .order_by(LadderStepChange.at, LadderStepChange.id)
        )
    )


def match_history(
    session: Session, *, claimant_id: int
) -> list[tuple[Match, Opportunity, list[MatchStatusChange]]]:
    """Return a claimant's matches, newest first, each with its status timeline."""
    rows = session.execute(
        select(Match, Opportunity)
        .join(Opportunity, Opportunity.id == Match.opportunity_id)
        .where(Match.claimant_id == claimant_id)
        .order_by(Match.created_at.desc(), Match.id.desc())
    ).all()
    changes = session.scalars(
        select(MatchStatusChange)
        .join(Match, Match.id == MatchStatusChange.match_id)
        .where(Match.claimant_id == claimant_id)
        .order_by(MatchStatusChange.at, MatchStatusChange.id)
    )
    by_match: dict[int, list[MatchStatusChange]] = {}
    for change in changes:
        by_match.setdefault(change.match_id, []).append(change)
    return [(match, opp, by_match.get(match.id, [])) for match, opp in rows]


def record_read(session: Session, *, actor_id: int, role: str, claimant_id: int, why: str) -> None:
    """Write an audit record that someone read a claimant's page."""
    session.add(
        AuditEvent(
            actor_id=actor_id,
            actor_role=role,
            action="read",
            object_type="claimant",
            object_id=str(claimant_id),
            reason=why,
        )
    )


ROUTES = {
    "": None,
    "work": ["vacancy", "placement"],
    "coaching": ["coaching"],
    "day_activity": ["day_activity"],
}


def route_of(claimant: Claimant) -> str:
    """Return the routing choice that matches the claimant's allowed kinds."""
    for name, kinds in ROUTES.items():
        if kinds == claimant.allowed_kinds:
            return name
    return ""


def set_routing(
    session: Session, *, claimant: Claimant, route: str, actor_id: int, reason_code: str
) -> None:
    """Override which kinds of opportunity the claimant is matched to, and log why."""
    if route not in ROUTES:
        raise ValueError(f"unknown route {route!r}")
    claimant.allowed_kinds = ROUTES[route]
    session.add(
        AuditEvent(
            actor_id=actor_id,
            actor_role="mediator",
            action="change",
            object_type="claimant_routing",
            object_id=str(claimant.id),
            reason=f"{reason_code}:{route or 'trede'}",
        )
    )
