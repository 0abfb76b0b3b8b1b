"""Failed logins are limited per account and per address, counted in the database."""

from datetime import timedelta

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from models import LoginFailure
from models.base import utcnow
from tests.factories import create_user
from tests.web.test_auth import login, login_response
from web.auth.throttle import ACCOUNT_LIMIT, ADDRESS_LIMIT


def _failures(db: Session, n: int, *, user_id: int | None, origin: str, minutes_ago: int) -> None:
    at = utcnow() - timedelta(minutes=minutes_ago)
    db.add_all(LoginFailure(user_id=user_id, origin_hash=origin, at=at) for _ in range(n))
    db.commit()


def test_an_account_is_locked_after_the_limit_even_with_the_right_password(
    client: FlaskClient, db: Session
) -> None:
    user = create_user(db, "mediator")
    # Earlier failures came from other addresses (other workers, other attackers).
    _failures(db, ACCOUNT_LIMIT, user_id=user.id, origin="elsewhere", minutes_ago=5)
    response = login_response(client, user.email)
    assert response.request.path == "/login"
    assert "over een uur" in response.get_data(as_text=True)


def test_failures_older_than_an_hour_do_not_count(client: FlaskClient, db: Session) -> None:
    user = create_user(db, "mediator")
    _failures(db, ACCOUNT_LIMIT, user_id=user.id, origin="elsewhere", minutes_ago=61)
    assert login(client, user.email) == "/bemiddelaar/"


def test_each_failure_is_counted_for_the_account(client: FlaskClient, db: Session) -> None:
    user = create_user(db, "mediator")
    db.commit()
    for _ in range(3):
        login(client, user.email, "wrong password")
    assert db.query(LoginFailure).filter_by(user_id=user.id).count() == 3


def test_an_address_with_too_many_failures_is_slowed_down(client: FlaskClient, db: Session) -> None:
    user = create_user(db, "mediator")
    db.commit()
    for attempt in range(ADDRESS_LIMIT):
        login(client, f"nobody{attempt}@example.org", "wrong password")
    response = login_response(client, user.email)
    assert response.status_code == 429
    assert "kwartier" in response.get_data(as_text=True)
