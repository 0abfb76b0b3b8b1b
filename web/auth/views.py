"""Login and logout pages."""

from flask import current_app, make_response, redirect, render_template, request, url_for
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
from web.auth.throttle import account_hash, origin_hash, record_failure, wait_seconds
from web.db import get_session
from web.roles import home_endpoint
from web.security_log import security_event

SECURITY_RESULTS = {"credentials": "failure", "wait": "throttled"}


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
        account=_account(form.email.data or ""),
    )
    if result.user is None:
        db.commit()  # keep the failure count
        security_event(
            "login",
            result=SECURITY_RESULTS[result.refusal],
            obj="session",
            actor=f"name:{_account(form.email.data or '')[:16]}",
        )
        if result.refusal == "wait":
            return _wait_page("auth/login.html", result.wait, form=form)
        error = gettext("Dit e-mailadres en wachtwoord horen niet bij elkaar.")
        return render_template("auth/login.html", form=form, error=error), 200
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
    if user is None:
        return redirect(url_for("auth.login"))
    error = None
    if request.method == "POST":
        account = _account(user.email)
        wait = wait_seconds(db, account=account, origin=_origin())
        if wait:
            security_event("login_code", result="throttled", obj="session")
            return _wait_page("auth/second_factor.html", wait, enrolment_secret=None)
        if totp.verify(db, user, request.form.get("code", "")):
            return _complete_login(db, user)
        record_failure(db, user_id=user.id, account=account, origin=_origin())
        db.commit()
        security_event("login_code", result="failure", obj="session")
        error = gettext("Deze code klopt niet. Probeer de nieuwste code uit uw app.")
    secret = None if user.totp_secret else totp.enrolment_secret(user)
    uri = totp.provisioning_uri(user, secret) if secret else None
    page = render_template(
        "auth/second_factor.html", error=error, enrolment_secret=secret, enrolment_uri=uri
    )
    return page, 200


def _wait_page(template: str, wait: int, **values: object) -> BaseResponse:
    """Answer an attempt made too soon: 429, how long to wait, the same for every account."""
    error = gettext(
        "Er is te vaak iets verkeerds ingevuld. Wacht %(seconds)s seconden en probeer het "
        "dan opnieuw.",
        seconds=wait,
    )
    response = make_response(render_template(template, error=error, **values), 429)
    response.headers["Retry-After"] = str(wait)
    return response


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
    """Return the keyed hash of the visitor's address (the real one, see ZOW_TRUSTED_PROXIES)."""
    return origin_hash(request.remote_addr or "", key=current_app.config["SECRET_KEY"])


def _account(name: str) -> str:
    """Return the keyed hash of an account name as typed."""
    return account_hash(name, key=current_app.config["SECRET_KEY"])


@bp.post("/logout")
def logout() -> BaseResponse:
    """Log the user out."""
    security_event("logout", result="success", obj="session")
    db = get_session()
    server_sessions.end(db)
    db.commit()
    logout_user()
    return redirect(url_for("auth.login"))
