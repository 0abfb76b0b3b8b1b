"""The `zow` command: built-ins and the sub-commands registered by matcher and jobs."""

from importlib.metadata import entry_points
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from web.cli import main


def test_every_registered_command_loads_and_is_listed() -> None:
    registered = {ep.name: ep for ep in entry_points(group="zow.commands")}
    assert {"match", "taxonomy", "occupations", "jobs", "scheduler"} <= set(registered)
    for ep in registered.values():
        assert isinstance(ep.load(), click.Command), ep.name
    listed = CliRunner().invoke(main, ["--help"]).output
    for name in [*registered, "db", "demo", "run"]:
        assert name in listed


def test_embedded_services_are_registered() -> None:
    names = {ep.name for ep in entry_points(group="zow.embedded")}
    assert names == {"scheduler"}
    for ep in entry_points(group="zow.embedded"):
        assert callable(ep.load())


def test_db_upgrade_and_demo_create_a_working_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZOW_ENV", "demo")
    monkeypatch.setenv("ZOW_INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    runner = CliRunner()
    result = runner.invoke(main, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "instance" / "zow.sqlite3").exists()
    result = runner.invoke(main, ["demo", "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert "werkcoach@demo.zow" in result.output
    again = runner.invoke(main, ["demo"])
    assert again.exit_code != 0 and "empty" in again.output


def test_demo_is_refused_outside_demo_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOW_ENV", "test")
    monkeypatch.setenv("ZOW_INSTANCE_DIR", str(tmp_path))
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code != 0 and "ZOW_ENV=demo" in result.output
