"""Built-in `zow` commands: load demo data, run the service."""

from importlib.metadata import entry_points
from typing import Any

import click
from werkzeug.serving import run_simple

from models.db import make_engine, make_session_factory, transaction
from models.migrate import upgrade
from models.settings import Settings
from models.settings import today as service_today
from web.demo import DemoLogin, NotEmptyError, demo_logins, is_empty, load_demo


def _load_demo(settings: Settings, seed: int) -> list[DemoLogin]:
    """Load the demo region into the configured database."""
    engine = make_engine(settings.database_url)
    try:
        with transaction(make_session_factory(engine)) as session:
            return load_demo(session, today=service_today(settings), seed=seed)
    finally:
        engine.dispose()


def _print_logins(logins: list[DemoLogin]) -> None:
    """Print the demo accounts."""
    click.echo("Demo logins (demo mode only):")
    for login in logins:
        click.echo(f"  {login.role:<9} {login.email:<22} {login.password}")


def _load_region_scale(settings: Settings) -> dict[str, int]:
    """Load a region-sized data set (for load tests) into an empty configured database."""
    from web.region_scale import load_region_scale

    engine = make_engine(settings.database_url)
    try:
        with transaction(make_session_factory(engine)) as session:
            if not is_empty(session):
                raise NotEmptyError(
                    "The database already has data; demo data goes into an empty one."
                )
            return load_region_scale(session, today=service_today(settings))
    finally:
        engine.dispose()


@click.command()
@click.option("--seed", default=2026, show_default=True, help="Seed for the generator.")
@click.option(
    "--scale",
    type=click.Choice(["demo", "region"]),
    default="demo",
    show_default=True,
    help="demo: the hand-made demo region; region: 5,600 claimants and 20,000 places (load tests).",
)
def demo(seed: int, scale: str) -> None:
    """Fill an empty database with the fictional demo region."""
    settings = Settings.from_env()
    if not settings.is_demo:
        raise click.ClickException("Demo data is only loaded when ZOW_ENV=demo.")
    settings.instance_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    if scale == "region":
        try:
            counts = _load_region_scale(settings)
        except NotEmptyError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"Loaded {counts}; logins: beheer@, coach0@, werkgever0@, klant0@region.zow")
        return
    try:
        _print_logins(_load_demo(settings, seed))
    except NotEmptyError as error:
        raise click.ClickException(str(error)) from None


def _database_is_empty(settings: Settings) -> bool:
    """Return whether the configured database has no users."""
    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as session:
            return is_empty(session)
    finally:
        engine.dispose()


def _start_embedded_services(settings: Settings) -> list[Any]:
    """Start the background services registered under `zow.embedded` (the scheduler)."""
    if not settings.scheduler_enabled:
        return []
    return [ep.load()(settings) for ep in entry_points(group="zow.embedded")]


@click.command()
def run() -> None:
    """Migrate, load demo data into an empty database, and serve web app and scheduler."""
    from web import create_app

    settings = Settings.from_env()
    settings.instance_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    if settings.is_demo and _database_is_empty(settings):
        click.echo("Empty database: loading the demo region (takes a few seconds)...")
        _print_logins(_load_demo(settings, seed=2026))
    elif settings.is_demo:
        _print_logins(demo_logins())
    services = _start_embedded_services(settings)
    click.echo(f"Serving on http://{settings.host}:{settings.port}")
    try:
        run_simple(settings.host, settings.port, create_app(), threaded=True)
    finally:
        for service in services:
            service.shutdown()
