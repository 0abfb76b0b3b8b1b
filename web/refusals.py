"""A step the match lifecycle refuses (TransitionError): its Dutch text and a form post's answer."""

from collections.abc import Callable

from flask import abort, flash
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response as BaseResponse

from models.workflow import TransitionError
from web.db import get_session

REFUSALS = {
    "not_allowed": _l("Deze stap is vanuit de huidige status niet mogelijk."),
    "role": _l("U mag deze stap niet zetten."),
    "reason": _l("Kies een reden."),
    "details": _l("Vul de gegevens van de plaatsing in (startdatum, uren, soort contract)."),
    "not_approved": _l("Keur het voorstel eerst goed."),
    "closed": _l("Dit voorstel is afgesloten."),
    "consent_exists": _l("De klant gaf al toestemming."),
    "no_consent": _l("Er is geen toestemming om in te trekken."),
}


def refusal_text(error: TransitionError) -> str:
    """Return the Dutch sentence for a refused step."""
    text = REFUSALS.get(error.code)
    return str(text) if text is not None else gettext("Deze stap kan nu niet bij dit voorstel.")


def commit_step(
    step: Callable[[], object],
    *,
    done: str,
    target: BaseResponse,
    refused: str | None = None,
    unknown_is_refusal: bool = False,
) -> BaseResponse:
    """Run one step of a form post: commit and say `done`, or roll back and say why not."""
    db = get_session()
    # A match the user may not reach is a 404, unless the form names the thing by hand
    # (`unknown_is_refusal`): then an unknown number is an ordinary refusal.
    refusals: tuple[type[Exception], ...] = (TransitionError,)
    if unknown_is_refusal:
        refusals = (TransitionError, LookupError)
    try:
        step()
    except refusals as error:
        db.rollback()
        flash(refused or _refusal_of(error), "error")
        return target
    except LookupError:
        abort(404)
    db.commit()
    flash(done)
    return target


def _refusal_of(error: Exception) -> str:
    """Return the Dutch sentence for a refused step or an unknown record."""
    if isinstance(error, TransitionError):
        return refusal_text(error)
    return str(gettext("Deze stap kan nu niet bij dit voorstel."))
