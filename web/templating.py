"""Values every template can use, the navigation per role and the language switch."""

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, redirect, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response as BaseResponse

from models.lifecycle import OPEN_MATCH_STATUSES
from web.extensions import LANGUAGES
from web.redirects import is_local_path
from web.roles import declare_access
from web.vocabulary import (
    ALL_REASONS,
    CHECKLIST_ITEMS,
    CONTRACT_LABELS,
    EMPLOYER_REASONS,
    FIELD_LABELS,
    INSTRUMENT_LABELS,
    KIND_LABELS,
    NO_SHOW_REASONS,
    STATUS_LABELS,
    VOCABULARIES,
    label,
    labels,
    shown,
)

# The language switch (and the icon) are open to everyone, logged in or not.
language_bp = Blueprint("language", __name__)
declare_access(language_bp, "public")

ROLE_LABELS = {
    "admin": _l("Beheerders"),
    "mediator": _l("Werkcoaches"),
    "employer": _l("Werkgevers"),
    "claimant": _l("Klanten"),
}
NAV = {
    "admin": (
        ("admin.home", _l("Beheer")),
        ("covenant.ledger", _l("Convenant")),
        ("oversight.home", _l("Eerlijkheid")),
        ("oversight.versions", _l("Modelkaarten")),
        ("oversight.register_page", _l("Algoritmeregister")),
        ("oversight.api_docs", _l("API-documentatie")),
    ),
    "mediator": (
        ("mediator.home", _l("Mijn klanten")),
        ("mediator.planner", _l("Sessies")),
        ("mediator.intake", _l("Nieuwe klant")),
        ("mediator.opportunities", _l("Aanbod")),
        ("mediator.kpi", _l("Cijfers")),
        ("covenant.ledger", _l("Convenant")),
    ),
    "employer": (
        ("employer.home", _l("Overzicht")),
        ("employer.proposals", _l("Kandidaten")),
        ("employer.new_opportunity", _l("Nieuwe plaats")),
    ),
    "claimant": (
        ("claimant.home", _l("Mijn werk")),
        ("claimant.profile", _l("Mijn gegevens")),
        ("claimant.consents", _l("Wie mag mijn gegevens zien")),
    ),
}


def nav_items(role: str) -> tuple[tuple[str, Any], ...]:
    """Return the menu of a role as (endpoint, label) pairs."""
    return NAV.get(role, ())


@language_bp.post("/taal")
def set_language() -> BaseResponse:
    """Remember the chosen language in a cookie and go back to the page."""
    chosen = request.form.get("lang", "nl")
    target = request.form.get("next", "")
    if not is_local_path(target):
        target = url_for("index")
    response = redirect(target)
    if chosen in LANGUAGES:
        response.set_cookie("lang", chosen, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


@language_bp.get("/favicon.ico")
def favicon() -> BaseResponse:
    """Send browsers that ask for the classic icon to the vector one."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)


class Translated(Mapping[str, str]):
    """Labels whose lazy strings are translated once per page, not once per row."""

    def __init__(self, labels: Mapping[str, Any]) -> None:
        self._labels = labels
        self._done: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        if key not in self._done:
            self._done[key] = str(self._labels[key])
        return self._done[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


def init_app(app: Flask) -> None:
    """Add the shared template values and the language switch."""
    static = Path(app.static_folder or "")
    vendor_css = (static / "vendor" / "utrecht" / "component-library.css").exists()
    app.register_blueprint(language_bp)
    app.add_template_filter(label, "label")
    app.add_template_filter(labels, "labels")
    app.add_template_filter(shown, "shown")

    @app.context_processor
    def shared_values() -> dict[str, Any]:
        return {
            "get_locale": get_locale,
            "kind_labels": Translated(KIND_LABELS),
            "role_labels": ROLE_LABELS,
            "status_labels": Translated(STATUS_LABELS),
            "reason_labels": Translated(ALL_REASONS),
            "instrument_labels": Translated(INSTRUMENT_LABELS),
            "field_labels": FIELD_LABELS,
            "checklist_items": CHECKLIST_ITEMS,
            "contract_labels": CONTRACT_LABELS,
            "open_statuses": OPEN_MATCH_STATUSES,
            "employer_reasons": EMPLOYER_REASONS,
            "no_show_reasons": NO_SHOW_REASONS,
            "nav_items": nav_items,
            "vocabularies": VOCABULARIES,
            "vendor_css": vendor_css,
        }
