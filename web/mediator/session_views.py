"""Mediator pages for the weekly session: planner, session, projector, agenda."""

from datetime import timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from matcher.store.proposals import propose_for_session
from models import WeeklySession
from models.base import utcnow
from web.db import get_session
from web.mediator import attendance, bp
from web.mediator.export import csv_response, wants_csv
from web.mediator.forms import SessionForm
from web.mediator.nav import region, today
from web.mediator.planning import (
    AMSTERDAM,
    Attendee,
    attendees,
    get_weekly_session,
    plan_session,
    record_session_read,
    session_summaries,
    week_bounds,
)
from web.mediator.roster import roster

CLOSE_REFUSALS = {
    "not_planned": _l("Deze sessie is al afgerond."),
    "too_early": _l("Een sessie kan pas worden afgerond op de dag zelf of later."),
}


@bp.get("/sessies")
def planner() -> str:
    """Show last week's, this week's and next week's sessions."""
    return _planner_page(SessionForm())


def _planner_page(form: SessionForm) -> str:
    """Render the planner with a form: empty, or as typed after an error."""
    start, end = week_bounds(today())
    db = get_session()
    week = timedelta(days=7)
    return render_template(
        "mediator/planner.html",
        last_week=session_summaries(db, region=region(), start=start - week, end=start),
        this_week=session_summaries(db, region=region(), start=start, end=end),
        next_week=session_summaries(db, region=region(), start=end, end=end + timedelta(days=7)),
        form=form,
    )


@bp.post("/sessies")
def plan() -> tuple[str, int] | BaseResponse:
    """Plan a new session."""
    form = SessionForm()
    if not form.validate_on_submit():
        flash(
            gettext("De sessie is niet opgeslagen: controleer datum, locatie en plaatsen."), "error"
        )
        # Render, not redirect: what was typed stays in the form, next to its error.
        return _planner_page(form), 422
    db = get_session()
    weekly_session = plan_session(
        db,
        region=region(),
        mediator_id=current_user.id,
        starts_at=form.starts_at.data.replace(tzinfo=AMSTERDAM),
        location=form.location.data,
        seats=form.seats.data,
    )
    db.commit()
    return redirect(url_for("mediator.session", session_id=weekly_session.id))


@bp.get("/sessies/<int:session_id>")
def session(session_id: int) -> str | BaseResponse:
    """Show a session's overview: one line per attendee, their proposals one click away."""
    weekly_session = _weekly_session_or_404(session_id)
    if wants_csv():
        people = _read(weekly_session, "sessie")
        rows = [
            (a.claimant.client_number, a.claimant.display_name, p.opportunity.title, p.match.status)
            for a in people
            for p in a.proposals
        ]
        return csv_response(
            f"sessie-{weekly_session.id}.csv", ("klantnummer", "naam", "kans", "status"), rows
        )
    db = get_session()
    lines = roster(db, weekly_session=weekly_session)
    record_session_read(db, actor_id=current_user.id, session_id=weekly_session.id, view="sessie")
    db.commit()
    return render_template(
        "mediator/session.html",
        weekly_session=weekly_session,
        lines=lines,
        can_reopen=attendance.can_reopen(weekly_session, now=utcnow()),
    )


@bp.get("/sessies/<int:session_id>/scherm")
def projector(session_id: int) -> str:
    """Show one attendee at a time in large type for the projector."""
    weekly_session = _weekly_session_or_404(session_id)
    db = get_session()
    # The overview's order, only people with approved proposals; one person loaded in full.
    people = [line for line in roster(db, weekly_session=weekly_session) if line.open]
    index = request.args.get("n", 0, type=int)
    index = min(max(index, 0), max(len(people) - 1, 0))
    shown = (
        attendees(db, weekly_session=weekly_session, attendance_id=people[index].attendance_id)
        if people
        else []
    )
    record_session_read(db, actor_id=current_user.id, session_id=weekly_session.id, view="beamer")
    db.commit()
    return render_template(
        "mediator/projector.html",
        weekly_session=weekly_session,
        attendee=shown[0] if shown else None,
        index=index,
        total=len(people),
    )


@bp.get("/sessies/<int:session_id>/agenda")
def agenda(session_id: int) -> str:
    """Show the printable agenda of a session."""
    weekly_session = _weekly_session_or_404(session_id)
    return render_template(
        "mediator/agenda.html",
        weekly_session=weekly_session,
        attendees=_read(weekly_session, "agenda"),
    )


@bp.post("/sessies/<int:session_id>/aanwezig/<int:attendance_id>")
def attended(session_id: int, attendance_id: int) -> BaseResponse:
    """Record that an attendee came."""
    return _mark(session_id, attendance_id, present=True)


@bp.post("/sessies/<int:session_id>/afwezig/<int:attendance_id>")
def absent(session_id: int, attendance_id: int) -> BaseResponse:
    """Record that an attendee did not come."""
    return _mark(session_id, attendance_id, present=False)


def _mark(session_id: int, attendance_id: int, *, present: bool) -> BaseResponse:
    weekly_session = _weekly_session_or_404(session_id)
    db = get_session()
    try:
        attendance.mark(
            db, weekly_session=weekly_session, attendance_id=attendance_id, present=present
        )
    except LookupError:
        abort(404)
    except attendance.SessionStateError:
        flash(gettext("Deze sessie is afgerond. Heropen haar eerst."), "error")
        return redirect(url_for("mediator.session", session_id=weekly_session.id))
    db.commit()
    back = request.form.get("next", "")
    if back == "deelnemer":  # marked on the person's own page: stay there
        return redirect(
            url_for("mediator.attendee", session_id=weekly_session.id, attendance_id=attendance_id)
        )
    return redirect(
        url_for("mediator.session", session_id=weekly_session.id) + f"#deelnemer-{attendance_id}"
    )


@bp.post("/sessies/<int:session_id>/voorstellen")
def propose(session_id: int) -> BaseResponse:
    """Rank and allocate now for this session's attendees (e.g. invited after Monday's run)."""
    weekly_session = _weekly_session_or_404(session_id)
    if weekly_session.status != "planned":
        abort(404)
    db = get_session()
    counts = propose_for_session(
        db,
        session_id=weekly_session.id,
        region=region(),
        started_by_id=current_user.id,
        today=today(),
    )
    db.commit()
    if counts.get("stopped"):
        flash(
            gettext("Automatisch matchen staat uit. Een beheerder kan het weer aanzetten."), "error"
        )
    else:
        flash(
            gettext(
                "%(n)s voorstellen klaargezet voor %(k)s deelnemers. Keur ze goed voordat "
                "iemand anders ze ziet.",
                n=counts["proposals"],
                k=counts["claimants"],
            )
        )
    return redirect(url_for("mediator.session", session_id=weekly_session.id))


@bp.get("/sessies/<int:session_id>/afronden")
def confirm_close(session_id: int) -> str | BaseResponse:
    """Ask to confirm closing the session, showing who will be marked absent."""
    weekly_session = _weekly_session_or_404(session_id)
    if weekly_session.status != "planned":
        flash(gettext("Deze sessie is al afgerond."), "error")
        return redirect(url_for("mediator.session", session_id=weekly_session.id))
    return render_template(
        "mediator/session_close.html",
        weekly_session=weekly_session,
        absent=attendance.unmarked(get_session(), weekly_session=weekly_session),
        too_early=today() < weekly_session.starts_at.astimezone(AMSTERDAM).date(),
    )


@bp.post("/sessies/<int:session_id>/afronden")
def close(session_id: int) -> BaseResponse:
    """Close a session after confirmation: whoever was not marked present was absent."""
    weekly_session = _weekly_session_or_404(session_id)
    db = get_session()
    try:
        attendance.close(db, weekly_session=weekly_session, now=utcnow())
    except attendance.SessionStateError as error:
        db.rollback()
        flash(CLOSE_REFUSALS[error.code], "error")
        return redirect(url_for("mediator.session", session_id=weekly_session.id))
    db.commit()
    flash(gettext("De sessie is afgerond."))
    return redirect(url_for("mediator.session", session_id=weekly_session.id))


@bp.post("/sessies/<int:session_id>/heropenen")
def reopen(session_id: int) -> BaseResponse:
    """Reopen a session closed today, to correct who came."""
    weekly_session = _weekly_session_or_404(session_id)
    db = get_session()
    try:
        attendance.reopen(weekly_session, now=utcnow())
    except attendance.SessionStateError:
        flash(
            gettext("Een sessie kan alleen heropend worden op de dag dat ze is afgerond."), "error"
        )
        return redirect(url_for("mediator.session", session_id=weekly_session.id))
    db.commit()
    flash(gettext("De sessie is heropend."))
    return redirect(url_for("mediator.session", session_id=weekly_session.id))


def _read(weekly_session: WeeklySession, view: str) -> list[Attendee]:
    """Return the attendees and log that the mediator saw them."""
    db = get_session()
    people = attendees(db, weekly_session=weekly_session)
    record_session_read(db, actor_id=current_user.id, session_id=weekly_session.id, view=view)
    db.commit()
    return people


def _weekly_session_or_404(session_id: int) -> WeeklySession:
    weekly_session = get_weekly_session(get_session(), session_id=session_id, region=region())
    if weekly_session is None:
        abort(404)
    return weekly_session
