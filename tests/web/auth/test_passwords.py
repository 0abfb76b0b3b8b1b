"""Passwords: argon2id, at least 12 characters, long ones welcome, common ones refused."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from models import User
from web.auth.passwords import hash_password, password_problems, verify_password
from web.cli import main


def test_hashes_are_argon2id_and_verify() -> None:
    hashed = hash_password("een lange zin als wachtwoord")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "een lange zin als wachtwoord")
    assert not verify_password(hashed, "een andere zin als wachtwoord")
    assert not verify_password(None, "een lange zin als wachtwoord")
    assert not verify_password("not-a-hash", "x")


@pytest.mark.parametrize("password", ["kort", "elf tekens!", ""])
def test_short_passwords_are_refused(password: str) -> None:
    assert any("minstens 12" in p for p in password_problems(password))


@pytest.mark.parametrize("password", ["twaalf tekens", "x" * 64, "Een zin " * 16])
def test_twelve_and_far_more_characters_are_accepted(password: str) -> None:
    assert password_problems(password) == []


@pytest.mark.parametrize("password", ["password1234", "Wachtwoord123", "QWERTY123456"])
def test_common_passwords_are_refused(password: str) -> None:
    assert any("veel gebruikt" in p for p in password_problems(password))


def test_the_email_name_is_not_allowed_in_the_password() -> None:
    problems = password_problems("fatima.kaya-2026!", email="fatima.kaya@example.org")
    assert any("e-mailadres" in p for p in problems)


def test_users_create_applies_the_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()
    weak = runner.invoke(
        main,
        [
            "users",
            "create",
            "--email",
            "a@example.org",
            "--name",
            "A",
            "--role",
            "admin",
            "--password",
            "password1234",
        ],
    )
    assert weak.exit_code != 0 and "veel gebruikt" in weak.output
    ok = runner.invoke(
        main,
        [
            "users",
            "create",
            "--email",
            "Beheer@Example.org",
            "--name",
            "B",
            "--role",
            "admin",
            "--password",
            "een goede lange zin",
        ],
    )
    assert ok.exit_code == 0, ok.output
    engine = create_engine(database_url)
    with Session(engine) as session:
        user = session.scalars(select(User)).one()
    engine.dispose()
    assert user.email == "beheer@example.org" and verify_password(
        user.password_hash, "een goede lange zin"
    )
