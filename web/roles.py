"""Role checks: one rule per blueprint, applied before every request."""

from collections.abc import Callable

from flask import Blueprint, Flask, abort, redirect, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

HOME_BY_ROLE = {
    "admin": "admin.home",
    "mediator": "mediator.home",
    "employer": "employer.home",
    "claimant": "claimant.home",
}


# Every blueprint declares who may use it, once: a tuple of roles, or "public" / "token".
# The access test walks the URL map and fails on any endpoint without a rule here.
ACCESS_RULES: dict[str, tuple[str, ...] | str] = {}
PUBLIC_ENDPOINTS = frozenset(
    {"index", "static", "auth.login", "auth.second_factor", "auth.logout", "language"}
)


def require_role(blueprint: Blueprint, *roles: str) -> None:
    """Refuse every request to the blueprint unless the user has one of the roles."""
    ACCESS_RULES[blueprint.name] = roles

    def check() -> None:
        if not current_user.is_authenticated:
            abort(401)
        if current_user.role not in roles:
            abort(403)

    blueprint.before_request(check)


def declare_access(blueprint: Blueprint, rule: str) -> None:
    """Record a blueprint that is public ("public") or checks bearer tokens itself ("token")."""
    ACCESS_RULES[blueprint.name] = rule


def home_endpoint(role: str) -> str:
    """Return the landing page endpoint of a role."""
    return HOME_BY_ROLE[role]


def init_app(app: Flask) -> None:
    """Route / to the user's landing page and 401 to the login page."""

    @app.get("/")
    def index() -> BaseResponse:
        if not current_user.is_authenticated:
            return redirect(url_for("auth.login"))
        return redirect(url_for(home_endpoint(current_user.role)))

    def to_login(_error: Exception) -> BaseResponse:
        return redirect(url_for("auth.login"))

    handler: Callable[[Exception], BaseResponse] = to_login
    app.register_error_handler(401, handler)
