"""Configuration comes from the environment, with safe defaults and clear refusals."""

from pathlib import Path

import pytest

from models.settings import ConfigError, Settings


def test_defaults_are_the_embedded_demo() -> None:
    settings = Settings.from_env({})
    assert settings.env == "demo" and settings.is_demo
    assert settings.database_url.startswith("sqlite:///")
    assert settings.database_url.endswith(str(Path("instance") / "zow.sqlite3"))
    assert settings.region == "gooi-en-vechtstreek"
    assert settings.store_bsn is False


def test_database_url_and_instance_dir_come_from_the_environment(tmp_path: Path) -> None:
    settings = Settings.from_env({"ZOW_INSTANCE_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path.resolve() / 'zow.sqlite3'}"
    url = "postgresql+psycopg://zow@db/zow"
    assert Settings.from_env({"DATABASE_URL": url}).database_url == url


def test_production_requires_a_long_secret_key() -> None:
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        Settings.from_env({"ZOW_ENV": "production"})
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        Settings.from_env({"ZOW_ENV": "production", "SECRET_KEY": "short"})
    settings = Settings.from_env({"ZOW_ENV": "production", "SECRET_KEY": "x" * 40})
    assert not settings.is_demo


def test_unknown_environment_is_refused() -> None:
    with pytest.raises(ConfigError, match="ZOW_ENV"):
        Settings.from_env({"ZOW_ENV": "staging"})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ZOW_PORT", "eighty"),
        ("SMTP_PORT", "25a"),
        ("ZOW_STORE_BSN", "maybe"),
        ("FEED_TIMEOUT_S", "soon"),
    ],
)
def test_malformed_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        Settings.from_env({name: value})


def test_typed_values_are_parsed() -> None:
    settings = Settings.from_env(
        {"ZOW_PORT": "8080", "ZOW_STORE_BSN": "yes", "FEED_TIMEOUT_S": "2.5", "SMTP_STARTTLS": "1"}
    )
    assert (settings.port, settings.store_bsn, settings.feed_timeout_s) == (8080, True, 2.5)
    assert settings.smtp_starttls is True


def test_importing_the_app_reads_no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    import web

    monkeypatch.setenv("ZOW_ENV", "nonsense")
    importlib.reload(web)  # would raise if web read settings at import time


def test_a_short_totp_key_is_refused_and_a_long_one_kept() -> None:
    with pytest.raises(ConfigError, match="ZOW_TOTP_KEY"):
        Settings.from_env({"ZOW_TOTP_KEY": "short"})
    assert Settings.from_env({"ZOW_TOTP_KEY": "k" * 32}).totp_key == "k" * 32
