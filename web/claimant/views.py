"""Claimant pages."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from matcher.store.what_if import changes_for
from matcher.what_if import Change, claimant_sentence
from models import Claimant
from models.base import utcnow
from web.claimant import bp
from web.claimant.forms import ConsentForm, InterestForm, PreferencesForm
from web.claimant.own_data import as_json, own_data, readable
from web.claimant.services import (
    approved_matches,
    claimant_of_user,
    mark_interest,
    next_session,
    permissions,
    record_own_read,
    set_consent,
    update_preferences,
    withdraw_interest,
)
from web.db import get_session
from web.mediator.nav import region, today
from web.refusals import commit_step


@bp.get("/")
def home() -> str:
    """Show the claimant's matches and next session."""
    db = get_session()
    claimant = _claimant()
    return render_template(
        "claimant/home.html",
        claimant=claimant,
        matches=approved_matches(db, claimant_id=claimant.id),
        next_session=next_session(db, claimant_id=claimant.id),
        form=InterestForm(),
        changes=[claimant_sentence(c) for c in _changes(claimant)],
    )


@bp.post("/voorstellen/<int:match_id>")
def interest(match_id: int) -> BaseResponse:
    """Record whether the claimant is interested in a proposal."""
    form = InterestForm()
    if not form.validate_on_submit():
        abort(400)
    return commit_step(
        lambda: mark_interest(
            get_session(),
            claimant_id=_claimant().id,
            actor_id=current_user.id,
            match_id=match_id,
            interested=form.interested.data == "yes",
            now=utcnow(),
        ),
        done=gettext("Dank u. Uw antwoord is bewaard."),
        target=redirect(url_for("claimant.home")),
        refused=gettext("U heeft hier al antwoord op gegeven."),
    )


@bp.get("/toestemming")
def consents() -> str:
    """Show which employers may see the claimant's name and e-mail, each with one button."""
    claimant = _claimant()
    return render_template(
        "claimant/consents.html",
        permissions=permissions(get_session(), claimant_id=claimant.id),
        form=ConsentForm(),
    )


@bp.post("/toestemming/<int:match_id>")
def consent(match_id: int) -> BaseResponse:
    """Give or withdraw consent for one employer, with one click either way."""
    form = ConsentForm()
    if not form.validate_on_submit():
        abort(400)
    given = form.consent.data == "give"
    if given:
        done = gettext("De werkgever mag uw naam en e-mailadres nu zien.")
    else:
        done = gettext("De werkgever ziet uw naam en e-mailadres niet meer.")
    return commit_step(
        lambda: set_consent(
            get_session(),
            claimant_id=_claimant().id,
            actor_id=current_user.id,
            match_id=match_id,
            given=given,
            now=utcnow(),
        ),
        done=done,
        target=redirect(url_for("claimant.consents")),
    )


@bp.post("/voorstellen/<int:match_id>/intrekken")
def withdraw(match_id: int) -> BaseResponse:
    """Withdraw interest in a proposal: it stops, and so does the employer's view of you."""
    form = ConsentForm()
    if not form.validate_on_submit():
        abort(400)
    return commit_step(
        lambda: withdraw_interest(
            get_session(),
            claimant_id=_claimant().id,
            actor_id=current_user.id,
            match_id=match_id,
            now=utcnow(),
        ),
        done=gettext("U heeft uw interesse ingetrokken."),
        target=redirect(url_for("claimant.home")),
    )


@bp.route("/gegevens", methods=["GET", "POST"])
def profile() -> str | BaseResponse:
    """Let the claimant change their hours, travel distance and wishes."""
    claimant = _claimant()
    form = PreferencesForm(obj=claimant) if request.method == "GET" else PreferencesForm()
    if request.method == "GET":
        form.desired_occupations.data = ", ".join(claimant.desired_occupations or [])
    if form.validate_on_submit():
        travel = form.max_travel_km.data
        update_preferences(
            claimant,
            hours_per_week=form.hours_per_week.data,
            max_travel_km=float(travel) if travel is not None else None,
            desired_occupations=form.wishes(),
        )
        get_session().commit()
        flash(gettext("Uw gegevens zijn bewaard."))
        return redirect(url_for("claimant.profile"))
    return render_template("claimant/profile.html", form=form, claimant=claimant)


@bp.get("/gegevens/alles")
def own_data_page() -> str:
    """Show everything kept about the claimant, readable, in Dutch and Amsterdam time."""
    db = get_session()
    claimant = _claimant()
    parts = readable(own_data(db, claimant_id=claimant.id))
    record_own_read(db, actor_id=current_user.id, claimant_id=claimant.id, what="inzage")
    db.commit()
    return render_template("claimant/own_data.html", parts=parts)


@bp.get("/gegevens/download")
def download() -> Response:
    """Download everything kept about the claimant as a JSON file."""
    db = get_session()
    claimant = _claimant()
    data = own_data(db, claimant_id=claimant.id)
    record_own_read(db, actor_id=current_user.id, claimant_id=claimant.id, what="download")
    db.commit()
    response = Response(as_json(data), mimetype="application/json")
    response.headers["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    return response


def _claimant() -> Claimant:
    claimant = claimant_of_user(get_session(), user_id=current_user.id)
    if claimant is None:
        abort(404)
    return claimant


def _changes(claimant: Claimant) -> list[Change]:
    return changes_for(get_session(), claimant_id=claimant.id, region=region(), today=today())
