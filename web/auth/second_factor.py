"""TOTP second factor for admins, mediators and employers."""

import hmac
import time
from typing import Any

import pyotp
from flask import current_app
from flask import session as cookie
from sqlalchemy import CursorResult, or_, update
from sqlalchemy.orm import Session

from models import User
from models.settings import Settings
from web.auth.totp_secrets import UnreadableSecretError, seal, unseal

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
    secret = _candidate()
    if secret is None:
        secret = pyotp.random_base32()
        # The session cookie is signed, not encrypted: the candidate travels sealed.
        cookie[CANDIDATE_KEY] = seal(secret, _key_material())
    return secret


def _candidate() -> str | None:
    """Return the sealed candidate secret from the cookie, or None if absent or unreadable."""
    sealed = cookie.get(CANDIDATE_KEY)
    if not isinstance(sealed, str):
        return None
    try:
        return unseal(sealed, _key_material())
    except UnreadableSecretError:
        return None


def provisioning_uri(user: User, secret: str) -> str:
    """Return the otpauth:// address an authenticator app reads."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def verify(db: Session, user: User, code: str) -> bool:
    """Check a code against the user's secret, or the one being set up; each code works once."""
    try:
        stored = unseal(user.totp_secret, _key_material()) if user.totp_secret else None
    except UnreadableSecretError:
        return False  # an admin resets the second factor; the user enrols again
    secret = stored or _candidate()
    code = code.strip()
    if not secret or not code.isdigit():
        return False
    step = _matching_step(pyotp.TOTP(secret), code, time.time())
    if step is None:
        return False
    # One conditional UPDATE: of two requests with the same code only one can win (no replay).
    # An UPDATE always gives a CursorResult, which has the row count.
    claimed: CursorResult[Any] = db.execute(  # type: ignore[assignment]
        update(User)
        .where(
            User.id == user.id,
            or_(User.totp_last_step.is_(None), User.totp_last_step < step),
        )
        .values(totp_secret=seal(secret, _key_material()), totp_last_step=step)
        .execution_options(synchronize_session="fetch")
    )
    return claimed.rowcount == 1


def _key_material() -> str:
    """Return what the sealing key is derived from: ZOW_TOTP_KEY, else the app's SECRET_KEY."""
    settings: Settings = current_app.config["SETTINGS"]
    return settings.totp_key or str(current_app.config["SECRET_KEY"])


def _matching_step(totp: pyotp.TOTP, code: str, now: float) -> int | None:
    """Return the time step this code belongs to; one step either side allows for clock drift."""
    current = int(now // totp.interval)
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.at(step * totp.interval), code):
            return step
    return None
