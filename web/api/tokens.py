"""Issue and check API tokens; the token itself is shown once and never stored."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ApiToken, Claimant, User
from models.base import utcnow

# Writing last_used_at on every call would turn each read into a write.
_TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class Caller:
    """Who is calling the API and what they may see."""

    user_id: int
    role: str
    region: str
    employer_id: int | None
    claimant_id: int | None


def hash_token(token: str) -> str:
    """Return the SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, *, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for a user and return its row and the token; only the hash is kept."""
    token = secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, name=name, token_hash=hash_token(token))
    session.add(row)
    session.flush()
    return row, token


def revoke_token(session: Session, *, token_id: int) -> None:
    """Mark a token as revoked from now on."""
    row = session.get(ApiToken, token_id)
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()


def authenticate(session: Session, *, token: str, allow_demo: bool) -> Caller | None:
    """Return the caller a token belongs to, or None if it is unknown, revoked or inactive."""
    row = session.execute(
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == hash_token(token), ApiToken.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    api_token, user = row
    if not user.active or (user.is_demo and not allow_demo):
        return None
    _touch(api_token, utcnow())
    claimant_id = None
    if user.role == "claimant":
        claimant_id = session.scalar(select(Claimant.id).where(Claimant.user_id == user.id))
    return Caller(user.id, user.role, user.region, user.employer_id, claimant_id)


def _touch(api_token: ApiToken, now: datetime) -> None:
    """Record when a token was last used, at most once a minute."""
    last = api_token.last_used_at
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=now.tzinfo)
    if last is None or now - last > _TOUCH_EVERY:
        api_token.last_used_at = now
