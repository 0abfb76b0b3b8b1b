"""Alembic environment: run migrations against the configured URL."""

from alembic import context

from models import Base
from models.db import make_engine

config = context.config


def run_migrations() -> None:
    """Run migrations online against the URL set by models.migrate."""
    url = config.get_main_option("sqlalchemy.url")
    assert url, "models.migrate sets sqlalchemy.url"
    engine = make_engine(url)
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            # Batch mode rebuilds a table by dropping it; with foreign keys on, SQLite would
            # cascade that drop into every child table (history, consents) and lose rows.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
