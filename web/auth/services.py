"""Checking credentials against the user table, within the failed-login limits."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import User
from models.base import utcnow
from web.auth.passwords import verify_password
from web.auth.throttle import account_locked, address_blocked, record_failure


@dataclass(frozen=True)
class LoginResult:
    """The outcome of a login attempt: a user, or why not."""

    user: User | None
    refusal: str = ""  # "", "credentials", "locked" or "address"


def authenticate(
    session: Session, *, email: str, password: str, demo_mode: bool, origin: str
) -> LoginResult:
    """Return the active user with these credentials, or the reason for refusing."""
    if address_blocked(session, origin=origin):
        return LoginResult(None, "address")
    user = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is not None and account_locked(session, user_id=user.id):
        # Checked before the password, so a locked account cannot be probed further.
        return LoginResult(None, "locked")
    valid = verify_password(user.password_hash if user else None, password)
    if not valid or user is None or not user.active or (user.is_demo and not demo_mode):
        record_failure(session, user_id=user.id if user else None, origin=origin)
        return LoginResult(None, "credentials")
    user.last_login_at = utcnow()
    return LoginResult(user)
