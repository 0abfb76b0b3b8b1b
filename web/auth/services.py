"""Checking credentials against the user table, within the failed-login limits."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import User
from models.base import utcnow
from web.auth.passwords import verify_password
from web.auth.throttle import record_failure, wait_seconds


@dataclass(frozen=True)
class LoginResult:
    """The outcome of a login attempt: a user, or why not (and how long to wait)."""

    user: User | None
    refusal: str = ""  # "", "credentials" or "wait"
    wait: int = 0


def authenticate(
    session: Session, *, email: str, password: str, demo_mode: bool, origin: str, account: str
) -> LoginResult:
    """Return the active user with these credentials, or the reason for refusing."""
    wait = wait_seconds(session, account=account, origin=origin)
    if wait:
        # Checked before the password (and not counted), for known and unknown names alike.
        return LoginResult(None, "wait", wait)
    user = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    valid = verify_password(user.password_hash if user else None, password)
    if not valid or user is None or not user.active or (user.is_demo and not demo_mode):
        record_failure(session, user_id=user.id if user else None, account=account, origin=origin)
        return LoginResult(None, "credentials")
    user.last_login_at = utcnow()
    return LoginResult(user)
