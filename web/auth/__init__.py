"""Login and logout."""

from flask import Blueprint, Flask

from web.auth.identity import load_user
from web.extensions import login_manager

bp = Blueprint("auth", __name__)


def init_app(app: Flask) -> None:
    """Register the login blueprint and the user loader."""
    from web.auth import views  # noqa: F401  (routes attach to bp on import)

    login_manager.user_loader(load_user)
    app.register_blueprint(bp)
