"""Slowing down password, code and token guessing, counted in the database (ASVS 5.0 V6.3).

No hard lock: after a few free attempts each failure doubles the wait before the next
attempt is even checked, per account and per address. An attacker elsewhere can make the
rightful user wait at most ACCOUNT_MAX_WAIT, never lock them out. Attempts refused while
waiting are not counted, so they do not lengthen the wait. Accounts are counted by a keyed
hash of the name typed, so an unknown account behaves exactly like a known one.
"""

import hashlib
import hmac
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import LoginFailure
from models.base import utcnow

ACCOUNT_FREE = 5  # failures per account before waiting starts
ACCOUNT_WINDOW = timedelta(hours=1)
ACCOUNT_MAX_WAIT = timedelta(minutes=1)  # at most ~70 guesses an hour (ASVS: at most 100)
ADDRESS_FREE = 10
ADDRESS_WINDOW = timedelta(minutes=15)
ADDRESS_MAX_WAIT = timedelta(minutes=15)


def origin_hash(address: str, *, key: str) -> str:
    """Return a keyed hash of a network address, so it can be counted but not read."""
    return hmac.new(key.encode(), address.encode(), hashlib.sha256).hexdigest()


def account_hash(name: str, *, key: str) -> str:
    """Return a keyed hash of an account name as typed (case and spaces ignored)."""
    return hmac.new(key.encode(), b"account:" + name.strip().lower().encode(), "sha256").hexdigest()


def _aware(moment: datetime) -> datetime:
    """Return a timezone-aware time (SQLite hands back naive UTC ones)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def _wait(
    session: Session,
    condition: object,
    *,
    now: datetime,
    window: timedelta,
    free: int,
    most: timedelta,
) -> float:
    """Return the seconds still to wait after the failures that meet a condition."""
    count, last = session.execute(
        select(func.count(), func.max(LoginFailure.at)).where(
            LoginFailure.at >= now - window,
            condition,  # type: ignore[arg-type]
        )
    ).one()
    if count < free or last is None:
        return 0.0
    backoff = min(timedelta(seconds=2 ** min(count - free, 20)), most)
    return max(0.0, (_aware(last) + backoff - now).total_seconds())


def wait_seconds(
    session: Session, *, account: str | None, origin: str, now: datetime | None = None
) -> int:
    """Return how many seconds this account and address must wait; 0 means try now."""
    now = now or utcnow()
    waits = [
        _wait(
            session,
            LoginFailure.origin_hash == origin,
            now=now,
            window=ADDRESS_WINDOW,
            free=ADDRESS_FREE,
            most=ADDRESS_MAX_WAIT,
        )
    ]
    if account is not None:
        waits.append(
            _wait(
                session,
                LoginFailure.account_hash == account,
                now=now,
                window=ACCOUNT_WINDOW,
                free=ACCOUNT_FREE,
                most=ACCOUNT_MAX_WAIT,
            )
        )
    seconds = max(waits)
    return int(seconds) + (1 if seconds % 1 else 0)


def record_failure(
    session: Session,
    *,
    user_id: int | None,
    account: str | None,
    origin: str,
    now: datetime | None = None,
) -> None:
    """Remember a failed password, code or token."""
    session.add(
        LoginFailure(user_id=user_id, account_hash=account, origin_hash=origin, at=now or utcnow())
    )
