"""Login in Dutch, a landing page per role, and each role only on its own pages."""

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from models import User
from tests.conftest import create_app_for, login, login_response
from tests.factories import PASSWORD, create_claimant, create_opportunity, create_user

HOMES = {
    "admin": "/beheer/",
    "mediator": "/bemiddelaar/",
    "employer": "/werkgever/",
    "claimant": "/mijn/",
}


def test_login_page_is_dutch(client: FlaskClient) -> None:
    html = client.get("/login").get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert "Inloggen" in html and "E-mailadres" in html and "Wachtwoord" in html


def test_login_without_csrf_token_is_refused(client: FlaskClient, db: Session) -> None:
    user = create_user(db, "mediator")
    db.commit()
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400


def test_wrong_password_shows_a_dutch_error(client: FlaskClient, db: Session) -> None:
    user = create_user(db, "mediator")
    db.commit()
    response = login_response(client, user.email, "wrong password!!")
    assert response.request.path == "/login"
    assert "horen niet bij elkaar" in response.get_data(as_text=True)


@pytest.mark.parametrize("role", sorted(HOMES))
def test_each_role_lands_on_its_own_page_and_nowhere_else(
    client: FlaskClient, db: Session, role: str
) -> None:
    user = create_user(db, role)
    if role == "claimant":
        create_claimant(db, user_id=user.id)
    db.commit()
    assert login(client, user.email) == HOMES[role]
    assert client.get(HOMES[role]).status_code == 200
    for other, path in HOMES.items():
        if other != role:
            assert client.get(path).status_code == 403, (role, path)


def test_anonymous_visitors_are_sent_to_login(client: FlaskClient) -> None:
    for path in HOMES.values():
        response = client.get(path)
        assert response.status_code == 302 and response.location.endswith("/login")


def test_mediator_sees_their_claimants_from_the_database(client: FlaskClient, db: Session) -> None:
    mediator = create_user(db, "mediator")
    other = create_user(db, "mediator")
    create_claimant(db, first_name="Fatima", last_name="Kaya", mediator_id=mediator.id)
    create_claimant(db, first_name="Kees", last_name="Smit", mediator_id=other.id)
    db.commit()
    login(client, mediator.email)
    html = client.get("/bemiddelaar/").get_data(as_text=True)
    assert "Fatima Kaya" in html
    assert "Kees Smit" not in html


def test_employer_sees_only_their_own_opportunities(client: FlaskClient, db: Session) -> None:
    user = create_user(db, "employer")
    rival = create_user(db, "employer")
    create_opportunity(db, employer_id=user.employer_id, title="Hulpkok bij ons")
    create_opportunity(db, employer_id=rival.employer_id, title="Kok bij de buren")
    db.commit()
    login(client, user.email)
    html = client.get("/werkgever/").get_data(as_text=True)
    assert "Hulpkok bij ons" in html and "Kok bij de buren" not in html


def test_logout_ends_the_session(client: FlaskClient, db: Session) -> None:
    user = create_user(db, "admin")
    db.commit()
    login(client, user.email)
    page = client.get("/beheer/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    client.post("/logout", data={"csrf_token": token.group(1)})
    assert client.get("/beheer/").status_code == 302


def test_demo_accounts_only_work_in_demo_mode(db: Session, settings: object) -> None:
    from dataclasses import replace

    user = create_user(db, "mediator", is_demo=True)
    db.commit()
    test_app: Flask = create_app_for(settings)  # env=test
    assert login(test_app.test_client(), user.email) == "/login"
    demo_app = create_app_for(replace(settings, env="demo"))  # type: ignore[type-var]
    assert login(demo_app.test_client(), user.email) == "/bemiddelaar/"
    assert "Demonstratieomgeving" in demo_app.test_client().get("/login").get_data(as_text=True)
    for a in (test_app, demo_app):
        a.extensions["zow.engine"].dispose()


def test_security_headers_are_set(client: FlaskClient) -> None:
    response = client.get("/login")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_inactive_user_cannot_log_in(client: FlaskClient, db: Session) -> None:
    user: User = create_user(db, "mediator", active=False)
    db.commit()
    assert login(client, user.email) == "/login"
