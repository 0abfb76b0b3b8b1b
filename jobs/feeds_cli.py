"""`zow feeds`: manage and pull vacancy sources from the command line (sources as code)."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from jobs.linking import no_linking
from jobs.pull import pull_one
from models import FeedRun, FeedSource
from models.db import make_engine, make_session_factory, transaction
from models.settings import Settings
from models.source_rules import source_problems
from models.vocab import FEED_KINDS


@click.group()
def feeds() -> None:
    """List, add, remove and pull vacancy sources."""


@contextmanager
def _factory() -> Iterator[sessionmaker[Session]]:
    """Yield a session factory on the configured database, and close its connections after."""
    engine = make_engine(Settings.from_env().database_url)
    try:
        yield make_session_factory(engine)
    finally:
        engine.dispose()


@feeds.command("list")
def list_sources() -> None:
    """List every source: id, name, kind, active, full list, URL."""
    with _factory() as factory, transaction(factory) as session:
        for source in session.scalars(select(FeedSource).order_by(FeedSource.id)):
            state = "actief" if source.enabled else "uit"
            full = "volledig" if source.full_feed else "deel"
            click.echo(f"{source.id:>4} {source.name:<30} {source.kind:<8} {state:<6} {full:<8} "
                       f"{source.url or ''}")  # fmt: skip


@feeds.command("add")
@click.argument("name")
@click.argument("kind", type=click.Choice(FEED_KINDS))
@click.argument("url", required=False, default="")
@click.option("--region", default=None, help="Arbeidsmarktregio (standaard ZOW_REGION).")
@click.option("--partial", is_flag=True, help="Geen volledige lijst: ontbrekende vervallen niet.")
@click.option("--disabled", is_flag=True, help="Toevoegen maar nog niet ophalen.")
def add(name: str, kind: str, url: str, region: str | None, partial: bool, disabled: bool) -> None:
    """Add a source, checked as the admin form checks it."""
    values = {
        "name": name.strip(),
        "kind": kind,
        "url": (url or None) if kind != "upload" else None,
        "region": region or Settings.from_env().region,
        "enabled": not disabled,
        "full_feed": not partial,
    }
    with _factory() as factory, transaction(factory) as session:
        problems = source_problems(session, values)
        if problems:
            detail = "; ".join(f"{p.field}: {p.message}" for p in problems)
            raise click.ClickException(f"bron niet toegevoegd: {detail}")
        source = FeedSource(settings={}, **values)
        session.add(source)
        session.flush()
        click.echo(f"bron {source.id} toegevoegd: {source.name}")


def _find(session: Any, name_or_id: str) -> FeedSource:
    """Return a source by id or name, or stop with a Dutch message."""
    query = select(FeedSource).where(FeedSource.name == name_or_id)
    source = session.scalar(query)
    if source is None and name_or_id.isdigit():
        source = session.get(FeedSource, int(name_or_id))
    if source is None:
        raise click.ClickException(f"geen bron {name_or_id!r}")
    return source  # type: ignore[no-any-return]


@feeds.command("remove")
@click.argument("name_or_id")
def remove(name_or_id: str) -> None:
    """Stop pulling a source; its vacancies and runs stay (as the admin page does)."""
    with _factory() as factory, transaction(factory) as session:
        source = _find(session, name_or_id)
        source.enabled = False
        click.echo(f"bron {source.id} uitgezet: {source.name}")


@feeds.command("pull")
@click.argument("name_or_id")
@click.option("--no-linking", "skip_linking", is_flag=True, help="Titels niet aan ESCO koppelen.")
def pull(name_or_id: str, skip_linking: bool) -> None:
    """Pull one source now and print its run."""
    with _factory() as factory:
        _pull(factory, name_or_id, skip_linking)


def _pull(factory: sessionmaker[Session], name_or_id: str, skip_linking: bool) -> None:
    """Pull a source and print its run; exit 1 when the run did not succeed."""
    with transaction(factory) as session:
        source_id = _find(session, name_or_id).id
    engine = factory.kw["bind"]
    try:
        kwargs = {"linker": no_linking} if skip_linking else {}
        run_id = pull_one(engine, source_id=source_id, **kwargs)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    with transaction(factory) as session:
        run = session.get_one(FeedRun, run_id)
        click.echo(
            f"run {run.id}: {run.status}; gelezen {run.fetched}, nieuw {run.new}, "
            f"bijgewerkt {run.updated}, dubbel {run.duplicate}, vervallen {run.expired}, "
            f"afgewezen {run.rejected}"
        )
        for problem in run.errors[:20]:
            click.echo(f"  {problem['item']}: {problem['reason']}")
        if run.expiry_note:
            click.echo(f"  {run.expiry_note}")
        if run.status != "ok":
            raise SystemExit(1)
