"""Server-side sessions: new at login, revoked at logout, 30 minutes idle, 12 hours at most."""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from flask import session as cookie
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import WebSession
from models.base import utcnow

IDLE_LIMIT = timedelta(minutes=30)
ABSOLUTE_LIMIT = timedelta(hours=12)
# Writing last_seen_at on every request would make each page view a write; once a minute is
# precise enough for a 30-minute idle limit.
TOUCH_EVERY = timedelta(minutes=1)
COOKIE_KEY = "sid"


def _hash(token: str) -> str:
    """Return the stored form of a session token."""
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(moment: datetime) -> datetime:
    """Return a timezone-aware UTC time (SQLite hands back naive ones)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def start(db: Session, *, user_id: int) -> None:
    """Open a new server session for a user and put only its random id in the cookie."""
    token = secrets.token_urlsafe(32)
    db.add(WebSession(token_hash=_hash(token), user_id=user_id))
    cookie.clear()  # a fresh session at login: no fixation
    cookie[COOKIE_KEY] = token


def current_user_id(db: Session, *, now: datetime | None = None) -> int | None:
    """Return the user of the cookie's live server session, ending it if it expired."""
    token = cookie.get(COOKIE_KEY)
    if not token:
        return None
    row = db.scalar(select(WebSession).where(WebSession.token_hash == _hash(token)))
    now = now or utcnow()
    if row is None or row.revoked_at is not None or _expired(row, now):
        if row is not None and row.revoked_at is None:
            row.revoked_at = now
            db.commit()
        cookie.clear()
        return None
    if now - _aware(row.last_seen_at) >= TOUCH_EVERY:
        row.last_seen_at = now
        db.commit()
    return row.user_id


def _expired(row: WebSession, now: datetime) -> bool:
    """Return whether a session passed its idle or absolute limit."""
    idle = now - _aware(row.last_seen_at) > IDLE_LIMIT
    return idle or now - _aware(row.created_at) > ABSOLUTE_LIMIT


def end(db: Session) -> None:
    """Revoke the cookie's server session and empty the cookie."""
    token = cookie.get(COOKIE_KEY)
    if token:
        row = db.scalar(select(WebSession).where(WebSession.token_hash == _hash(token)))
        if row is not None and row.revoked_at is None:
            row.revoked_at = utcnow()
    cookie.clear()
