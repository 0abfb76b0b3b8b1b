"""ZOW_TODAY: one reference date for every job and page, so a week can be replayed."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy.orm import Session

from jobs.runner import run_job
from models.settings import ConfigError, Settings, today
from tests.factories import create_opportunity


def test_zow_today_is_read_and_refused_in_production() -> None:
    settings = Settings.from_env({"ZOW_ENV": "test", "ZOW_TODAY": "2026-11-23"})
    assert today(settings) == date(2026, 11, 23)
    with pytest.raises(ConfigError, match="ZOW_TODAY"):
        Settings.from_env({"ZOW_ENV": "test", "ZOW_TODAY": "23-11-2026"})
    production = {"ZOW_ENV": "production", "SECRET_KEY": "x" * 40, "ZOW_TODAY": "2026-11-23"}
    with pytest.raises(ConfigError, match="production"):
        Settings.from_env(production)


def test_the_pull_expires_by_the_reference_date(settings: Settings, db: Session) -> None:
    closing = create_opportunity(db, closes_on=date(2026, 12, 1))
    db.commit()
    before = run_job("vacancy_pull", replace(settings, today_override=date(2026, 11, 30)), slot="a")
    db.expire_all()
    assert before is not None and before.status == "ok" and closing.status == "open"
    after = run_job("vacancy_pull", replace(settings, today_override=date(2026, 12, 2)), slot="b")
    db.expire_all()
    assert after is not None and after.counts["expired"] == 1 and closing.status == "expired"
