"""The logged-in user as the web layer sees it: a small, detached value."""

from dataclasses import dataclass

from flask import current_app
from flask_login import UserMixin

from models import User
from web.auth import server_sessions
from web.db import get_session


@dataclass(frozen=True)
class Identity(UserMixin):  # type: ignore[misc]
    """Who is logged in and what they may see."""

    id: int
    role: str
    display_name: str
    employer_id: int | None
    is_demo: bool

    def get_id(self) -> str:
        """Return the id Flask-Login keeps in the session."""
        return str(self.id)


def identity_of(user: User) -> Identity:
    """Return the web identity of a user row."""
    return Identity(user.id, user.role, user.display_name, user.employer_id, user.is_demo)


def load_user(user_id: str) -> Identity | None:
    """Load the identity of a live server session, refusing inactive and out-of-mode demo users."""
    db = get_session()
    if not user_id.isdigit() or server_sessions.current_user_id(db) != int(user_id):
        return None
    user = db.get(User, int(user_id))
    if user is None or not user.active:
        return None
    if user.is_demo and not current_app.config["SETTINGS"].is_demo:
        return None
    return identity_of(user)
