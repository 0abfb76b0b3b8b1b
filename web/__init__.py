"""The Flask web app: UI per role and the JSON API."""

from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from matcher.threads import one_blas_thread
from models.settings import ConfigError, Settings
from web import (
    api,
    auth,
    db,
    errors,
    extensions,
    headers,
    roles,
    safe_json,
    security_log,
    templating,
)
from web.admin import bp as admin_bp
from web.claimant import bp as claimant_bp
from web.covenant import bp as covenant_bp
from web.employer import bp as employer_bp
from web.mediator import bp as mediator_bp
from web.oversight import bp as oversight_bp
from web.public import bp as public_bp


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app from the environment, with `config` overriding for tests."""
    one_blas_thread()  # a web worker ranks sessions: small products, cores shared
    app = Flask(__name__)
    configure_settings(app, config)
    db.init_app(app)
    safe_json.init_app(app)
    extensions.init_app(app)
    headers.init_app(app)
    security_log.init_app(app)
    errors.init_app(app)
    templating.init_app(app)
    auth.init_app(app)
    roles.init_app(app)
    api.init_app(app)
    trust_proxies(app)
    for blueprint in (
        mediator_bp,
        employer_bp,
        claimant_bp,
        admin_bp,
        oversight_bp,
        covenant_bp,
        public_bp,
    ):
        app.register_blueprint(blueprint)
    return app


def trust_proxies(app: Flask) -> None:
    """Take the client address from X-Forwarded-For, as set by the configured proxies only."""
    count = app.config["SETTINGS"].trusted_proxies
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count)  # type: ignore[method-assign]


def configure_settings(app: Flask, config: Mapping[str, Any] | None) -> None:
    """Load Settings from the environment and map them onto Flask's config."""
    settings: Settings = (config or {}).get("SETTINGS") or Settings.from_env()
    if not settings.secret_key:
        raise ConfigError("SECRET_KEY is empty: signed links and cookies could be forged")
    app.config.update(
        SETTINGS=settings,
        SECRET_KEY=settings.secret_key,
        DATABASE_URL=settings.database_url,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.env == "production",
        BABEL_DEFAULT_LOCALE="nl",
        BABEL_DEFAULT_TIMEZONE="Europe/Amsterdam",
    )
    if config:
        app.config.update({key: value for key, value in config.items() if key != "SETTINGS"})
