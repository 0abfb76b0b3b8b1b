"""Error pages in Dutch, in the service's own style, for every path outside the API."""

from flask import Flask, render_template
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException, InternalServerError


def error_page(error: HTTPException) -> tuple[str, int]:
    """Render a styled Dutch page for an HTTP error."""
    status = error.code or 500
    heading, message = _WORDS.get(status, _WORDS[500])
    page = render_template("errors/message.html", heading=heading, message=message, status=status)
    return page, status


def init_app(app: Flask) -> None:
    """Answer 400, 413 and 500 with a Dutch page.

    403 is answered (and logged) by security_log; 404 and 405 by the API's routing
    handler, which calls ``error_page`` for every path outside /api/v1.
    """
    for status in (400, 413):
        app.register_error_handler(status, error_page)

    @app.errorhandler(InternalServerError)
    def server_error(error: InternalServerError) -> tuple[str, int]:
        return error_page(error)


_WORDS = {
    400: (
        _l("Verzoek niet begrepen"),
        _l("Deze pagina kon uw verzoek niet verwerken. Probeer het opnieuw."),
    ),
    404: (
        _l("Pagina niet gevonden"),
        _l("Deze pagina bestaat niet (meer). Misschien is de link oud of is er een typfout."),
    ),
    405: (
        _l("Dit kan hier niet"),
        _l("Deze actie kan op deze pagina niet. Ga terug en probeer het opnieuw."),
    ),
    413: (_l("Bestand te groot"), _l("Het bestand is te groot. Kies een kleiner bestand.")),
    500: (
        _l("Er ging iets mis"),
        _l(
            "Er ging bij ons iets mis. Er is niets verloren. "
            "Probeer het over een paar minuten opnieuw."
        ),
    ),
}
