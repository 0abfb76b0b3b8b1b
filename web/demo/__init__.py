"""A realistic, clearly fictional Gooi en Vechtstreek region for demonstrations."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matcher.store.proposals import propose_for_sessions
from models import User
from web.demo.employers import add_employers
from web.demo.history import add_sessions_and_outcomes
from web.demo.opportunities import add_opportunities
from web.demo.people import DEMO_ACCOUNTS, DEMO_PASSWORD, add_claimants, add_staff

REGION = "gooi-en-vechtstreek"


@dataclass(frozen=True)
class DemoLogin:
    """A demo account to print at start-up."""

    role: str
    email: str
    password: str


class NotEmptyError(RuntimeError):
    """Demo data is only loaded into an empty database."""


def demo_logins() -> list[DemoLogin]:
    """Return the demo logins (the same in every demo database)."""
    return [DemoLogin(role, email, DEMO_PASSWORD) for role, email, _name in DEMO_ACCOUNTS]


def is_empty(session: Session) -> bool:
    """Return whether the database has no users yet."""
    return not session.scalar(select(func.count()).select_from(User))


def load_demo(
    session: Session, *, today: date, seed: int = 2026, with_proposals: bool = True
) -> list[DemoLogin]:
    """Fill an empty database with the demo region and return the demo logins.

    With proposals, this week's session attendees also get their ranked proposals,
    awaiting the mediator's approval, as the pre-session job would make them.
    """
    if not is_empty(session):
        raise NotEmptyError("The database already has data; demo data goes into an empty one.")
    import random

    rng = random.Random(seed)  # noqa: S311  (demo data, not security)
    employers = add_employers(session, rng, region=REGION, today=today)
    staff = add_staff(session, region=REGION, employer=employers[0])
    claimants = add_claimants(
        session, rng, region=REGION, today=today, mediators=staff.mediators, login=staff.claimant
    )
    opportunities = add_opportunities(session, rng, region=REGION, today=today, employers=employers)
    add_sessions_and_outcomes(
        session,
        rng,
        region=REGION,
        today=today,
        mediators=staff.mediators,
        claimants=claimants,
        opportunities=opportunities,
    )
    if with_proposals:
        propose_for_sessions(session, region=REGION, today=today)
    return demo_logins()
