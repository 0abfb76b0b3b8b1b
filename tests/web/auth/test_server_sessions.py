"""Server-side sessions: new id at login, revoked at logout, idle and absolute limits."""

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models import WebSession
from models.base import utcnow
from tests.conftest import login, login_response
from tests.factories import create_user


def _logged_in(client: FlaskClient) -> bool:
    return client.get("/bemiddelaar/").status_code == 200


def _mediator(client: FlaskClient, db: Session) -> None:
    user = create_user(db, "mediator")
    db.commit()
    assert login(client, user.email) == "/bemiddelaar/"


def test_each_login_gets_a_new_session_id(app: Flask, db: Session) -> None:
    user = create_user(db, "mediator")
    db.commit()
    first, second = app.test_client(), app.test_client()
    login(first, user.email)
    login(second, user.email)
    hashes = db.scalars(select(WebSession.token_hash)).all()
    assert len(hashes) == 2 and hashes[0] != hashes[1]


def test_logout_revokes_the_session_so_an_old_cookie_is_useless(
    app: Flask, client: FlaskClient, db: Session
) -> None:
    _mediator(client, db)
    stolen = client.get_cookie("session")
    assert stolen is not None
    page = client.get("/bemiddelaar/").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/logout", data={"csrf_token": token})
    assert db.scalars(select(WebSession)).one().revoked_at is not None
    replay = app.test_client()
    replay.set_cookie("session", stolen.value)
    assert not _logged_in(replay)


def test_thirty_minutes_idle_ends_the_session(client: FlaskClient, db: Session) -> None:
    _mediator(client, db)
    assert _logged_in(client)
    db.execute(update(WebSession).values(last_seen_at=utcnow() - timedelta(minutes=31)))
    db.commit()
    assert not _logged_in(client)
    assert db.scalars(select(WebSession)).one().revoked_at is not None


def test_activity_keeps_the_session_alive(client: FlaskClient, db: Session) -> None:
    _mediator(client, db)
    db.execute(update(WebSession).values(last_seen_at=utcnow() - timedelta(minutes=29)))
    db.commit()
    assert _logged_in(client)
    db.expire_all()
    seen = db.scalars(select(WebSession)).one().last_seen_at
    assert utcnow() - seen.replace(tzinfo=utcnow().tzinfo) < timedelta(minutes=1)


def test_twelve_hours_is_the_absolute_limit(client: FlaskClient, db: Session) -> None:
    _mediator(client, db)
    db.execute(update(WebSession).values(created_at=utcnow() - timedelta(hours=12, minutes=1)))
    db.commit()
    assert not _logged_in(client)


def test_login_cookie_is_httponly_and_samesite_lax(app: Flask, db: Session) -> None:
    user = create_user(db, "mediator")
    db.commit()
    client = app.test_client()
    response = login_response(client, user, follow_redirects=False)
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # local test run; production sets it (see test_settings)


def test_production_cookies_are_secure_and_hsts_is_sent(settings: object) -> None:
    from dataclasses import replace

    from tests.conftest import create_app_for

    production = create_app_for(replace(settings, env="production"))  # type: ignore[type-var]
    assert production.config["SESSION_COOKIE_SECURE"] is True
    response = production.test_client().get("/login")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    production.extensions["zow.engine"].dispose()
