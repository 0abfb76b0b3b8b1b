"""Dutch page texts for a step the match lifecycle refuses (models.workflow.TransitionError)."""

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from models.workflow import TransitionError

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
