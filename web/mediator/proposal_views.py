"""The buttons on a proposal: approve, reject, release, outcome, follow-up, checklist."""

from collections.abc import Callable, Sequence

from flask import abort, flash
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from models import Match, workflow
from models.base import utcnow
from web.db import get_session
from web.mediator import bp
from web.mediator.nav import back, region
from web.mediator.proposal_forms import ChecklistForm, FollowUpForm, OutcomeForm, RejectForm
from web.mediator.proposals import (
    CHECKLIST,
    approve_proposal,
    get_match,
    record_outcome,
    reject_proposal,
    set_follow_up,
)
from web.refusals import commit_step


def _apply(match_id: int, action: Callable[[Match], object]) -> BaseResponse:
    """Run one action on a match of the region, commit, and go back."""
    match = get_match(get_session(), match_id=match_id, region=region())
    if match is None:
        abort(404)
    return commit_step(
        lambda: action(match),
        done=gettext("Opgeslagen."),
        target=back("mediator.claimant", claimant_id=match.claimant_id),
    )


@bp.post("/voorstellen/<int:match_id>/goedkeuren")
def approve(match_id: int) -> BaseResponse:
    """Approve a proposal."""
    return _apply(
        match_id,
        lambda m: approve_proposal(get_session(), match=m, actor_id=current_user.id, now=utcnow()),
    )


@bp.post("/voorstellen/<int:match_id>/afwijzen")
def reject(match_id: int) -> BaseResponse:
    """Reject a proposal with a reason code."""
    form = RejectForm()
    if not form.validate_on_submit():
        return _invalid(match_id)
    return _apply(
        match_id,
        lambda m: reject_proposal(
            get_session(),
            match=m,
            actor_id=current_user.id,
            reason_code=form.reason.data,
            note=form.note.data or None,
        ),
    )


@bp.post("/voorstellen/<int:match_id>/vrijgeven")
def release(match_id: int) -> BaseResponse:
    """Release an approved proposal to the employer."""
    return _apply(
        match_id,
        lambda m: workflow.release(get_session(), match=m, actor_id=current_user.id, now=utcnow()),
    )


@bp.post("/voorstellen/<int:match_id>/toestemming")
def consent(match_id: int) -> BaseResponse:
    """Record that the claimant, present in the session, agrees to be named to the employer."""
    return _apply(
        match_id,
        lambda m: workflow.give_consent(
            get_session(), match=m, actor_id=current_user.id, via="session", now=utcnow()
        ),
    )


@bp.post("/voorstellen/<int:match_id>/toestemming-intrekken")
def withdraw_consent(match_id: int) -> BaseResponse:
    """Record that the claimant, present in the session, withdraws their consent."""
    return _apply(
        match_id,
        lambda m: workflow.withdraw_consent(
            get_session(), match=m, actor_id=current_user.id, via="session", now=utcnow()
        ),
    )


@bp.post("/voorstellen/<int:match_id>/uitkomst")
def outcome(match_id: int) -> BaseResponse:
    """Record one session outcome of a proposal."""
    form = OutcomeForm()
    if not form.validate_on_submit():
        return _invalid(match_id, form.applied_on.errors)
    return _apply(
        match_id,
        lambda m: record_outcome(
            get_session(),
            match=m,
            actor_id=current_user.id,
            outcome=form.outcome.data,
            applied_on=form.applied_on.data,
            reason_code=form.reason.data or None,
            placement=form.placement(),
            now=utcnow(),
        ),
    )


@bp.post("/voorstellen/<int:match_id>/opvolging")
def follow_up(match_id: int) -> BaseResponse:
    """Set the follow-up date of a proposal."""
    form = FollowUpForm()
    if not form.validate_on_submit():
        return _invalid(match_id)
    return _apply(match_id, lambda m: set_follow_up(m, on=form.follow_up_on.data))


@bp.post("/voorstellen/<int:match_id>/checklist")
def checklist(match_id: int) -> BaseResponse:
    """Save the application checklist of a proposal."""
    form = ChecklistForm()
    if not form.validate_on_submit():
        return _invalid(match_id)
    return _apply(
        match_id,
        lambda m: workflow.record_event(
            get_session(),
            match=m,
            actor_id=current_user.id,
            code=CHECKLIST,
            details={CHECKLIST: form.items()},
        ),
    )


def _invalid(match_id: int, errors: Sequence[str] = ()) -> BaseResponse:
    # A date that was given but cannot be right is said as such, not as "missing".
    flash(errors[0] if errors else gettext("Niet opgeslagen: vul een datum of reden in."), "error")
    return back("mediator.home")
