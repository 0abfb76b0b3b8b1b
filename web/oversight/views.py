"""Oversight pages: what the ranker does, for whom, and the switch that stops it."""

from datetime import timedelta

from flask import Response, current_app, jsonify, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from matcher.fairness import THRESHOLD, report
from matcher.register import algorithm_register, model_card
from matcher.store.inputs import matching_enabled
from matcher.store.monitoring import fairness_people
from matcher.store.rankers import active_model
from models.base import utcnow
from models.system_flag import AUTOMATIC_MATCHING, set_flag
from web.db import get_session
from web.oversight import bp

REPORT_WINDOW = timedelta(days=28)


def _card() -> dict[str, object]:
    """Return the model card of the version in use with this month's group figures."""
    db = get_session()
    region = current_app.config["SETTINGS"].region
    people = fairness_people(db, region=region, since=utcnow() - REPORT_WINDOW)
    return model_card(active_model(db), report(people))


@bp.get("/")
def home() -> str:
    """Show the fairness report, the model in use and the matching switch."""
    card = _card()
    return render_template(
        "oversight/home.html",
        card=card,
        threshold=THRESHOLD,
        enabled=matching_enabled(get_session()),
    )


@bp.get("/modelkaart")
def card() -> Response:
    """Return the model card as JSON."""
    return jsonify(_card())


@bp.get("/algoritmeregister.json")
def register() -> Response:
    """Return the Algoritmeregister description of the live configuration."""
    settings = current_app.config["SETTINGS"]
    return jsonify(
        algorithm_register(
            organisation=f"Gemeenten regio {settings.region}",
            region=settings.region,
            model=active_model(get_session()),
            base_url=settings.base_url,
        )
    )


@bp.post("/automatisch-matchen")
def toggle_matching() -> BaseResponse:
    """Switch automatic matching off, or back on."""
    db = get_session()
    set_flag(db, AUTOMATIC_MATCHING, enabled=not matching_enabled(db), actor_id=current_user.id)
    db.commit()
    return redirect(url_for("oversight.home"))
