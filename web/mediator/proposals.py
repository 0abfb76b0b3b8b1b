"""What a mediator does with one proposal: approve, reject, release, record the outcome."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Claimant, Match, MatchStatusChange, Opportunity
from models.lifecycle import MEDIATOR
from models.workflow import (
    TransitionError,
    approve,
    create,
    record_event,
    transition,
)
from web.mediator.profiles import completeness

# The history code of a checklist change; its details hold the checklist.
CHECKLIST = "checklist"

# What a mediator records in two clicks: outcome -> (status, fixed reason code or None).
OUTCOMES = {
    "interested": ("interested", None),
    "applied": ("applied", None),
    "interview": ("interview", None),
    "placed": ("placed", None),
    "not_suitable": ("declined", None),
    "coaching": ("declined", "coaching_eerst"),
    "not_hired": ("rejected", None),
    "no_show": ("no_show", None),
}


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
        raise TransitionError("not_allowed", "the profile is incomplete")
    approve(session, match=match, actor_id=actor_id, now=now)


def reject_proposal(
    session: Session, *, match: Match, actor_id: int, reason_code: str, note: str | None
) -> None:
    """Reject a proposal so nobody else ever sees it."""
    if match.status != "proposed" or match.approved_at is not None:
        raise TransitionError("not_allowed", "only an unapproved proposal can be turned down")
    transition(
        session,
        match=match,
        to_status="rejected",
        role=MEDIATOR,
        actor_id=actor_id,
        reason_code=reason_code,
        note=note,
    )


def record_outcome(  # noqa: PLR0913 - one form, several optional fields
    session: Session,
    *,
    match: Match,
    actor_id: int,
    outcome: str,
    applied_on: date | None = None,
    reason_code: str | None = None,
    placement: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> None:
    """Record an outcome of an approved proposal, by the declared lifecycle."""
    if match.approved_at is None:
        raise TransitionError("not_approved", "approve a proposal before recording an outcome")
    if outcome not in OUTCOMES:
        raise TransitionError("not_allowed", f"unknown outcome {outcome!r}")
    to_status, fixed_reason = OUTCOMES[outcome]
    details: dict[str, Any] = {}
    if outcome == "applied":
        if applied_on is None:
            raise TransitionError("details", "an application needs a date")
        details["applied_on"] = applied_on.isoformat()
    if outcome == "placed":
        details |= placement or {}
    transition(
        session,
        match=match,
        to_status=to_status,
        role=MEDIATOR,
        actor_id=actor_id,
        reason_code=fixed_reason or reason_code,
        details=details,
        now=now,
    )
    if outcome == "applied":
        match.applied_on = applied_on
    if outcome == "coaching":
        claimant = session.get(Claimant, match.claimant_id)
        if claimant is not None:
            # The mediator's routing override: coaching before work.
            claimant.allowed_kinds = ["coaching"]


def set_follow_up(match: Match, *, on: date | None) -> None:
    """Set or clear the follow-up date of a match."""
    match.follow_up_on = on


def checklists(session: Session, *, match_ids: list[int]) -> dict[int, dict[str, bool]]:
    """Return the latest checklist of each match."""
    rows = session.scalars(
        select(MatchStatusChange)
        .where(
            MatchStatusChange.match_id.in_(match_ids),
            MatchStatusChange.reason_code == CHECKLIST,
        )
        .order_by(MatchStatusChange.at, MatchStatusChange.id)
    )
    return {row.match_id: dict(row.details.get(CHECKLIST, {})) for row in rows}


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
        raise TransitionError("closed", "the opportunity is not open")
    if not completeness(claimant).matchable:
        raise TransitionError("not_allowed", "the profile is incomplete")
    exists = session.scalar(
        select(Match.id).where(
            Match.claimant_id == claimant.id, Match.opportunity_id == opportunity_id
        )
    )
    if exists is not None:
        raise TransitionError("not_allowed", "this opportunity was already proposed")
    match = Match(
        claimant_id=claimant.id,
        opportunity_id=opportunity.id,
        run_id="handmatig",
        score=0.0,
        reasons=[],
        approved_at=now,
        approved_by_id=actor_id,
    )
    create(
        session,
        match=match,
        role=MEDIATOR,
        actor_id=actor_id,
        reason_code=reason_code,
        details={"override": True},
        now=now,
    )
    record_event(session, match=match, actor_id=actor_id, code="approved", now=now)
    return match
