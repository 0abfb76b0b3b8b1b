"""Guessing is slowed down per account and per address (ASVS 5.0 V6.3), never locked."""

import re
from dataclasses import replace
from datetime import timedelta
from functools import partial

import pyotp
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from models import LoginFailure
from models.base import utcnow
from models.settings import Settings
from tests.conftest import code_response, create_app_for, login_response
from tests.factories import PASSWORD, create_user
from tests.web.api.helpers import bearer, make_world
from web.auth.throttle import (
    ACCOUNT_FREE,
    ADDRESS_FREE,
    account_hash,
    origin_hash,
    record_failure,
    wait_seconds,
)

KEY = "t" * 32  # the test settings' SECRET_KEY
# The throttle answers the login post itself, so its first response is what counts.
_post_login = partial(login_response, follow_redirects=False)


def _fail(db: Session, n: int, *, email: str, minutes_ago: float, spread: bool = True) -> None:
    """Record n failures for an account, each from another address (a botnet)."""
    at = utcnow() - timedelta(minutes=minutes_ago)
    for i in range(n):
        origin = origin_hash(f"10.0.{i // 250}.{i % 250}" if spread else "10.9.9.9", key=KEY)
        account = account_hash(email, key=KEY)
        record_failure(db, user_id=None, account=account, origin=origin, now=at)
    db.commit()


def _without_token(html: str) -> str:
    return re.sub(r'value="[^"]*"', "", html)


def test_a_hundred_failures_from_elsewhere_do_not_lock_out_the_rightful_user(
    client: FlaskClient, db: Session
) -> None:
    user = create_user(db, "mediator")
    _fail(db, 100, email=user.email, minutes_ago=2)
    response = _post_login(client, user.email, PASSWORD, address="192.0.2.44")
    assert response.status_code == 302 and response.headers["Location"] == "/bemiddelaar/"


def test_after_a_few_failures_the_next_attempt_waits_and_is_not_counted(
    client: FlaskClient, db: Session
) -> None:
    user = create_user(db, "mediator")
    _fail(db, ACCOUNT_FREE + 3, email=user.email, minutes_ago=0)
    before = db.query(LoginFailure).count()
    response = _post_login(client, user.email, PASSWORD)  # even the right password waits
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert "Wacht" in response.get_data(as_text=True)
    assert db.query(LoginFailure).count() == before


def test_an_unknown_account_gets_exactly_the_answers_a_known_one_gets(
    client: FlaskClient, db: Session
) -> None:
    user = create_user(db, "mediator", email="bekend@example.org")
    db.commit()
    known = _post_login(client, user.email, "wrong password!!")
    unknown = _post_login(client, "onbekend@example.org", "wrong password!!")
    assert (known.status_code, _without_token(known.get_data(as_text=True))) == (
        unknown.status_code,
        _without_token(unknown.get_data(as_text=True)),
    )
    _fail(db, ACCOUNT_FREE, email=user.email, minutes_ago=0)
    _fail(db, ACCOUNT_FREE, email="onbekend@example.org", minutes_ago=0)
    known = _post_login(client, user.email, "wrong password!!")
    unknown = _post_login(client, "onbekend@example.org", "wrong password!!")
    assert known.status_code == unknown.status_code == 429
    assert _without_token(known.get_data(as_text=True)) == _without_token(
        unknown.get_data(as_text=True)
    )


def test_an_attacker_gets_at_most_100_guesses_an_hour_on_one_account(db: Session) -> None:
    account = account_hash("doel@example.org", key=KEY)
    start = utcnow()
    moment, guesses, step = start, 0, 0
    while moment < start + timedelta(hours=1):
        step += 1
        origin = origin_hash(f"10.1.{step // 250}.{step % 250}", key=KEY)  # never the same
        wait = wait_seconds(db, account=account, origin=origin, now=moment)
        if wait == 0:
            record_failure(db, user_id=None, account=account, origin=origin, now=moment)
            db.flush()
            guesses += 1
        moment += timedelta(seconds=max(wait, 1))
    assert 60 <= guesses <= 100  # slowed down, yet the rightful user is never shut out


def test_an_address_is_slowed_down_across_accounts_and_others_are_not(
    client: FlaskClient, db: Session
) -> None:
    user = create_user(db, "mediator")
    db.commit()
    for attempt in range(ADDRESS_FREE):
        _post_login(
            client, f"nobody{attempt}@example.org", "wrong password!!", address="198.51.100.9"
        )
    assert _post_login(client, user.email, PASSWORD, address="198.51.100.9").status_code == 429
    assert _post_login(client, user.email, PASSWORD, address="192.0.2.10").status_code == 302


def test_behind_a_trusted_proxy_each_client_has_its_own_count(
    settings: Settings, db: Session
) -> None:
    app = create_app_for(replace(settings, trusted_proxies=1))
    client = app.test_client()
    user = create_user(db, "mediator")
    db.commit()
    for attempt in range(ADDRESS_FREE):
        forwarded = {"X-Forwarded-For": "203.0.113.5"}
        _post_login(
            client,
            f"x{attempt}@example.org",
            "wrong password!!",
            address="10.0.0.2",
            headers=forwarded,
        )
    assert (
        _post_login(client, user.email, PASSWORD, address="10.0.0.2", headers=forwarded).status_code
        == 429
    )
    other = {"X-Forwarded-For": "198.51.100.7"}
    assert (
        _post_login(client, user.email, PASSWORD, address="10.0.0.2", headers=other).status_code
        == 302
    )
    app.extensions["zow.engine"].dispose()


def test_without_trusted_proxies_a_forged_forwarded_for_changes_nothing(
    client: FlaskClient, db: Session
) -> None:
    user = create_user(db, "mediator")
    db.commit()
    for attempt in range(ADDRESS_FREE):
        forged = {"X-Forwarded-For": f"203.0.113.{attempt}"}
        _post_login(
            client,
            f"x{attempt}@example.org",
            "wrong password!!",
            address="192.0.2.1",
            headers=forged,
        )
    forged = {"X-Forwarded-For": "198.51.100.99"}
    assert (
        _post_login(client, user.email, PASSWORD, address="192.0.2.1", headers=forged).status_code
        == 429
    )


def test_the_second_factor_step_is_slowed_down_too(settings: Settings, db: Session) -> None:
    app: Flask = create_app_for(replace(settings, totp_required=True))
    secret = pyotp.random_base32()
    user = create_user(db, "admin", totp_secret=secret)
    db.commit()
    client = app.test_client()
    assert _post_login(client, user.email, PASSWORD).headers["Location"] == "/login/code"
    wrong = "000000" if pyotp.TOTP(secret).now() != "000000" else "111111"
    for _ in range(ACCOUNT_FREE):
        code_response(client, wrong, follow_redirects=False)
    response = code_response(client, pyotp.TOTP(secret).now(), follow_redirects=False)
    assert response.status_code == 429 and int(response.headers["Retry-After"]) >= 1
    app.extensions["zow.engine"].dispose()


def test_guessing_api_tokens_is_slowed_down_per_address(client: FlaskClient, db: Session) -> None:
    world = make_world(db)
    for attempt in range(ADDRESS_FREE):
        response = client.get("/api/v1/claimants", headers=bearer(f"guess-{attempt:04d}" * 3))
        assert response.status_code == 401
    response = client.get("/api/v1/claimants", headers=bearer("guess-final" * 3))
    assert response.status_code == 429 and int(response.headers["Retry-After"]) >= 1
    assert response.get_json()["errors"][0]["field"] is None
    elsewhere = {"REMOTE_ADDR": "192.0.2.77"}
    ok = client.get(
        "/api/v1/claimants", headers=bearer(world.tokens["mediator"]), environ_base=elsewhere
    )
    assert ok.status_code == 200
    # Calls without any token are not guesses and are never slowed down.
    assert client.get("/api/v1/claimants").status_code == 401
