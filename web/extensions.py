"""Flask extensions, created here and bound in create_app."""

from flask import Flask, request
from flask_babel import Babel
from flask_login import LoginManager
from flask_wtf import CSRFProtect

LANGUAGES = ("nl", "en")

babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()


def select_locale() -> str:
    """Use Dutch unless the visitor chose English (?lang=en) or their browser prefers it."""
    chosen = request.args.get("lang") or request.cookies.get("lang")
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES, default="nl") or "nl"


def init_app(app: Flask) -> None:
    """Bind the extensions to the app."""
    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Log in om deze pagina te zien."
