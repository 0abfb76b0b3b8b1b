"""`zow users`: create accounts from the command line (the first admin, integrations)."""

import click
from sqlalchemy import select

from models import User
from models.db import make_engine, make_session_factory, transaction
from models.settings import Settings
from models.vocab import ROLES
from web.auth.passwords import hash_password, password_problems


@click.group()
def users() -> None:
    """Manage user accounts."""


@users.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True, help="Name shown in the application.")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--employer-id", type=int, default=None, help="Required for employer accounts.")
@click.password_option()
def create(email: str, name: str, role: str, employer_id: int | None, password: str) -> None:
    """Create an account after checking the password policy."""
    problems = password_problems(password, email=email)
    if problems:
        raise click.ClickException(" ".join(problems))
    settings = Settings.from_env()
    engine = make_engine(settings.database_url)
    try:
        with transaction(make_session_factory(engine)) as session:
            session.add(
                User(
                    email=email.strip().lower(),
                    display_name=name,
                    role=role,
                    region=settings.region,
                    employer_id=employer_id,
                    password_hash=hash_password(password),
                )
            )
    finally:
        engine.dispose()
    click.echo(f"Account {email} ({role}) created.")


@users.command("reset-second-factor")
@click.option("--email", required=True)
def reset_second_factor(email: str) -> None:
    """Forget someone's authenticator (lost phone, new key): they enrol again at next login."""
    settings = Settings.from_env()
    engine = make_engine(settings.database_url)
    try:
        with transaction(make_session_factory(engine)) as session:
            user = session.scalars(select(User).where(User.email == email.strip().lower())).first()
            if user is None:
                raise click.ClickException(f"No account {email}.")
            user.totp_secret, user.totp_last_step = None, None
    finally:
        engine.dispose()
    click.echo(f"Second factor of {email} reset; a new one is set up at the next login.")
