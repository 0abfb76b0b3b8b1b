"""`zow api-token`: issue and revoke bearer tokens for the JSON API."""

import click
from sqlalchemy import func, select

from models import User
from models.db import make_engine, make_session_factory, transaction
from models.settings import Settings
from web.api.tokens import issue_token, revoke_token


@click.group("api-token")
def api_token() -> None:
    """Manage tokens for the /api/v1 JSON API."""


@api_token.command("create")
@click.option("--email", required=True, help="E-mail address of the user the token acts as.")
@click.option("--name", required=True, help="What the token is for, e.g. the integration.")
def create(email: str, name: str) -> None:
    """Create a token and print it once; only its hash is stored."""
    engine = make_engine(Settings.from_env().database_url)
    try:
        with transaction(make_session_factory(engine)) as session:
            user = session.scalar(
                select(User).where(func.lower(User.email) == email.strip().lower())
            )
            if user is None or not user.active:
                raise click.ClickException(f"No active user with e-mail {email}.")
            row, token = issue_token(session, user=user, name=name[:100])
            token_id, role = row.id, user.role
    finally:
        engine.dispose()
    click.echo(token)
    click.echo(f"Token {token_id} for {email} ({role}); it is shown only now.", err=True)


@api_token.command("revoke")
@click.option("--id", "token_id", required=True, type=int, help="Id of the token to revoke.")
def revoke(token_id: int) -> None:
    """Revoke a token so it no longer works."""
    engine = make_engine(Settings.from_env().database_url)
    try:
        with transaction(make_session_factory(engine)) as session:
            revoke_token(session, token_id=token_id)
    finally:
        engine.dispose()
    click.echo(f"Token {token_id} revoked.")
