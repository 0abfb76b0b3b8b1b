"""Security events as one JSON line each, with no personal data in them."""

import json
import logging
from datetime import UTC, datetime

from flask import Flask, render_template, request
from flask_babel import gettext
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import Forbidden

logger = logging.getLogger("zow.security")


def _actor() -> str:
    """Return who acts: a user id, never a name or e-mail address."""
    if current_user and current_user.is_authenticated:
        return f"user:{current_user.id}"
    return "anonymous"


def security_event(action: str, *, result: str, obj: str = "", actor: str | None = None) -> None:
    """Write one security event: time (UTC), actor, action, object, result, origin."""
    line = {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "actor": actor or _actor(),
        "action": action,
        "object": obj or request.path,
        "result": result,
        "origin": request.remote_addr or "",
    }
    logger.info(json.dumps(line, sort_keys=True))


def init_app(app: Flask) -> None:
    """Log refused access and refused forms as security events."""

    @app.errorhandler(Forbidden)
    def log_access_denied(error: Forbidden) -> tuple[str, int]:
        security_event("access", result="denied")
        page = render_template(
            "errors/message.html",
            heading=gettext("Geen toegang"),
            message=gettext("U heeft geen toegang tot deze pagina."),
        )
        return page, 403

    @app.errorhandler(CSRFError)
    def log_csrf_failure(error: CSRFError) -> tuple[str, int]:
        security_event("form", result="csrf_failed")
        page = render_template(
            "errors/message.html",
            heading=gettext("Formulier verlopen"),
            message=gettext("Het formulier is verlopen. Ga terug en probeer het opnieuw."),
        )
        return page, 400
