"""Employer pages."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from models import Employer, Opportunity
from models.base import utcnow
from models.settings import today as service_today
from web.covenant.services import employer_ledger, ledger_years
from web.covenant.views import chosen_year
from web.db import get_session
from web.employer import bp
from web.employer.forms import AnswerForm, OpportunityForm
from web.employer.proposals import candidates, decide, record_reads
from web.employer.services import (
    get_employer,
    get_own_opportunity,
    ledger,
    list_opportunities,
    save_opportunity,
)
from web.refusals import commit_step


@bp.get("/")
def home() -> str:
    """Show the employer's placements and vacancies and their covenant ledger."""
    db = get_session()
    employer = _employer()
    waiting = [c for c in candidates(db, employer_id=employer.id, now=utcnow()) if c.overdue]
    years = ledger_years(db, this_year=service_today(current_app.config["SETTINGS"]).year)
    year = chosen_year(years)
    return render_template(
        "employer/home.html",
        employer=employer,
        opportunities=list_opportunities(db, employer_id=employer.id),
        ledger=ledger(db, employer_id=employer.id, year=year),
        year_ledger=employer_ledger(db, employer_id=employer.id, year=year),
        year=year,
        years=years,
        overdue=len(waiting),
    )


@bp.route("/plaatsen/nieuw", methods=["GET", "POST"])
def new_opportunity() -> str | BaseResponse:
    """Post a new placement or vacancy."""
    return _edit(None)


@bp.route("/plaatsen/<int:opportunity_id>", methods=["GET", "POST"])
def edit_opportunity(opportunity_id: int) -> str | BaseResponse:
    """Edit one of the employer's own placements or vacancies."""
    found = get_own_opportunity(
        get_session(), employer_id=_employer().id, opportunity_id=opportunity_id
    )
    if found is None:
        abort(404)
    return _edit(found)


def _edit(opportunity: Opportunity | None) -> str | BaseResponse:
    form = OpportunityForm(obj=opportunity) if request.method == "GET" else OpportunityForm()
    if form.validate_on_submit():
        db = get_session()
        save_opportunity(
            db,
            employer=_employer(),
            fields=form.opportunity_fields(),
            opportunity=opportunity,
            today=service_today(current_app.config["SETTINGS"]),
        )
        db.commit()
        flash(gettext("De plaats is opgeslagen."))
        return redirect(url_for("employer.home"))
    return render_template("employer/opportunity.html", form=form, opportunity=opportunity)


@bp.get("/kandidaten")
def proposals() -> str:
    """Show the candidates proposed for the employer's places."""
    db = get_session()
    found = candidates(db, employer_id=_employer().id, now=utcnow())
    record_reads(db, actor_id=current_user.id, found=found)
    db.commit()
    return render_template("employer/proposals.html", candidates=found, form=AnswerForm())


@bp.post("/kandidaten/<int:match_id>")
def answer_proposal(match_id: int) -> BaseResponse:
    """Invite a candidate, hire them, or record that they were not hired or did not come."""
    form = AnswerForm()
    if not form.validate_on_submit():
        flash(
            gettext("Niet opgeslagen: kies een reden, of vul de gegevens van de plaatsing in."),
            "error",
        )
        return redirect(url_for("employer.proposals"))
    return commit_step(
        lambda: decide(
            get_session(),
            employer_id=_employer().id,
            actor_id=current_user.id,
            match_id=match_id,
            decision=form.decision.data,
            reason_code=form.reason.data or None,
            placement=form.placement(),
            now=utcnow(),
        ),
        done=gettext("Uw antwoord is opgeslagen."),
        target=redirect(url_for("employer.proposals")),
    )


def _employer() -> Employer:
    employer = get_employer(get_session(), employer_id=current_user.employer_id)
    if employer is None:
        abort(404)
    return employer
