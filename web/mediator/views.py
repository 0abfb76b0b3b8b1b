"""Mediator pages about claimants: caseload, claimant page, intake and profile."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from matcher.store.explanations import explanations
from matcher.store.what_if import changes_for
from matcher.what_if import mediator_sentence
from models import Claimant
from models.base import utcnow
from web.db import get_session
from web.mediator import bp
from web.mediator.export import csv_response, wants_csv
from web.mediator.forms import OverrideForm, RoutingForm
from web.mediator.nav import region, today
from web.mediator.planning import (
    has_planned_session,
    invite_to_first_free,
    open_proposals,
    sessions_of,
)
from web.mediator.profile_forms import IntakeForm, ProfileForm
from web.mediator.profiles import (
    client_number_taken,
    completeness,
    get_claimant,
    ladder_history,
    match_history,
    record_read,
    register,
    route_of,
    set_routing,
    update_profile,
)
from web.mediator.proposal_forms import OutcomeForm, RejectForm
from web.mediator.proposals import propose_manually
from web.mediator.services import list_claimants, record_export, record_list_access
from web.refusals import commit_step

READ_REASONS = ("caseload", "sessie", "intake", "opvolging")


@bp.get("/")
def home() -> str | BaseResponse:
    """Show the mediator's caseload, or download it as CSV."""
    db = get_session()
    claimants = list_claimants(db, mediator_id=current_user.id, region=region())
    if wants_csv():
        # A file travels further than a screen: each person in it gets their own record.
        record_export(db, actor_id=current_user.id, claimant_ids=[c.id for c in claimants])
        db.commit()
        header = ("id", "naam", "gemeente", "trede", "open_voorstellen", "volgende_sessie")
        rows = [
            (c.id, c.name, c.municipality, c.ladder_step, c.open_matches, c.next_session)
            for c in claimants
        ]
        return csv_response("klanten.csv", header, rows)
    record_list_access(db, actor_id=current_user.id, count=len(claimants))
    db.commit()
    return render_template("mediator/home.html", claimants=claimants)


@bp.get("/klanten/<int:claimant_id>")
def claimant(claimant_id: int) -> str:
    """Show a claimant's profile, ladder history and match history; log the read."""
    db = get_session()
    found = _claimant_or_404(claimant_id)
    why = request.args.get("reden", "caseload")
    why = why if why in READ_REASONS else "caseload"
    record_read(db, actor_id=current_user.id, role="mediator", claimant_id=found.id, why=why)
    db.commit()
    matches = match_history(db, claimant_id=found.id)
    return render_template(
        "mediator/claimant.html",
        claimant=found,
        completeness=completeness(found),
        ladder=ladder_history(db, claimant_id=found.id),
        matches=matches,
        notes=explanations(db, match_ids=[m.id for m, _o, _c in matches], audience="mediator"),
        proposals=open_proposals(db, [(m, o) for m, o, _changes in matches]),
        reject_form=RejectForm(),
        outcome_form=OutcomeForm(),
        override_form=OverrideForm(),
        routing_form=RoutingForm(route=route_of(found)),
        sessions=sessions_of(db, claimant_id=found.id),
        changes=[
            mediator_sentence(c)
            for c in changes_for(db, claimant_id=found.id, region=region(), today=today())
        ],
    )


@bp.post("/klanten/<int:claimant_id>/voorstel")
def override(claimant_id: int) -> BaseResponse:
    """Propose an opportunity by hand, overriding the matcher with a reason code."""
    found = _claimant_or_404(claimant_id)
    form = OverrideForm()
    target = redirect(url_for("mediator.claimant", claimant_id=found.id))
    if not form.validate_on_submit():
        flash(gettext("Niet opgeslagen: vul het nummer van de kans en een reden in."), "error")
        return target
    return commit_step(
        lambda: propose_manually(
            get_session(),
            claimant=found,
            opportunity_id=form.opportunity_id.data,
            actor_id=current_user.id,
            reason_code=form.reason.data,
            now=utcnow(),
        ),
        done=gettext("Het voorstel is toegevoegd en goedgekeurd."),
        target=target,
        refused=gettext(
            "Deze kans kan niet worden voorgesteld (onbekend, gesloten of al voorgesteld)."
        ),
        unknown_is_refusal=True,
    )


@bp.post("/klanten/<int:claimant_id>/routering")
def routing(claimant_id: int) -> BaseResponse:
    """Override which kinds of opportunity the claimant is matched to."""
    found = _claimant_or_404(claimant_id)
    form = RoutingForm()
    if form.validate_on_submit():
        db = get_session()
        set_routing(
            db,
            claimant=found,
            route=form.route.data,
            actor_id=current_user.id,
            reason_code=form.route_reason.data,
        )
        db.commit()
        flash(gettext("De keuze is opgeslagen."))
    else:
        flash(gettext("Niet opgeslagen: kies een reden."), "error")
    return redirect(url_for("mediator.claimant", claimant_id=found.id))


@bp.post("/klanten/<int:claimant_id>/uitnodigen")
def invite(claimant_id: int) -> BaseResponse:
    """Invite a claimant without a planned session to the first session with a free seat."""
    found = _claimant_or_404(claimant_id)
    db = get_session()
    if has_planned_session(db, claimant_id=found.id):
        flash(gettext("Deze klant is al uitgenodigd voor een geplande sessie."), "error")
    else:
        weekly_session = invite_to_first_free(db, claimant=found, now=utcnow())
        db.commit()
        _flash_invitation(weekly_session is not None, registered=False)
    return redirect(url_for("mediator.claimant", claimant_id=found.id))


@bp.route("/klanten/nieuw", methods=["GET", "POST"])
def intake() -> str | BaseResponse:
    """Register a new claimant and invite them to the first session with a free seat."""
    form = IntakeForm()
    db = get_session()
    if form.validate_on_submit():
        number = form.client_number.data.strip()
        if client_number_taken(db, client_number=number):
            form.client_number.errors.append(gettext("Dit klantnummer bestaat al."))
        else:
            new = register(
                db,
                region=region(),
                mediator_id=current_user.id,
                client_number=number,
                ladder_step=int(form.ladder_step.data),
                today=today(),
                fields=form.profile_fields(),
            )
            weekly_session = invite_to_first_free(db, claimant=new, now=utcnow())
            db.commit()
            _flash_invitation(weekly_session is not None)
            return redirect(url_for("mediator.claimant", claimant_id=new.id, reden="intake"))
    return render_template("mediator/intake.html", form=form)


@bp.route("/klanten/<int:claimant_id>/bewerken", methods=["GET", "POST"])
def edit(claimant_id: int) -> str | BaseResponse:
    """Edit a claimant's profile."""
    found = _claimant_or_404(claimant_id)
    form = ProfileForm(obj=found) if request.method == "GET" else ProfileForm()
    if request.method == "GET":
        _fill_lists(form, found)
        db = get_session()
        record_read(
            db, actor_id=current_user.id, role="mediator", claimant_id=found.id, why="bewerken"
        )
        db.commit()
    if form.validate_on_submit():
        db = get_session()
        update_profile(
            db,
            claimant=found,
            actor_id=current_user.id,
            ladder_step=int(form.ladder_step.data),
            fields=form.profile_fields(),
        )
        db.commit()
        flash(gettext("Het profiel is opgeslagen."))
        return redirect(url_for("mediator.claimant", claimant_id=found.id))
    return render_template("mediator/edit.html", form=form, claimant=found)


def _claimant_or_404(claimant_id: int) -> Claimant:
    found = get_claimant(get_session(), claimant_id=claimant_id, region=region())
    if found is None:
        abort(404)
    return found


def _fill_lists(form: ProfileForm, claimant: Claimant) -> None:
    """Show list fields and the licence as the form expects them."""
    form.desired_occupations.data = ", ".join(claimant.desired_occupations or [])
    form.skills.data = ", ".join(claimant.skills or [])
    form.restrictions.data = ", ".join(claimant.restrictions or [])
    licence = claimant.driving_licence
    form.driving_licence.data = "" if licence is None else ("yes" if licence else "no")
    form.ladder_step.data = str(claimant.ladder_step)


def _flash_invitation(invited: bool, *, registered: bool = True) -> None:
    if invited and not registered:
        flash(gettext("De klant is uitgenodigd voor de eerste sessie met een vrije plaats."))
    elif not invited and not registered:
        flash(gettext("Er is geen sessie met een vrije plaats in de komende 14 dagen."), "warning")
    elif invited:
        flash(gettext("De klant is geregistreerd en uitgenodigd voor de eerste sessie."))
    else:
        flash(
            gettext(
                "De klant is geregistreerd. Er is geen sessie met een vrije plaats in de "
                "komende 14 dagen: plan een sessie."
            ),
            "warning",
        )
