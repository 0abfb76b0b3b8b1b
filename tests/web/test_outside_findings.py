"""The findings of the outside security and privacy test, each held by a test.

docs/security.md lists every finding with its fix and points here.
"""

import base64
import json
import logging
import re
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobs.digest import opt_out_token
from models import AuditEvent
from models.settings import Settings
from tests.conftest import create_app_for, login
from tests.factories import create_claimant, create_user
from tests.web.api.helpers import World, bearer, make_world
from web.public.services import OPT_OUT_SALT

DIAGNOSIS = "burn-out na depressie"


def test_a_diagnosis_sent_to_the_api_is_a_422_and_never_reaches_the_log(
    client: FlaskClient, db: Session, caplog: pytest.LogCaptureFixture
) -> None:
    world: World = make_world(db)
    caplog.set_level(logging.DEBUG)
    body = {
        "client_number": "K-7001",
        "first_name": "Anouk",
        "last_name": "de Vries",
        "postcode": "1271 AB",
        "ladder_step": 3,
        "restrictions": [DIAGNOSIS],
    }
    response = client.post("/api/v1/claimants", json=body, headers=bearer(world.tokens["mediator"]))
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == ["restrictions"]
    assert DIAGNOSIS not in response.get_data(as_text=True)
    assert all(DIAGNOSIS not in record.getMessage() for record in caplog.records)
    assert all(DIAGNOSIS not in (record.exc_text or "") for record in caplog.records)


def test_json_nested_100000_levels_deep_is_a_400(client: FlaskClient, db: Session) -> None:
    world = make_world(db)
    deep = "[" * 100_000 + "]" * 100_000
    response = client.post(
        "/api/v1/claimants",
        data=deep,
        content_type="application/json",
        headers=bearer(world.tokens["mediator"]),
    )
    assert response.status_code == 400
    assert response.get_json()["errors"][0]["message"] == "The request could not be read."


@pytest.mark.parametrize(
    "target",
    [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/ /evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "\t//evil.example",
    ],
)
def test_the_language_switch_never_redirects_off_site(client: FlaskClient, target: str) -> None:
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    data = {"lang": "en", "next": target, **({"csrf_token": token.group(1)} if token else {})}
    response = client.post("/taal", data=data)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_a_local_next_still_returns_to_the_page(client: FlaskClient) -> None:
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    data = {"lang": "en", "next": "/login?x=1", **({"csrf_token": token.group(1)} if token else {})}
    assert client.post("/taal", data=data).headers["Location"] == "/login?x=1"


def _cookie_payload(client: FlaskClient) -> str:
    """Return what the signed (not encrypted) session cookie says, as anyone can read it."""
    cookie = client.get_cookie("session")
    assert cookie is not None
    value = cookie.value
    compressed = value.startswith(".")
    payload = value.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return (zlib.decompress(raw) if compressed else raw).decode()


def test_the_totp_secret_being_set_up_is_not_readable_in_the_cookie(
    settings: Settings, db: Session
) -> None:
    app = create_app_for(replace(settings, totp_required=True))
    user = create_user(db, "mediator")
    db.commit()
    client = app.test_client()
    assert login(client, user.email) == "/login/code"
    page = client.get("/login/code").get_data(as_text=True)
    secret = page.split('<code class="totp-secret">')[1].split("<")[0]
    assert len(secret) >= 16
    assert secret not in _cookie_payload(client)
    # The same secret is offered until the code is given (it is kept, just not readable).
    again = client.get("/login/code").get_data(as_text=True)
    assert secret in again
    app.extensions["zow.engine"].dispose()


def test_outside_production_the_secret_key_is_random_and_kept(tmp_path: Path) -> None:
    environ = {"ZOW_ENV": "demo", "ZOW_INSTANCE_DIR": str(tmp_path)}
    first = Settings.from_env(environ)
    second = Settings.from_env(environ)
    assert len(first.secret_key) >= 32 and first.secret_key == second.secret_key
    kept = tmp_path / "secret_key"
    assert kept.read_text().strip() == first.secret_key
    assert kept.stat().st_mode & 0o077 == 0  # readable by the service's own user only
    other = Settings.from_env({"ZOW_ENV": "test", "ZOW_INSTANCE_DIR": str(tmp_path / "b")})
    assert other.secret_key != first.secret_key


def test_an_app_without_a_key_refuses_to_start(settings: Settings) -> None:
    with pytest.raises(ValueError, match="SECRET_KEY"):
        create_app_for(replace(settings, secret_key=""))


def test_an_opt_out_link_signed_with_an_empty_key_is_refused(
    tmp_path: Path, db: Session, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZOW_ENV", "demo")
    monkeypatch.setenv("ZOW_INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    from web import create_app

    app: Flask = create_app({"TESTING": True})
    claimant = create_claimant(db, email="anna@example.org")
    db.commit()
    forged = URLSafeSerializer("", salt=OPT_OUT_SALT).dumps(claimant.id)
    client = app.test_client()
    assert client.get(f"/afmelden/{forged}").status_code == 404
    genuine = opt_out_token(app.config["SETTINGS"].secret_key, claimant.id)
    assert client.get(f"/afmelden/{genuine}").status_code == 200
    app.extensions["zow.engine"].dispose()


def test_the_caseload_csv_is_audited_per_claimant_in_it(client: FlaskClient, db: Session) -> None:
    mediator = create_user(db, "mediator")
    claimants = [create_claimant(db, mediator_id=mediator.id) for _ in range(3)]
    create_claimant(db)  # someone else's
    db.commit()
    login(client, mediator.email)
    response = client.get("/bemiddelaar/?format=csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    exported = db.scalars(
        select(AuditEvent).where(
            AuditEvent.actor_id == mediator.id,
            AuditEvent.object_type == "claimant",
            AuditEvent.action == "export",
        )
    ).all()
    assert sorted(int(e.object_id) for e in exported) == sorted(c.id for c in claimants)
    assert {e.reason for e in exported} == {"caseload_csv"}


def test_api_problem_answers_stay_json(client: FlaskClient) -> None:
    # A guard for the deep-JSON fix: an ordinary unreadable body is still a JSON 400.
    response = client.post(
        "/api/v1/claimants", data="{", content_type="application/json", headers=bearer("x" * 40)
    )
    assert response.status_code in (400, 401)
    json.loads(response.get_data(as_text=True))
