"""PostgreSQL: the application role cannot change the audit trail; backups restore exactly.

Runs on the server of TEST_DATABASE_URL (CI: a real PostgreSQL) and is skipped only when
that is unset. Uses psql, pg_dump and pg_restore as an operator would.
"""

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.orm import Session

from models import Base
from models.db import make_engine
from tests.factories import create_claimant
from web.demo import load_demo

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")
SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "postgres" / "least_privilege.sql"
pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs TEST_DATABASE_URL (PostgreSQL)")


def _tool(name: str) -> str:
    """Return the newest PostgreSQL client tool of that name."""
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    found = str(versions[-1]) if versions else shutil.which(name)
    assert found, f"{name} is not installed"
    return found


def _libpq(url: str) -> str:
    """Return a SQLAlchemy URL as a libpq connection string."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.fixture
def app_role(database_url: str) -> Iterator[str]:
    """Run the documented script for a role of this test, and drop the role afterwards."""
    role = f"zow_app_test_{os.getpid()}"
    subprocess.run(
        [_tool("psql"), _libpq(database_url), "-q", "-v", f"app_role={role}", "-f", str(SCRIPT)],
        check=True,
        capture_output=True,
    )
    yield role
    owner = create_engine(database_url)
    with owner.begin() as connection:
        connection.execute(text(f'DROP OWNED BY "{role}"'))
        connection.execute(text(f'DROP ROLE "{role}"'))
    owner.dispose()


def _as_role(engine: Engine, role: str, statement: str) -> None:
    """Run one statement as the role, in a transaction of its own."""
    with engine.begin() as connection:
        connection.execute(text(f'SET LOCAL ROLE "{role}"'))
        connection.execute(text(statement))


def test_the_application_role_adds_to_the_audit_trail_but_cannot_change_it(
    engine: Engine, db: Session, app_role: str
) -> None:
    claimant = create_claimant(db)
    db.commit()
    _as_role(
        engine,
        app_role,
        "INSERT INTO audit_events (at, action, object_type, object_id)"
        f" VALUES (now(), 'read', 'claimant', '{claimant.id}')",
    )
    _as_role(engine, app_role, "SELECT count(*) FROM audit_events")
    _as_role(engine, app_role, f"UPDATE claimants SET notes = 'x' WHERE id = {claimant.id}")
    for forbidden in (
        "UPDATE audit_events SET reason = 'rewritten'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
        "CREATE TABLE sneaky (id int)",
    ):
        with pytest.raises(ProgrammingError, match="permission denied"):
            _as_role(engine, app_role, forbidden)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM audit_events")) == 1


def _all_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Return every row of every table, in primary-key order."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in connection.execute(
                        table.select().order_by(*table.primary_key.columns)
                    )
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def test_pg_dump_then_restore_of_the_demo_database_gives_identical_rows(
    database_url: str, db: Session, engine: Engine, tmp_path: Path
) -> None:
    load_demo(db, today=date(2026, 11, 23), seed=2026)
    db.commit()
    before = _all_rows(database_url)
    assert sum(len(rows) for rows in before.values()) > 100
    dump = tmp_path / "zow.dump"
    subprocess.run(
        [_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={dump}", _libpq(database_url)],
        check=True,
        capture_output=True,
    )
    copy = f"zow_restore_test_{os.getpid()}"
    admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{copy}"'))
        connection.execute(text(f'CREATE DATABASE "{copy}"'))
    copy_url = database_url.rsplit("/", 1)[0] + f"/{copy}"
    try:
        subprocess.run(
            [
                _tool("pg_restore"),
                "--no-owner",
                "--exit-on-error",
                f"--dbname={_libpq(copy_url)}",
                str(dump),
            ],
            check=True,
            capture_output=True,
        )
        assert _all_rows(copy_url) == before
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)'))
        admin.dispose()
