"""TOTP second factor for admins, mediators and employers."""

import time
from dataclasses import replace

import pyotp
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from models import LoginFailure, User
from models.settings import ConfigError, Settings
from tests.conftest import create_app_for, enter_code, login
from tests.factories import create_claimant, create_user
from web.auth.totp_secrets import seal
from web.cli import main


@pytest.fixture
def strict_app(settings: Settings) -> Flask:
    app = create_app_for(replace(settings, totp_required=True))
    yield app
    app.extensions["zow.engine"].dispose()


def test_first_login_sets_up_totp_then_requires_it(strict_app: Flask, db: Session) -> None:
    user = create_user(db, "mediator")
    db.commit()
    client = strict_app.test_client()
    assert login(client, user.email) == "/login/code"
    assert client.get("/bemiddelaar/").status_code in (302, 401)  # not logged in yet
    page = client.get("/login/code").get_data(as_text=True)
    secret = page.split('<code class="totp-secret">')[1].split("<")[0]
    assert (
        enter_code(client, "000000" if pyotp.TOTP(secret).now() != "000000" else "111111")
        == "/login/code"
    )
    assert enter_code(client, pyotp.TOTP(secret).now()) == "/bemiddelaar/"
    db.expire_all()
    stored = db.get(User, user.id).totp_secret  # type: ignore[union-attr]
    assert stored is not None and secret not in stored  # sealed, never the plain secret
    again = strict_app.test_client()
    assert login(again, user.email) == "/login/code"
    assert "totp-secret" not in again.get("/login/code").get_data(as_text=True)
    # The code just used is spent; the next one (phone a little ahead) is accepted.
    next_code = pyotp.TOTP(secret).at(time.time() + 30)
    assert enter_code(again, next_code) == "/bemiddelaar/"


def test_a_plain_secret_from_before_sealing_works_and_is_sealed(
    strict_app: Flask, db: Session
) -> None:
    secret = pyotp.random_base32()
    user = create_user(db, "admin", totp_secret=secret)
    db.commit()
    client = strict_app.test_client()
    login(client, user.email)
    assert enter_code(client, pyotp.TOTP(secret).now()) == "/beheer/"
    db.expire_all()
    assert secret not in (db.get(User, user.id).totp_secret or "")  # type: ignore[union-attr]


def test_a_secret_sealed_with_another_key_is_refused_not_crashed(
    strict_app: Flask, db: Session
) -> None:
    secret = pyotp.random_base32()
    user = create_user(db, "mediator", totp_secret=seal(secret, "another key " * 4))
    db.commit()
    client = strict_app.test_client()
    login(client, user.email)
    assert enter_code(client, pyotp.TOTP(secret).now()) == "/login/code"


def test_a_code_works_only_once(strict_app: Flask, db: Session) -> None:
    secret = pyotp.random_base32()
    user = create_user(db, "employer", totp_secret=secret)
    db.commit()
    code = pyotp.TOTP(secret).now()
    first = strict_app.test_client()
    login(first, user.email)
    assert enter_code(first, code) != "/login/code"
    replay = strict_app.test_client()
    login(replay, user.email)
    assert enter_code(replay, code) == "/login/code"
    assert db.query(LoginFailure).filter_by(user_id=user.id).count() == 1


def test_a_wrong_code_counts_as_a_failed_login(strict_app: Flask, db: Session) -> None:
    user = create_user(db, "admin", totp_secret=pyotp.random_base32())
    db.commit()
    client = strict_app.test_client()
    login(client, user.email)
    enter_code(client, "12345x")
    assert db.query(LoginFailure).filter_by(user_id=user.id).count() == 1


@pytest.mark.parametrize("role", ["admin", "mediator", "employer"])
def test_staff_roles_need_a_code(strict_app: Flask, db: Session, role: str) -> None:
    user = create_user(db, role)
    db.commit()
    assert login(strict_app.test_client(), user.email) == "/login/code"


def test_claimants_log_in_with_a_password_alone(strict_app: Flask, db: Session) -> None:
    user = create_user(db, "claimant")
    create_claimant(db, user_id=user.id)
    db.commit()
    assert login(strict_app.test_client(), user.email) == "/mijn/"


def test_the_code_page_needs_a_password_first(strict_app: Flask) -> None:
    response = strict_app.test_client().get("/login/code")
    assert response.status_code == 302 and response.location.endswith("/login")


def test_production_cannot_switch_totp_off_and_demo_says_it_is_off(client: FlaskClient) -> None:
    with pytest.raises(ConfigError, match="ZOW_TOTP"):
        Settings.from_env({"ZOW_ENV": "production", "SECRET_KEY": "x" * 40, "ZOW_TOTP": "false"})
    assert Settings.from_env({"ZOW_ENV": "production", "SECRET_KEY": "x" * 40}).totp_required
    assert not Settings.from_env({"ZOW_ENV": "demo"}).totp_required
    assert "staat uit" in client.get("/login").get_data(as_text=True)


def test_an_admin_resets_a_lost_second_factor_from_the_command_line(
    database_url: str, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = create_user(db, "mediator", totp_secret=seal("A" * 32, "k" * 32))
    db.commit()
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()
    missing = runner.invoke(main, ["users", "reset-second-factor", "--email", "x@example.org"])
    assert missing.exit_code != 0 and "No account" in missing.output
    done = runner.invoke(main, ["users", "reset-second-factor", "--email", user.email.upper()])
    assert done.exit_code == 0, done.output
    db.expire_all()
    assert db.get(User, user.id).totp_secret is None  # type: ignore[union-attr]
