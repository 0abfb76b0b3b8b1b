"""Fixtures of the web tests: the app in demo mode on the demo region."""

from collections.abc import Iterator
from datetime import date

import pytest
from flask import Flask
from sqlalchemy.orm import Session

from models.settings import Settings
from tests.conftest import create_app_for
from web.demo import load_demo

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo_app(settings: Settings, db: Session) -> Iterator[Flask]:
    """The app in demo mode on the demo region."""
    load_demo(db, today=TODAY, seed=3)
    db.commit()
    demo = Settings(**{**settings.__dict__, "env": "demo"})
    app = create_app_for(demo)
    yield app
    app.extensions["zow.engine"].dispose()
