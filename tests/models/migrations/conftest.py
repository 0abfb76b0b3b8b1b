"""Migration tests start from a brand-new empty database."""

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from models.db import make_engine
from tests.conftest import POSTGRES_URL


@pytest.fixture
def empty_database_url(tmp_path: object) -> Iterator[str]:
    """Return the URL of a brand-new empty database (a new PostgreSQL database if configured)."""
    if not POSTGRES_URL:
        yield f"sqlite:///{tmp_path}/migrations.sqlite3"
        return
    name = f"zow_migrations_{uuid.uuid4().hex[:8]}"
    admin = make_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
