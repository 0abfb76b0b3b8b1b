"""One attendee of a session: their proposals on demand, and the sheet they take home."""

from flask import abort, render_template
from flask_login import current_user

from matcher.store.explanations import explanations
from models import WeeklySession
from models.lifecycle import OPEN_MATCH_STATUSES
from web.db import get_session
from web.mediator import bp
from web.mediator.nav import region
from web.mediator.planning import Attendee, attendees, get_weekly_session, record_session_read
from web.mediator.proposal_forms import ChecklistForm, FollowUpForm, OutcomeForm, RejectForm
from web.mediator.roster import next_session, session_order


@bp.get("/sessies/<int:session_id>/deelnemers/<int:attendance_id>")
def attendee(session_id: int, attendance_id: int) -> str:
    """Show one attendee's proposals with the mediator's notes and the outcome buttons."""
    weekly_session, person = _attendee_or_404(session_id, attendance_id, view="deelnemer")
    db = get_session()
    order = session_order(db, weekly_session=weekly_session)
    at = order.index(attendance_id)
    notes = explanations(db, match_ids=[p.match.id for p in person.proposals], audience="mediator")
    return render_template(
        "mediator/session_person.html",
        weekly_session=weekly_session,
        a=person,
        notes=notes,
        position=at + 1,
        total=len(order),
        previous_id=order[at - 1] if at > 0 else None,
        next_id=order[at + 1] if at + 1 < len(order) else None,
        reject_form=RejectForm(),
        outcome_form=OutcomeForm(),
        follow_up_form=FollowUpForm(),
        checklist_form=ChecklistForm(),
    )


@bp.get("/sessies/<int:session_id>/deelnemers/<int:attendance_id>/meegeven")
def take_home(session_id: int, attendance_id: int) -> str:
    """Show the printable sheet an attendee takes home: where to apply, how, and when next."""
    weekly_session, person = _attendee_or_404(session_id, attendance_id, view="meegeven")
    chosen = [
        p
        for p in person.proposals
        if p.match.approved_at is not None and p.match.status in OPEN_MATCH_STATUSES
    ]
    return render_template(
        "mediator/session_sheet.html",
        weekly_session=weekly_session,
        a=person,
        chosen=chosen,
        next_group=next_session(
            get_session(), weekly_session=weekly_session, claimant_id=person.claimant.id
        ),
    )


def _attendee_or_404(
    session_id: int, attendance_id: int, *, view: str
) -> tuple[WeeklySession, Attendee]:
    """Return the session and one of its attendees, logging the read; 404 if not ours."""
    db = get_session()
    weekly_session = get_weekly_session(db, session_id=session_id, region=region())
    if weekly_session is None:
        abort(404)
    found = attendees(db, weekly_session=weekly_session, attendance_id=attendance_id)
    if not found:
        abort(404)
    record_session_read(db, actor_id=current_user.id, session_id=weekly_session.id, view=view)
    db.commit()
    return weekly_session, found[0]
