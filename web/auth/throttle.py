"""Limits on failed logins, per account and per address, counted in the database."""

import hashlib
import hmac
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import LoginFailure
from models.base import utcnow

ACCOUNT_LIMIT = 100  # failures per account per hour (ASVS: at most 100)
ACCOUNT_WINDOW = timedelta(hours=1)
ADDRESS_LIMIT = 30  # failures per address per quarter of an hour
ADDRESS_WINDOW = timedelta(minutes=15)


def origin_hash(address: str, *, key: str) -> str:
    """Return a keyed hash of a network address, so it can be counted but not read."""
    return hmac.new(key.encode(), address.encode(), hashlib.sha256).hexdigest()


def _failures_since(session: Session, since: datetime, *conditions: object) -> int:
    """Count failed logins since a moment that meet the conditions."""
    query = select(func.count()).select_from(LoginFailure).where(LoginFailure.at >= since)
    return session.scalar(query.where(*conditions)) or 0  # type: ignore[arg-type]


def account_locked(session: Session, *, user_id: int, now: datetime | None = None) -> bool:
    """Return whether an account had too many failed logins in the last hour."""
    since = (now or utcnow()) - ACCOUNT_WINDOW
    return _failures_since(session, since, LoginFailure.user_id == user_id) >= ACCOUNT_LIMIT


def address_blocked(session: Session, *, origin: str, now: datetime | None = None) -> bool:
    """Return whether an address had too many failed logins in the last quarter hour."""
    since = (now or utcnow()) - ADDRESS_WINDOW
    return _failures_since(session, since, LoginFailure.origin_hash == origin) >= ADDRESS_LIMIT


def record_failure(session: Session, *, user_id: int | None, origin: str) -> None:
    """Remember a failed login."""
    session.add(LoginFailure(user_id=user_id, origin_hash=origin))
