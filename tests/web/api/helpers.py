"""Helpers for the API tests: tokens, headers and a small region with two of everything."""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from models import Claimant, Match, Opportunity, SessionAttendance, User, WeeklySession
from tests.factories import create_claimant, create_opportunity, create_user
from web.api.tokens import issue_token

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def token_for(db: Session, user: User, name: str = "test") -> str:
    """Issue a token for a user (the caller commits)."""
    return issue_token(db, user=user, name=name)[1]


def bearer(token: str) -> dict[str, str]:
    """Return the Authorization header for a token."""
    return {"Authorization": f"Bearer {token}"}


@dataclass
class World:
    """Two mediators, two employers, claimants, opportunities, matches and a session."""

    mediator: User
    other_mediator: User
    employer: User
    rival: User
    claimant_user: User
    admin: User
    own_claimant: Claimant
    other_claimant: Claimant
    far_claimant: Claimant
    placement: Opportunity
    rival_placement: Opportunity
    released: Match
    approved_only: Match
    unapproved: Match
    rival_match: Match
    weekly_session: WeeklySession
    tokens: dict[str, str]


def make_world(db: Session) -> World:
    """Create the world and a token per role; commits."""
    mediator, other_mediator = create_user(db, "mediator"), create_user(db, "mediator")
    far_mediator = create_user(db, "mediator", region="elders")
    employer, rival = create_user(db, "employer"), create_user(db, "employer")
    claimant_user, admin = create_user(db, "claimant"), create_user(db, "admin")
    own = create_claimant(
        db,
        first_name="Fatima",
        last_name="Kaya",
        bsn="111222333",
        restrictions=["geen_tillen"],
        mediator_id=mediator.id,
        user_id=claimant_user.id,
        skills=["orderpicken"],
    )
    other = create_claimant(db, first_name="Kees", last_name="Smit", mediator_id=other_mediator.id)
    far = create_claimant(db, region="elders", last_name="Ver", mediator_id=far_mediator.id)
    placement = create_opportunity(db, kind="placement", employer_id=employer.employer_id)
    rival_placement = create_opportunity(db, kind="placement", employer_id=rival.employer_id)
    released = _match(db, own, placement, approved=True, released=True)
    approved_only = _match(db, other, placement, approved=True)
    unapproved = _match(db, far, placement)
    rival_match = _match(db, own, rival_placement, approved=True, released=True)
    weekly_session = WeeklySession(
        region="gooi-en-vechtstreek", mediator_id=mediator.id, starts_at=NOW, location="Huizen"
    )
    db.add(weekly_session)
    db.flush()
    db.add(SessionAttendance(session_id=weekly_session.id, claimant_id=own.id))
    users = {"mediator": mediator, "employer": employer, "claimant": claimant_user, "admin": admin}
    tokens = {role: token_for(db, user) for role, user in users.items()}
    tokens["rival"] = token_for(db, rival)
    tokens["other_mediator"] = token_for(db, other_mediator)
    db.commit()
    return World(
        mediator, other_mediator, employer, rival, claimant_user, admin, own, other, far,
        placement, rival_placement, released, approved_only, unapproved, rival_match,
        weekly_session, tokens,
    )  # fmt: skip


def _match(
    db: Session,
    claimant: Claimant,
    opportunity: Opportunity,
    *,
    approved: bool = False,
    released: bool = False,
) -> Match:
    """Add a proposal, optionally approved and released."""
    match = Match(
        claimant_id=claimant.id,
        opportunity_id=opportunity.id,
        score=0.8,
        reasons=["Past bij je ervaring"],
        approved_at=NOW if approved else None,
        released_to_employer_at=NOW if released else None,
    )
    db.add(match)
    db.flush()
    return match
