"""Login and logout pages."""

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import login_user, logout_user
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response as BaseResponse

from models import User
from models.settings import Settings
from web.auth import bp, server_sessions
from web.auth import second_factor as totp
from web.auth.forms import LoginForm
from web.auth.identity import identity_of
from web.auth.services import authenticate
from web.auth.throttle import account_locked, origin_hash, record_failure
from web.db import get_session
from web.roles import home_endpoint
from web.security_log import security_event

REFUSALS = {
    "credentials": "Dit e-mailadres en wachtwoord horen niet bij elkaar.",
    "locked": "Er is te vaak een verkeerd wachtwoord gebruikt. Probeer het over een uur opnieuw.",
    "address": "Er is vanaf dit adres te vaak geprobeerd in te loggen. Wacht een kwartier.",
}
SECURITY_RESULTS = {"credentials": "failure", "locked": "lockout", "address": "rate_limited"}


@bp.route("/login", methods=["GET", "POST"])
def login() -> str | BaseResponse | tuple[str, int]:
    """Show the login form and log the user in."""
    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form, error=None)
    db = get_session()
    result = authenticate(
        db,
        email=form.email.data,
        password=form.password.data,
        demo_mode=_settings().is_demo,
        origin=_origin(),
    )
    if result.user is None:
        db.commit()  # keep the failure count
        security_event("login", result=SECURITY_RESULTS[result.refusal], obj="session")
        page = render_template(
            "auth/login.html", form=form, error=gettext(REFUSALS[result.refusal])
        )
        return page, 429 if result.refusal == "address" else 200
    if totp.needs_second_factor(result.user, required=_settings().totp_required):
        totp.hold(result.user)
        db.commit()
        return redirect(url_for("auth.second_factor"))
    return _complete_login(db, result.user)


@bp.route("/login/code", methods=["GET", "POST"])
def second_factor() -> str | BaseResponse | tuple[str, int]:
    """Ask for the one-time code (setting it up the first time) and finish logging in."""
    db = get_session()
    user_id = totp.pending_user_id()
    user = db.get(User, user_id) if user_id else None
    if user is None or account_locked(db, user_id=user.id):
        return redirect(url_for("auth.login"))
    error = None
    if request.method == "POST":
        if totp.verify(db, user, request.form.get("code", "")):
            return _complete_login(db, user)
        record_failure(db, user_id=user.id, origin=_origin())
        db.commit()
        security_event("login_code", result="failure", obj="session")
        error = gettext("Deze code klopt niet. Probeer de nieuwste code uit uw app.")
    secret = None if user.totp_secret else totp.enrolment_secret(user)
    uri = totp.provisioning_uri(user, secret) if secret else None
    page = render_template(
        "auth/second_factor.html", error=error, enrolment_secret=secret, enrolment_uri=uri
    )
    return page, 200


def _complete_login(db: Session, user: User) -> BaseResponse:
    """Open a server session for the user and send them to their landing page."""
    identity = identity_of(user)
    server_sessions.start(db, user_id=identity.id)
    db.commit()
    login_user(identity)
    security_event("login", result="success", obj="session", actor=f"user:{identity.id}")
    return redirect(url_for(home_endpoint(identity.role)))


def _settings() -> Settings:
    """Return the app's settings."""
    settings: Settings = current_app.config["SETTINGS"]
    return settings


def _origin() -> str:
    """Return the keyed hash of the visitor's address."""
    return origin_hash(request.remote_addr or "", key=current_app.config["SECRET_KEY"])


@bp.post("/logout")
def logout() -> BaseResponse:
    """Log the user out."""
    security_event("logout", result="success", obj="session")
    db = get_session()
    server_sessions.end(db)
    db.commit()
    logout_user()
    return redirect(url_for("auth.login"))
