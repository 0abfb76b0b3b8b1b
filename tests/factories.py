"""Factories that add valid rows with sensible defaults; tests override what they care about."""

from datetime import UTC, date, datetime
from itertools import count
from typing import Any

from sqlalchemy.orm import Session

from models import Claimant, Employer, Match, MatchConsent, Opportunity, User
from web.auth.passwords import hash_password

PASSWORD = "correct horse battery staple"  # noqa: S105
_numbers = count(1)
_password_hash: list[str] = []


def _hash() -> str:
    """Hash the test password once per test run (argon2 is slow on purpose)."""
    if not _password_hash:
        _password_hash.append(hash_password(PASSWORD))
    return _password_hash[0]


def create_employer(session: Session, **fields: Any) -> Employer:
    """Add an employer."""
    n = next(_numbers)
    values: dict[str, Any] = {"name": f"Werkgever {n}", "region": "test", "covenant_member": True}
    employer = Employer(**(values | fields))
    session.add(employer)
    session.flush()
    return employer


def create_user(session: Session, role: str, **fields: Any) -> User:
    """Add a user with the test password; an employer user gets an employer."""
    n = next(_numbers)
    if role == "employer" and "employer_id" not in fields:
        fields["employer_id"] = create_employer(session).id
    values: dict[str, Any] = {
        "email": f"{role}{n}@example.org",
        "display_name": f"{role.title()} {n}",
        "role": role,
        "region": "gooi-en-vechtstreek",
        "password_hash": _hash(),
    }
    user = User(**(values | fields))
    session.add(user)
    session.flush()
    return user


def create_claimant(session: Session, **fields: Any) -> Claimant:
    """Add a claimant."""
    n = next(_numbers)
    values: dict[str, Any] = {
        "client_number": f"T-{n:05d}",
        "region": "gooi-en-vechtstreek",
        "first_name": "Test",
        "last_name": f"Klant {n}",
        "postcode": "1271",
        "ladder_step": 5,
        "intake_on": date(2026, 11, 1),
    }
    claimant = Claimant(**(values | fields))
    session.add(claimant)
    session.flush()
    return claimant


def create_orderpicker(session: Session) -> Claimant:
    """Add a claimant ready for paid work as an orderpicker near Huizen, without a licence."""
    return create_claimant(
        session,
        postcode="1271AB",
        max_travel_km=10,
        hours_per_week=32,
        driving_licence=False,
        desired_occupations=["orderpicker"],
        ladder_step=6,
    )


def create_opportunity(session: Session, **fields: Any) -> Opportunity:
    """Add an open vacancy."""
    n = next(_numbers)
    values: dict[str, Any] = {
        "kind": "vacancy",
        "region": "gooi-en-vechtstreek",
        "title": f"Orderpicker {n}",
        "postcode": "1271",
        "capacity": 1,
    }
    opportunity = Opportunity(**(values | fields))
    session.add(opportunity)
    session.flush()
    return opportunity


def give_consent(session: Session, match: Match, *, at: datetime | None = None) -> MatchConsent:
    """Add a standing consent for a match, as if the claimant said yes in the portal."""
    session.flush()
    consent = MatchConsent(match_id=match.id, given_at=at or datetime.now(UTC), given_via="portal")
    session.add(consent)
    session.flush()
    return consent
