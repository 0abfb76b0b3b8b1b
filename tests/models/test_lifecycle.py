"""The declared match lifecycle: every step allowed for its roles and refused for the others."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from models import Base, Match, MatchConsent, MatchStatusChange, Opportunity
from models.db import make_engine, make_session_factory
from models.lifecycle import (
    ACTOR_ROLES,
    CLOSED_MATCH_STATUSES,
    MATCH_STATUSES,
    OPEN_MATCH_STATUSES,
    PLACEMENT_DETAILS,
    STEPS,
    identity_may_show,
    step_for,
)
from models.vocab import MATCH_STATUSES as VOCAB_STATUSES
from models.workflow import (
    TransitionError,
    create,
    give_consent,
    standing_consent,
    transition,
    withdraw_consent,
)
from tests.factories import create_claimant, create_opportunity

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def shared_engine() -> Iterator[Engine]:
    """One in-memory database for this module: hundreds of cases, each rolled back."""
    engine = make_engine("sqlite://")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def db(shared_engine: Engine) -> Iterator[Session]:
    """Return a session whose work is rolled back after the test."""
    with make_session_factory(shared_engine)() as session:
        yield session
        session.rollback()


PLACEMENT = {"start_on": "2026-12-07", "hours_per_week": 24, "contract": "bepaalde_tijd"}
EXISTING = [step for step in STEPS if step.from_status is not None]


def _match_in(db: Session, status: str) -> Match:
    """Return a stored, approved match that reached a status by its own history."""
    claimant = create_claimant(db)
    opportunity = create_opportunity(db)
    match = Match(
        claimant_id=claimant.id, opportunity_id=opportunity.id, score=0.5, approved_at=NOW
    )
    create(db, match=match, role="system", actor_id=None, reason_code="matching_run", now=NOW)
    match.status = status  # the test's starting point; every step below goes through the table
    db.flush()
    return match


def _args(step_to: str) -> dict[str, object]:
    return {
        "reason_code": "anders",
        "details": dict(PLACEMENT) if step_to == "placed" else None,
    }


def test_vocabularies_are_derived_from_the_table() -> None:
    assert VOCAB_STATUSES == MATCH_STATUSES
    assert set(OPEN_MATCH_STATUSES) | set(CLOSED_MATCH_STATUSES) == set(MATCH_STATUSES)
    assert "placed" in CLOSED_MATCH_STATUSES and "proposed" in OPEN_MATCH_STATUSES
    # Every closed status is reached by some step; nothing leads out of one.
    assert all(step.from_status not in CLOSED_MATCH_STATUSES for step in STEPS)


@pytest.mark.parametrize(
    ("step_from", "step_to", "role"),
    [(s.from_status, s.to_status, r) for s in EXISTING for r in sorted(s.roles)],
)
def test_each_declared_step_is_allowed_for_its_roles_and_leaves_history(
    db: Session, step_from: str, step_to: str, role: str
) -> None:
    match = _match_in(db, step_from)
    change = transition(
        db, match=match, to_status=step_to, role=role, actor_id=None, now=NOW, **_args(step_to)
    )
    db.flush()
    assert match.status == step_to
    stored = db.get(MatchStatusChange, change.id)
    assert stored is not None and (stored.from_status, stored.to_status) == (step_from, step_to)
    assert stored.details["by"] == role


@pytest.mark.parametrize(
    ("step_from", "step_to", "role"),
    [(s.from_status, s.to_status, r) for s in EXISTING for r in ACTOR_ROLES if r not in s.roles],
)
def test_each_declared_step_is_refused_for_other_roles(
    db: Session, step_from: str, step_to: str, role: str
) -> None:
    match = _match_in(db, step_from)
    with pytest.raises(TransitionError) as refused:
        transition(db, match=match, to_status=step_to, role=role, actor_id=None, **_args(step_to))
    assert refused.value.code == "role"
    assert match.status == step_from


@pytest.mark.parametrize(
    ("step_from", "step_to"),
    [(a, b) for a in MATCH_STATUSES for b in MATCH_STATUSES if step_for(a, b) is None],
)
def test_undeclared_steps_are_refused_for_everyone(
    db: Session, step_from: str, step_to: str
) -> None:
    match = _match_in(db, step_from)
    for role in ACTOR_ROLES:
        with pytest.raises(TransitionError) as refused:
            transition(
                db, match=match, to_status=step_to, role=role, actor_id=None, **_args(step_to)
            )
        assert refused.value.code == "not_allowed"
    assert match.status == step_from
    assert (
        db.scalars(select(MatchStatusChange).where(MatchStatusChange.match_id == match.id))
        .all()[-1]
        .to_status
        == "proposed"
    )


@pytest.mark.parametrize("step", [s for s in EXISTING if s.reason_required], ids=str)
def test_a_step_that_needs_a_reason_is_refused_without_one(db: Session, step: object) -> None:
    from models.lifecycle import Step

    assert isinstance(step, Step)
    match = _match_in(db, step.from_status or "")
    role = sorted(step.roles)[0]
    with pytest.raises(TransitionError) as refused:
        transition(
            db,
            match=match,
            to_status=step.to_status,
            role=role,
            actor_id=None,
            details=dict(PLACEMENT),
        )
    assert refused.value.code == "reason"


@pytest.mark.parametrize("missing", PLACEMENT_DETAILS)
def test_a_placement_needs_its_start_hours_and_contract(db: Session, missing: str) -> None:
    match = _match_in(db, "interview")
    details = {k: v for k, v in PLACEMENT.items() if k != missing}
    with pytest.raises(TransitionError) as refused:
        transition(
            db, match=match, to_status="placed", role="employer", actor_id=None, details=details
        )
    assert refused.value.code == "details"
    assert match.status == "interview"


@pytest.mark.parametrize("closing", ["declined", "rejected", "closed"])
def test_closing_a_match_ends_the_consent_at_once(db: Session, closing: str) -> None:
    match = _match_in(db, "interested")
    give_consent(db, match=match, actor_id=None, via="portal", now=NOW)
    role = "mediator"
    transition(
        db, match=match, to_status=closing, role=role, actor_id=None, reason_code="anders", now=NOW
    )
    db.flush()
    assert standing_consent(db, match_id=match.id) is None
    ended = db.scalars(select(MatchConsent)).one()
    assert (ended.withdrawn_via, ended.ended_by) == ("ended", closing)


def test_placement_keeps_the_consent(db: Session) -> None:
    match = _match_in(db, "interview")
    give_consent(db, match=match, actor_id=None, via="session", now=NOW)
    transition(
        db, match=match, to_status="placed", role="employer", actor_id=None, details=dict(PLACEMENT)
    )
    db.flush()
    assert standing_consent(db, match_id=match.id) is not None


def test_consent_given_withdrawn_and_given_again_keeps_every_record(db: Session) -> None:
    match = _match_in(db, "interested")
    give_consent(db, match=match, actor_id=None, via="portal", now=NOW)
    with pytest.raises(TransitionError):
        give_consent(db, match=match, actor_id=None, via="portal", now=NOW)
    withdraw_consent(db, match=match, actor_id=None, via="portal", now=NOW)
    with pytest.raises(TransitionError):
        withdraw_consent(db, match=match, actor_id=None, via="portal", now=NOW)
    give_consent(db, match=match, actor_id=None, via="session", now=NOW)
    db.flush()
    rows = db.scalars(select(MatchConsent).order_by(MatchConsent.id)).all()
    assert [(r.given_via, r.withdrawn_via) for r in rows] == [
        ("portal", "portal"),
        ("session", None),
    ]


def test_no_consent_on_a_closed_or_unapproved_match(db: Session) -> None:
    closed = _match_in(db, "declined")
    with pytest.raises(TransitionError):
        give_consent(db, match=closed, actor_id=None, via="portal", now=NOW)
    fresh = _match_in(db, "proposed")
    fresh.approved_at = None
    with pytest.raises(TransitionError):
        give_consent(db, match=fresh, actor_id=None, via="portal", now=NOW)


@pytest.mark.parametrize("status", MATCH_STATUSES)
@pytest.mark.parametrize("released", [True, False])
@pytest.mark.parametrize("consent", [True, False])
@pytest.mark.parametrize("place_open", [True, False])
def test_identity_shows_only_with_release_consent_and_an_open_match_or_a_placement(
    status: str, released: bool, consent: bool, place_open: bool
) -> None:
    shown = identity_may_show(
        status=status, released=released, consent_standing=consent, opportunity_open=place_open
    )
    expected = (
        released
        and consent
        and (status == "placed" or (status in OPEN_MATCH_STATUSES and place_open))
    )
    assert shown is expected


def test_an_expired_opportunity_closes_its_open_matches_and_ends_consent(db: Session) -> None:
    from datetime import date

    from jobs.expiry import expire_closed

    match = _match_in(db, "interested")
    give_consent(db, match=match, actor_id=None, via="portal", now=NOW)
    placed = Match(
        claimant_id=create_claimant(db).id, opportunity_id=match.opportunity_id, score=0.4
    )
    create(db, match=placed, role="system", actor_id=None, reason_code="matching_run")
    placed.status = "placed"
    opportunity = db.get(Opportunity, match.opportunity_id)
    assert opportunity is not None
    opportunity.closes_on, opportunity.source_id = date(2026, 11, 1), None
    assert expire_closed(db, today=date(2026, 12, 1), source_id=None) == 1
    db.flush()
    assert (match.status, placed.status) == ("closed", "placed")
    assert standing_consent(db, match_id=match.id) is None
    last = db.scalars(
        select(MatchStatusChange)
        .where(MatchStatusChange.match_id == match.id)
        .order_by(MatchStatusChange.id.desc())
    ).first()
    assert last is not None and (last.to_status, last.reason_code, last.details["by"]) == (
        "closed",
        "opportunity_closed",
        "system",
    )
