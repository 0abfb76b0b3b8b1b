"""Oversight documents as pages: model cards per version, the Algoritmeregister, the API."""

from typing import Any

from flask import Response, abort, current_app, jsonify, render_template
from flask_babel import lazy_gettext as _l

from matcher.fairness import report
from matcher.register import algorithm_register, model_card
from matcher.store.monitoring import fairness_people
from matcher.store.rankers import active_model, model_version, model_versions
from models.base import utcnow
from web.api.openapi import document
from web.db import get_session
from web.oversight import bp
from web.oversight.views import REPORT_WINDOW

FEATURE_LABELS = {
    "occupation": _l("Beroep (ESCO)"),
    "skills": _l("Vaardigheden"),
    "title": _l("Functietitel"),
    "text": _l("Tekst van de vacature"),
    "distance": _l("Afstand"),
    "hours": _l("Uren"),
    "education": _l("Opleiding"),
    "recency": _l("Hoe recent"),
    "covenant": _l("Convenantwerkgever"),
    "preferences": _l("Wensen"),
}
REGISTER_LABELS = {
    "name": _l("Naam"),
    "organization": _l("Organisatie"),
    "description_short": _l("Korte omschrijving"),
    "type": _l("Soort algoritme"),
    "category": _l("Thema"),
    "website": _l("Website"),
    "status": _l("Status"),
    "goal": _l("Doel"),
    "impact": _l("Impact"),
    "proportionality": _l("Proportionaliteit"),
    "decision_making_process": _l("Besluitvorming"),
    "documentation": _l("Documentatie"),
    "competent_authority": _l("Verantwoordelijke organisatie"),
    "lawful_basis": _l("Wettelijke grondslag"),
    "iama": _l("IAMA"),
    "dpia": _l("DPIA"),
    "objection_procedure": _l("Bezwaar"),
    "uses": _l("Gebruik"),
    "source_data": _l("Brongegevens"),
    "monitoring": _l("Monitoring"),
    "human_intervention": _l("Menselijke tussenkomst"),
    "risk_management": _l("Risicobeheer"),
    "provider": _l("Leverancier"),
}


@bp.get("/modellen")
def versions() -> str:
    """List every ranker version with a link to its model card."""
    return render_template("oversight/versions.html", versions=model_versions(get_session()))


@bp.get("/modellen/<version>")
def card_page(version: str) -> str:
    """Show the model card of one version as a page; the version in use with group figures."""
    card = _card_of(version)
    return render_template("oversight/card.html", card=card, features=FEATURE_LABELS)


@bp.get("/modellen/<version>.json")
def card_json(version: str) -> Response:
    """Return the model card of one version as JSON, for machines."""
    return jsonify(_card_of(version))


@bp.get("/algoritmeregister")
def register_page() -> str:
    """Show the Algoritmeregister description of the live configuration as a page."""
    return render_template(
        "oversight/register.html",
        entry=register_entry(),
        labels=REGISTER_LABELS,
        features=FEATURE_LABELS,
    )


@bp.get("/api-documentatie")
def api_docs() -> str:
    """Show the OpenAPI document of /api/v1 as a readable page."""
    spec = document()
    return render_template("oversight/api.html", spec=spec, operations=_operations(spec))


def register_entry() -> dict[str, Any]:
    """Return the Algoritmeregister description of the live configuration."""
    settings = current_app.config["SETTINGS"]
    return algorithm_register(
        organisation=f"Gemeenten regio {settings.region}",
        region=settings.region,
        model=active_model(get_session()),
        base_url=settings.base_url,
    )


def _card_of(version: str) -> dict[str, Any]:
    db = get_session()
    active = active_model(db)
    if version == "default" or (active is not None and active.version == version):
        model = active if version != "default" else None
        region = current_app.config["SETTINGS"].region
        people = fairness_people(db, region=region, since=utcnow() - REPORT_WINDOW)
        return model_card(model, report(people) if model is active else [])
    found = model_version(db, version=version)
    if found is None:
        abort(404)
    return model_card(found, [])


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            parameters = [p["name"] for p in op.get("parameters", [])]
            statuses = sorted(op.get("responses", {}))
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "parameters": parameters,
                    "statuses": statuses,
                }
            )
    return out
