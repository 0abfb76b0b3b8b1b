"""What a mediator does with one proposal: approve, reject, release, record the outcome."""

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Claimant, Match, Opportunity
from web.mediator.profiles import completeness
from web.mediator.transitions import (
    OPEN_STATUSES,
    TransitionError,
    approve,
    change_status,
    note_event,
    record_application,
    release,
    set_checklist,
)

OUTCOMES = ("interested", "applied", "not_suitable", "coaching")


def get_match(session: Session, *, match_id: int, region: str) -> Match | None:
    """Return a match whose claimant belongs to the region, or None."""
    match = session.get(Match, match_id)
    if match is None:
        return None
    claimant = session.get(Claimant, match.claimant_id)
    return match if claimant is not None and claimant.region == region else None


def approve_proposal(session: Session, *, match: Match, actor_id: int, now: datetime) -> None:
    """Approve a proposal, refusing when the claimant's profile cannot be matched yet."""
    claimant = session.get(Claimant, match.claimant_id)
    if claimant is None or not completeness(claimant).matchable:
        raise TransitionError("the profile is incomplete")
    approve(session, match=match, actor_id=actor_id, now=now)


def reject_proposal(
    session: Session, *, match: Match, actor_id: int, reason_code: str, note: str | None
) -> None:
    """Reject a proposal so nobody else ever sees it."""
    if match.status != "proposed":
        raise TransitionError("only a proposed match can be rejected by the mediator")
    change_status(
        session,
        match=match,
        to_status="rejected",
        actor_id=actor_id,
        reason_code=reason_code,
        note=note,
    )


def release_proposal(session: Session, *, match: Match, actor_id: int, now: datetime) -> None:
    """Let the employer see an approved proposal."""
    release(session, match=match, actor_id=actor_id, now=now)


def record_outcome(
    session: Session,
    *,
    match: Match,
    actor_id: int,
    outcome: str,
    applied_on: date | None = None,
    reason_code: str | None = None,
) -> None:
    """Record what was decided in the session about one approved proposal."""
    if match.approved_at is None:
        raise TransitionError("approve a proposal before recording an outcome")
    if match.status not in OPEN_STATUSES:
        raise TransitionError("this proposal is closed")
    if outcome == "interested":
        change_status(session, match=match, to_status="interested", actor_id=actor_id)
    elif outcome == "applied":
        if applied_on is None:
            raise TransitionError("an application needs a date")
        record_application(session, match=match, actor_id=actor_id, applied_on=applied_on)
    elif outcome == "not_suitable":
        change_status(
            session, match=match, to_status="declined", actor_id=actor_id, reason_code=reason_code
        )
    elif outcome == "coaching":
        change_status(
            session,
            match=match,
            to_status="declined",
            actor_id=actor_id,
            reason_code="coaching_eerst",
        )
        claimant = session.get(Claimant, match.claimant_id)
        if claimant is not None:
            # The mediator's routing override: coaching before work.
            claimant.allowed_kinds = ["coaching"]
    else:
        raise TransitionError(f"unknown outcome {outcome!r}")


def set_follow_up(match: Match, *, on: date | None) -> None:
    """Set or clear the follow-up date of a match."""
    match.follow_up_on = on


def update_checklist(
    session: Session, *, match: Match, actor_id: int, items: dict[str, bool]
) -> None:
    """Store the application checklist of a match."""
    set_checklist(session, match=match, actor_id=actor_id, items=items)


def propose_manually(
    session: Session,
    *,
    claimant: Claimant,
    opportunity_id: int,
    actor_id: int,
    reason_code: str,
    now: datetime,
) -> Match:
    """Add an approved proposal the matcher did not make; the reason code records the override."""
    opportunity = session.get(Opportunity, opportunity_id)
    if opportunity is None or opportunity.region != claimant.region:
        raise LookupError("no such opportunity in the region")
    if opportunity.status != "open":
        raise TransitionError("the opportunity is not open")
    if not completeness(claimant).matchable:
        raise TransitionError("the profile is incomplete")
    exists = session.scalar(
        select(Match.id).where(
            Match.claimant_id == claimant.id, Match.opportunity_id == opportunity_id
        )
    )
    if exists is not None:
        raise TransitionError("this opportunity was already proposed")
    match = Match(
        claimant_id=claimant.id,
        opportunity_id=opportunity.id,
        run_id="handmatig",
        score=0.0,
        reasons=[],
        status="proposed",
        approved_at=now,
        approved_by_id=actor_id,
    )
    session.add(match)
    session.flush()
    change = change_status(
        session, match=match, to_status="proposed", actor_id=actor_id, reason_code=reason_code
    )
    change.from_status = None
    change.details = {"override": True}
    note_event(session, match=match, actor_id=actor_id, code="approved", details={})
    return match
