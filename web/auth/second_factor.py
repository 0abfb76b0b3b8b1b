"""TOTP second factor for admins, mediators and employers."""

import pyotp
from flask import session as cookie

from models import User

ROLES_WITH_TOTP = frozenset({"admin", "mediator", "employer"})
ISSUER = "Zicht op Werk"
PENDING_KEY = "totp_pending_user"
CANDIDATE_KEY = "totp_candidate_secret"


def needs_second_factor(user: User, *, required: bool) -> bool:
    """Return whether this user must give a one-time code before being logged in."""
    return required and user.role in ROLES_WITH_TOTP


def hold(user: User) -> None:
    """Remember, between the two steps, whose password was right."""
    cookie.clear()
    cookie[PENDING_KEY] = user.id


def pending_user_id() -> int | None:
    """Return the user whose password was right but who has not given a code yet."""
    value = cookie.get(PENDING_KEY)
    return value if isinstance(value, int) else None


def enrolment_secret(user: User) -> str:
    """Return the secret a user without TOTP is setting up (new once per login)."""
    if CANDIDATE_KEY not in cookie:
        cookie[CANDIDATE_KEY] = pyotp.random_base32()
    secret: str = cookie[CANDIDATE_KEY]
    return secret


def provisioning_uri(user: User, secret: str) -> str:
    """Return the otpauth:// address an authenticator app reads."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def verify(user: User, code: str) -> bool:
    """Check a code against the user's secret, or the one being set up; store it if new."""
    secret = user.totp_secret or cookie.get(CANDIDATE_KEY)
    if not secret or not code.strip().isdigit():
        return False
    # One step either side allows for a phone clock that is a little off.
    if not pyotp.TOTP(secret).verify(code.strip(), valid_window=1):
        return False
    user.totp_secret = secret
    return True
