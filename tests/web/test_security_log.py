"""Security events: one JSON line each, with who, what, result and origin, no personal data."""

import json
import logging

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import login
from tests.factories import create_user


def _events(caplog: pytest.LogCaptureFixture) -> list[dict[str, str]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "zow.security"]


def test_login_success_failure_and_denied_access_are_logged(
    client: FlaskClient, db: Session, caplog: pytest.LogCaptureFixture
) -> None:
    user = create_user(db, "mediator", email="fatima.kaya@example.org")
    db.commit()
    caplog.set_level(logging.INFO, logger="zow.security")
    login(client, user.email, "not the password")
    login(client, user.email)
    client.get("/beheer/")
    events = _events(caplog)
    assert [(e["event"], e["outcome"]) for e in events] == [
        ("login", "failure"),
        ("login", "success"),
        ("access", "denied"),
    ]
    for event in events:
        assert set(event) == {"time", "event", "actor", "object", "outcome", "address"}
        assert event["time"].endswith("+00:00")
    assert events[1]["actor"] == f"user:{user.id}" and events[2]["object"] == "/beheer/"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "fatima" not in logged.lower() and "example.org" not in logged


def test_a_form_without_csrf_token_is_refused_and_logged(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="zow.security")
    response = client.post("/login", data={"email": "a@b.nl", "password": "x"})
    assert response.status_code == 400 and "verlopen" in response.get_data(as_text=True)
    assert [(e["event"], e["outcome"]) for e in _events(caplog)] == [("form", "csrf_failed")]
