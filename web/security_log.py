"""Security events of the web app (refused access and forms, logins); see models.security_events."""

from flask import Flask, render_template, request
from flask_babel import gettext
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import Forbidden

from models.security_events import configure_stream, write_event


def _actor() -> str:
    """Return who acts: a user id, never a name or e-mail address."""
    if current_user and current_user.is_authenticated:
        return f"user:{current_user.id}"
    return "anonymous"


def security_event(action: str, *, result: str, obj: str = "", actor: str | None = None) -> None:
    """Write one security event of this request: who, what, outcome, client address."""
    write_event(
        action,
        outcome=result,
        actor=actor or _actor(),
        obj=obj or request.path,
        address=request.remote_addr or "",  # the real client, see ZOW_TRUSTED_PROXIES
    )


def init_app(app: Flask) -> None:
    """Log refused access and refused forms as security events, on standard error."""
    configure_stream()

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
