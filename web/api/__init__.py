"""The JSON API at /api/v1 for integrations, authenticated with bearer tokens.

It never reads the login cookie, so it is exempt from CSRF. Which role may call which
endpoint is decided here, once, in ``ROLES_BY_ENDPOINT``: an endpoint missing from the
table is refused to everyone.
"""

from flask import Blueprint, Flask, abort, current_app, g, request
from werkzeug.routing import IntegerConverter

from web.api import errors
from web.api.tokens import Caller, authenticate
from web.auth.throttle import origin_hash, record_failure, wait_seconds
from web.db import get_session
from web.extensions import csrf
from web.roles import declare_access
from web.security_log import security_event

bp = Blueprint("api", __name__, url_prefix="/api/v1")

PUBLIC = frozenset({"api.openapi"})
READERS = frozenset({"admin", "mediator"})
ROLES_BY_ENDPOINT: dict[str, frozenset[str]] = {
    "api.list_claimants": READERS | {"claimant"},
    "api.get_claimant": READERS | {"claimant"},
    "api.create_claimant": frozenset({"mediator"}),
    "api.list_opportunities": READERS | {"employer"},
    "api.get_opportunity": READERS | {"employer"},
    "api.create_opportunity": frozenset({"employer"}),
    "api.update_opportunity": frozenset({"employer"}),
    "api.list_matches": READERS | {"employer", "claimant"},
    "api.get_match": READERS | {"employer", "claimant"},
    "api.change_match_status": frozenset({"mediator"}),
    "api.approve_match": frozenset({"mediator"}),
    "api.release_match": frozenset({"mediator"}),
    "api.mark_interest": frozenset({"claimant"}),
    "api.set_consent": frozenset({"claimant"}),
    "api.answer_match": frozenset({"employer"}),
    "api.list_sessions": READERS,
    "api.get_session": READERS,
    "api.list_sources": frozenset({"admin"}),
    "api.create_source": frozenset({"admin"}),
    "api.remove_source": frozenset({"admin"}),
    "api.pull_source": frozenset({"admin"}),
}


def bearer_token() -> str | None:
    """Return the token of an `Authorization: Bearer` header, if there is one."""
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and 0 < len(token) <= 200 else None


def check_access() -> None:
    """Authenticate the token and apply the endpoint's role rule."""
    endpoint = request.endpoint or ""
    if endpoint in PUBLIC:
        return None
    token = bearer_token()
    db = get_session()
    settings = current_app.config["SETTINGS"]
    origin = origin_hash(request.remote_addr or "", key=current_app.config["SECRET_KEY"])
    if token and (wait := wait_seconds(db, account=None, origin=origin)):
        # Guessing tokens is slowed down like guessing passwords: per address, no lock.
        security_event("api_token", result="throttled", actor="anonymous")
        abort(errors.too_many_requests(wait))
    caller = authenticate(db, token=token, allow_demo=settings.is_demo) if token else None
    if caller is None:
        db.rollback()
        if token:  # a missing token is no guess; a wrong one counts as a failure
            record_failure(db, user_id=None, account=None, origin=origin)
            db.commit()
        security_event("api_token", result="refused", actor="anonymous")
        abort(401)
    db.commit()
    g.api_caller = caller
    if caller.role not in ROLES_BY_ENDPOINT.get(endpoint, frozenset()):
        security_event("access", result="denied", actor=f"user:{caller.user_id}")
        abort(403)
    return None


def current_caller() -> Caller:
    """Return the authenticated caller of this request."""
    caller: Caller = g.api_caller
    return caller


class IdConverter(IntegerConverter):
    """A positive record id of at most nine digits, checked by the pattern alone.

    Werkzeug answers 405 instead of 404 when a converter's bounds reject a value on a
    route with other methods, and an id beyond PostgreSQL's integer would be a 500.
    """

    regex = r"[1-9][0-9]{0,8}"


def init_app(app: Flask) -> None:
    """Register the API blueprint, exempt from CSRF because it never uses cookies."""
    app.url_map.converters["id"] = IdConverter
    csrf.exempt(bp)
    app.register_blueprint(bp)


declare_access(bp, "token")  # the per-endpoint rules are ROLES_BY_ENDPOINT
bp.before_request(check_access)
errors.register(bp)

from web.api import views  # noqa: E402,F401  (routes attach to bp)
