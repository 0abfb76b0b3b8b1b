"""Demo staff accounts and claimants."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from models import Claimant, Employer, LadderStepChange, User
from models.vocab import DUTCH_LEVELS, EDUCATION_LEVELS
from web.auth.passwords import hash_password
from web.demo.data import FIRST_NAMES, LAST_NAMES, RESTRICTIONS, SKILLS, occupations, postcodes

DEMO_PASSWORD = "zicht-op-werk-demo"  # noqa: S105  (printed at start; demo mode only)
CLAIMANT_COUNT = 300
# How far back the demo history goes: intakes and weekly sessions of the last half year.
HISTORY_WEEKS = 26
# (role, e-mail, name) of the accounts printed at start-up, plus a second mediator.
DEMO_ACCOUNTS = (
    ("admin", "beheer@demo.zow", "Beheer Demo"),
    ("mediator", "werkcoach@demo.zow", "Wendy Werkcoach"),
    ("employer", "werkgever@demo.zow", "Werkgever Demo"),
    ("claimant", "klant@demo.zow", "Anna de Vries"),
)
SECOND_MEDIATOR = ("mediator", "werkcoach2@demo.zow", "Mark Matcher")


@dataclass
class Staff:
    """The demo accounts the rest of the demo data refers to."""

    mediators: list[User] = field(default_factory=list)
    claimant: User | None = None


def _user(
    session: Session,
    role: str,
    email: str,
    name: str,
    region: str,
    password: str,
    employer_id: int | None = None,
) -> User:
    """Add a demo user."""
    user = User(
        email=email,
        display_name=name,
        role=role,
        region=region,
        is_demo=True,
        password_hash=password,
        employer_id=employer_id,
    )
    session.add(user)
    return user


def add_staff(session: Session, *, region: str, employer: Employer) -> Staff:
    """Add the demo logins (admin, two mediators, an employer, a claimant)."""
    password = hash_password(DEMO_PASSWORD)  # hashed once: argon2 is slow on purpose
    staff = Staff()
    for role, email, name in (*DEMO_ACCOUNTS, SECOND_MEDIATOR):
        employer_id = employer.id if role == "employer" else None
        user = _user(session, role, email, name, region, password, employer_id)
        if role == "mediator":
            staff.mediators.append(user)
        if role == "claimant":
            staff.claimant = user
    session.flush()
    return staff


def _claimant(rng: random.Random, number: int, region: str, today: date) -> Claimant:
    """Return one fictional claimant."""
    pc4, municipality = rng.choice(postcodes())
    step = rng.choices(range(1, 7), weights=(5, 8, 15, 17, 25, 30))[0]
    history = rng.sample(occupations(), k=rng.randint(0, 3))
    return Claimant(
        client_number=f"DEMO-{number:05d}",
        region=region,
        first_name=rng.choice(FIRST_NAMES),
        last_name=rng.choice(LAST_NAMES),
        email=f"klant{number}@demo.zow",
        postcode=f"{pc4}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}",
        municipality=municipality,
        max_travel_km=float(rng.choice((5, 10, 15, 20, 30))),
        hours_per_week=rng.choice((8, 12, 16, 20, 24, 32, 36, 40)),
        driving_licence=rng.random() < 0.45,
        ladder_step=step,
        education_level=rng.choice(EDUCATION_LEVELS),
        dutch_level=rng.choice(DUTCH_LEVELS[1:]),
        desired_occupations=[o.title for o in rng.sample(occupations(), k=rng.randint(1, 3))],
        work_history=[{"title": o.title, "years": rng.randint(1, 12)} for o in history],
        skills=rng.sample(SKILLS, k=rng.randint(1, 5)),
        restrictions=rng.sample(RESTRICTIONS, k=rng.choice((0, 0, 0, 1, 2))),
        monitoring={"sex": rng.choice(("v", "m", "x")), "birth_year": rng.randint(1960, 2005)},
        intake_on=today - timedelta(days=rng.randint(1, HISTORY_WEEKS * 7)),
        digest_opt_out=rng.random() < 0.1,
    )


def add_claimants(
    session: Session,
    rng: random.Random,
    *,
    region: str,
    today: date,
    mediators: list[User],
    login: User | None,
) -> list[Claimant]:
    """Add the demo claimants, spread over the mediators and all ladder steps."""
    claimants = [_claimant(rng, n, region, today) for n in range(1, CLAIMANT_COUNT + 1)]
    for index, claimant in enumerate(claimants):
        claimant.mediator_id = mediators[index % len(mediators)].id
    if login is not None:
        first = claimants[0]
        first.first_name, first.last_name, first.user_id = "Anna", "de Vries", login.id
        first.ladder_step = 5
        first.intake_on = today - timedelta(days=16)  # just before the session two weeks ago
    session.add_all(claimants)
    session.flush()
    session.add_all(
        LadderStepChange(claimant_id=c.id, from_step=None, to_step=c.ladder_step) for c in claimants
    )
    return claimants
