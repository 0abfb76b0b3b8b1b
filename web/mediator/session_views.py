"""Mediator pages for the weekly session: planner, session, projector, agenda."""

from datetime import timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from matcher.store.proposals import propose_for_session
from models import GroupSession
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
    get_group,
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
    group = plan_session(
        db,
        region=region(),
        mediator_id=current_user.id,
        starts_at=form.starts_at.data.replace(tzinfo=AMSTERDAM),
        location=form.location.data,
        seats=form.seats.data,
    )
    db.commit()
    return redirect(url_for("mediator.session", session_id=group.id))


@bp.get("/sessies/<int:session_id>")
def session(session_id: int) -> str | BaseResponse:
    """Show a session's overview: one line per attendee, their proposals one click away."""
    group = _group_or_404(session_id)
    if wants_csv():
        people = _read(group, "sessie")
        rows = [
            (a.claimant.client_number, a.claimant.display_name, p.opportunity.title, p.match.status)
            for a in people
            for p in a.proposals
        ]
        return csv_response(
            f"sessie-{group.id}.csv", ("klantnummer", "naam", "kans", "status"), rows
        )
    db = get_session()
    lines = roster(db, group=group)
    record_session_read(db, actor_id=current_user.id, group_id=group.id, view="sessie")
    db.commit()
    return render_template(
        "mediator/session.html",
        group=group,
        lines=lines,
        can_reopen=attendance.can_reopen(group, now=utcnow()),
    )


@bp.get("/sessies/<int:session_id>/scherm")
def projector(session_id: int) -> str:
    """Show one attendee at a time in large type for the projector."""
    group = _group_or_404(session_id)
    db = get_session()
    # The overview's order, only people with approved proposals; one person loaded in full.
    people = [line for line in roster(db, group=group) if line.open]
    index = request.args.get("n", 0, type=int)
    index = min(max(index, 0), max(len(people) - 1, 0))
    shown = attendees(db, group=group, attendance_id=people[index].attendance_id) if people else []
    record_session_read(db, actor_id=current_user.id, group_id=group.id, view="beamer")
    db.commit()
    return render_template(
        "mediator/projector.html",
        group=group,
        attendee=shown[0] if shown else None,
        index=index,
        total=len(people),
    )


@bp.get("/sessies/<int:session_id>/agenda")
def agenda(session_id: int) -> str:
    """Show the printable agenda of a session."""
    group = _group_or_404(session_id)
    return render_template("mediator/agenda.html", group=group, attendees=_read(group, "agenda"))


@bp.post("/sessies/<int:session_id>/aanwezig/<int:attendance_id>")
def attended(session_id: int, attendance_id: int) -> BaseResponse:
    """Record that an attendee came."""
    return _mark(session_id, attendance_id, present=True)


@bp.post("/sessies/<int:session_id>/afwezig/<int:attendance_id>")
def absent(session_id: int, attendance_id: int) -> BaseResponse:
    """Record that an attendee did not come."""
    return _mark(session_id, attendance_id, present=False)


def _mark(session_id: int, attendance_id: int, *, present: bool) -> BaseResponse:
    group = _group_or_404(session_id)
    db = get_session()
    try:
        attendance.mark(db, group=group, attendance_id=attendance_id, present=present)
    except LookupError:
        abort(404)
    except attendance.SessionStateError:
        flash(gettext("Deze sessie is afgerond. Heropen haar eerst."), "error")
        return redirect(url_for("mediator.session", session_id=group.id))
    db.commit()
    back = request.form.get("next", "")
    if back == "deelnemer":  # marked on the person's own page: stay there
        return redirect(
            url_for("mediator.attendee", session_id=group.id, attendance_id=attendance_id)
        )
    return redirect(
        url_for("mediator.session", session_id=group.id) + f"#deelnemer-{attendance_id}"
    )


@bp.post("/sessies/<int:session_id>/voorstellen")
def propose(session_id: int) -> BaseResponse:
    """Rank and allocate now for this session's attendees (e.g. invited after Monday's run)."""
    group = _group_or_404(session_id)
    if group.status != "planned":
        abort(404)
    db = get_session()
    counts = propose_for_session(
        db, session_id=group.id, region=region(), started_by_id=current_user.id, today=today()
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
    return redirect(url_for("mediator.session", session_id=group.id))


@bp.get("/sessies/<int:session_id>/afronden")
def confirm_close(session_id: int) -> str | BaseResponse:
    """Ask to confirm closing the session, showing who will be marked absent."""
    group = _group_or_404(session_id)
    if group.status != "planned":
        flash(gettext("Deze sessie is al afgerond."), "error")
        return redirect(url_for("mediator.session", session_id=group.id))
    return render_template(
        "mediator/session_close.html",
        group=group,
        absent=attendance.unmarked(get_session(), group=group),
        too_early=today() < group.starts_at.astimezone(AMSTERDAM).date(),
    )


@bp.post("/sessies/<int:session_id>/afronden")
def close(session_id: int) -> BaseResponse:
    """Close a session after confirmation: whoever was not marked present was absent."""
    group = _group_or_404(session_id)
    db = get_session()
    try:
        attendance.close(db, group=group, now=utcnow())
    except attendance.SessionStateError as error:
        db.rollback()
        flash(CLOSE_REFUSALS[error.code], "error")
        return redirect(url_for("mediator.session", session_id=group.id))
    db.commit()
    flash(gettext("De sessie is afgerond."))
    return redirect(url_for("mediator.session", session_id=group.id))


@bp.post("/sessies/<int:session_id>/heropenen")
def reopen(session_id: int) -> BaseResponse:
    """Reopen a session closed today, to correct who came."""
    group = _group_or_404(session_id)
    db = get_session()
    try:
        attendance.reopen(group, now=utcnow())
    except attendance.SessionStateError:
        flash(
            gettext("Een sessie kan alleen heropend worden op de dag dat ze is afgerond."), "error"
        )
        return redirect(url_for("mediator.session", session_id=group.id))
    db.commit()
    flash(gettext("De sessie is heropend."))
    return redirect(url_for("mediator.session", session_id=group.id))


def _read(group: GroupSession, view: str) -> list[Attendee]:
    """Return the attendees and log that the mediator saw them."""
    db = get_session()
    people = attendees(db, group=group)
    record_session_read(db, actor_id=current_user.id, group_id=group.id, view=view)
    db.commit()
    return people


def _group_or_404(session_id: int) -> GroupSession:
    group = get_group(get_session(), session_id=session_id, region=region())
    if group is None:
        abort(404)
    return group
