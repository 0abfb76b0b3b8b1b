"""Proposals in the session: approving and rejecting, release, consent, no change by GET."""

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Claimant, Match, MatchConsent
from models.workflow import standing_consent
from tests.conftest import login
from tests.e2e.scenario import Week
from tests.web.mediator.helpers import changes, post


def test_approving_records_who_and_when(mediator: FlaskClient, week: Week, db: Session) -> None:
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren")
    db.expire_all()
    match = db.get(Match, week.proposal.id)
    assert match is not None and match.approved_at is not None
    assert match.approved_by_id == week.mediator.id
    [change] = changes(db, match.id)
    assert (change.actor_id, change.reason_code) == (week.mediator.id, "approved")


def test_unapproved_proposals_stay_hidden_from_the_claimant(
    client: FlaskClient, week: Week, db: Session
) -> None:
    login(client, week.claimant_user.email)
    assert "Leerwerkplek magazijn" not in client.get("/mijn/").get_data(as_text=True)


def test_reject_needs_a_reason_code(mediator: FlaskClient, week: Week, db: Session) -> None:
    html = post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/afwijzen", reason="")
    assert "Niet opgeslagen" in html
    assert changes(db, week.proposal.id) == []
    post(
        mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/afwijzen", reason="afstand_te_groot"
    )
    [change] = changes(db, week.proposal.id)
    assert (change.from_status, change.to_status) == ("proposed", "rejected")
    assert change.reason_code == "afstand_te_groot" and change.actor_id == week.mediator.id


def test_incomplete_profile_cannot_be_approved(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    db.expire_all()
    match = db.get(Match, week.proposal.id)
    claimant = db.get(Claimant, match.claimant_id)  # type: ignore[union-attr]
    claimant.hours_per_week = None  # type: ignore[union-attr]
    db.commit()
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren")
    db.expire_all()
    assert db.get(Match, week.proposal.id).approved_at is None  # type: ignore[union-attr]


def test_release_only_after_approval(mediator: FlaskClient, week: Week, db: Session) -> None:
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/vrijgeven")
    db.expire_all()
    assert db.get(Match, week.proposal.id).released_to_employer_at is None  # type: ignore[union-attr]
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren")
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/vrijgeven")
    db.expire_all()
    assert db.get(Match, week.proposal.id).released_to_employer_at is not None  # type: ignore[union-attr]


def test_consent_given_in_the_session_is_recorded_once_after_approval(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    path = f"/bemiddelaar/voorstellen/{week.proposal.id}/toestemming"
    post(mediator, path)
    db.expire_all()
    assert standing_consent(db, match_id=week.proposal.id) is None
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren")
    post(mediator, path)
    html = post(mediator, path)
    assert "De klant gaf al toestemming." in html
    db.expire_all()
    consent = standing_consent(db, match_id=week.proposal.id)
    assert consent is not None and (consent.given_via, consent.given_by_id) == (
        "session",
        week.mediator.id,
    )
    events = [c for c in changes(db, week.proposal.id) if c.reason_code == "consent_given"]
    assert [(e.actor_id, e.details) for e in events] == [(week.mediator.id, {"via": "session"})]


def test_consent_withdrawn_in_the_session_ends_it_and_can_be_given_again(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    base = f"/bemiddelaar/voorstellen/{week.proposal.id}"
    post(mediator, f"{base}/goedkeuren")
    html = post(mediator, f"{base}/toestemming-intrekken")
    assert "Er is geen toestemming om in te trekken." in html
    post(mediator, f"{base}/toestemming")
    post(mediator, f"{base}/toestemming-intrekken")
    db.expire_all()
    assert standing_consent(db, match_id=week.proposal.id) is None
    ended = db.scalars(select(MatchConsent)).one()
    assert (ended.withdrawn_via, ended.withdrawn_by_id) == ("session", week.mediator.id)
    post(mediator, f"{base}/toestemming")
    db.expire_all()
    assert len(db.scalars(select(MatchConsent)).all()) == 2
    assert standing_consent(db, match_id=week.proposal.id) is not None


def test_no_get_changes_a_proposal(mediator: FlaskClient, week: Week) -> None:
    assert (
        mediator.get(f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren").status_code == 405
    )
