"""Shared fixtures: a fresh database per test (SQLite, or PostgreSQL via TEST_DATABASE_URL).

Also the one place that knows how to log in through the web forms: `login`.
"""

import os
import re
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
from werkzeug.test import TestResponse

from matcher.store.requirements import forget as forget_requirement_tables
from models import Base, User
from models.db import make_engine, make_session_factory
from models.settings import Settings
from tests.factories import PASSWORD

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
    forget_requirement_tables()  # kept per process: a fresh database starts without them
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


def login(
    client: FlaskClient, who: str | User, password: str = PASSWORD, *, code: str | None = None
) -> str:
    """Log in as a user (or an e-mail address) and return the path the login ends on.

    Where the role needs a second factor, `code` is entered on the code page; without it the
    login stops there ("/login/code").
    """
    path = login_response(client, who, password).request.path
    if code is not None and path == "/login/code":
        return enter_code(client, code)
    return path


def login_response(
    client: FlaskClient,
    who: str | User,
    password: str = PASSWORD,
    *,
    follow_redirects: bool = True,
    address: str = "127.0.0.1",
    headers: dict[str, str] | None = None,
) -> TestResponse:
    """Post the login form (with its CSRF token, from `address`) and return the response."""
    email = who if isinstance(who, str) else who.email
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    csrf = {"csrf_token": token.group(1)} if token else {}  # absent when CSRF is switched off
    return client.post(
        "/login",
        data={"email": email, "password": password, **csrf},
        headers=headers or {},
        environ_base={"REMOTE_ADDR": address},
        follow_redirects=follow_redirects,
    )


def enter_code(client: FlaskClient, code: str) -> str:
    """Enter a second-factor code on the code page and return the path it ends on."""
    return code_response(client, code).request.path


def code_response(client: FlaskClient, code: str, *, follow_redirects: bool = True) -> TestResponse:
    """Post a second-factor code (with the code page's CSRF token) and return the response."""
    page = client.get("/login/code").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    return client.post(
        "/login/code",
        data={"code": code, "csrf_token": token},
        follow_redirects=follow_redirects,
    )
