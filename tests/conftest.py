"""Shared fixtures: a fresh database per test (SQLite, or PostgreSQL via TEST_DATABASE_URL)."""

import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from models import Base
from models.db import make_engine, make_session_factory
from models.settings import Settings

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")
# Build-once artifacts (text vocabulary, text rows) of this test session only, not the
# checkout's instance folder: no test depends on what an earlier session left there.
os.environ.setdefault("ZOW_CACHE_DIR", tempfile.mkdtemp(prefix="zow-cache-"))


def _postgres_engine() -> Engine:
    """Connect to the PostgreSQL test database once, or fail loudly when it is required."""
    engine = make_engine(POSTGRES_URL)
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.exit(f"REQUIRE_POSTGRES=1 but PostgreSQL is unreachable: {error}", returncode=3)
        raise
    return engine


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine | None]:
    """Create the schema once on PostgreSQL, if the suite runs there."""
    if not POSTGRES_URL:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.exit("REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set", returncode=3)
        yield None
        return
    engine = _postgres_engine()
    # Start from an empty schema: an interrupted earlier run may have left any table behind.
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    Base.metadata.create_all(engine)
    yield engine
    Base.metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture
def database_url(postgres_engine: Engine | None, tmp_path: Path) -> Iterator[str]:
    """Return the URL of an empty database with the current schema."""
    if postgres_engine is None:
        url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
        engine = make_engine(url)
        Base.metadata.create_all(engine)
        engine.dispose()
        yield url
        return
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with postgres_engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    yield POSTGRES_URL


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """Return an engine on the test database."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """Return a session on the test database; the test commits what it wants kept."""
    with make_session_factory(engine)() as session:
        yield session


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    """Return test settings pointing at the test database (second factor off, as in demo)."""
    return Settings(
        env="test",
        database_url=database_url,
        secret_key="t" * 32,
        instance_dir=tmp_path,
        totp_required=False,
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[Flask]:
    """Return the web app on the test database."""
    app = create_app_for(settings)
    yield app
    app.extensions["zow.engine"].dispose()


def create_app_for(settings: Settings, **config: object) -> Flask:
    """Build the app with test settings."""
    from web import create_app

    return create_app({"SETTINGS": settings, "TESTING": True, **config})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Return a test client."""
    return app.test_client()


DEMO_TODAY = date(2026, 11, 23)


@pytest.fixture
def demo_app(settings: Settings, db: Session) -> Iterator[Flask]:
    """The app in demo mode on the demo region."""
    from web.demo import load_demo

    load_demo(db, today=DEMO_TODAY, seed=3)
    db.commit()
    demo = Settings(**{**settings.__dict__, "env": "demo"})
    app = create_app_for(demo)
    yield app
    app.extensions["zow.engine"].dispose()
