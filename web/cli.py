"""The `zow` command: database, demo data, running the service, and domain sub-commands.

Sub-commands of matcher and jobs are found through the `zow.commands` entry points and
loaded only when used, so this module never imports jobs.
"""

from importlib.metadata import entry_points
from typing import Any

import click

from matcher.threads import one_blas_thread
from models.migrate import upgrade
from models.settings import Settings
from web.api.commands import api_token
from web.commands import demo, run
from web.users_cli import users


class EntryPointGroup(click.Group):
    """A click group that adds the commands registered under `zow.commands`, lazily."""

    def _plugins(self) -> dict[str, Any]:
        return {ep.name: ep for ep in entry_points(group="zow.commands")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        """List built-in and registered commands."""
        return sorted(set(super().list_commands(ctx)) | set(self._plugins()))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Return a built-in command, or load a registered one."""
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in self._plugins():
            loaded: click.Command = self._plugins()[cmd_name].load()
            return loaded
        return command


@click.group(cls=EntryPointGroup)
def main() -> None:
    """Zicht op Werk: match claimants to work, run the weekly sessions."""
    one_blas_thread()  # runs and jobs started from here rank: small products, cores shared


@main.group()
def db() -> None:
    """Manage the database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply all migrations to DATABASE_URL."""
    settings = Settings.from_env()
    settings.instance_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    click.echo("Database is up to date.")


main.add_command(demo)
main.add_command(run)
main.add_command(users)
main.add_command(api_token)
