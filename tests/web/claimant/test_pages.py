"""The claimant's own pages: approved matches, interest and consent, preferences, data."""

import json
from datetime import UTC, datetime

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    AuditEvent,
    Claimant,
    LadderStepChange,
    Match,
    MatchConsent,
    MatchStatusChange,
)
from models.base import utcnow
from models.workflow import standing_consent
from tests.conftest import login
from tests.e2e.scenario import Week, build_week, csrf_token
from tests.factories import create_claimant, create_user, give_consent

WINTER = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
SUMMER = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def week(db: Session) -> Week:
    """The scenario's week, with its proposal approved so the claimant sees it."""
    built = build_week(db)
    match = db.get(Match, built.proposal.id)
    match.approved_at = utcnow()  # type: ignore[union-attr]
    db.commit()
    return built


def answer(client: FlaskClient, match_id: int, value: str) -> str:
    token = csrf_token(client.get("/mijn/").get_data(as_text=True))
    return client.post(
        f"/mijn/voorstellen/{match_id}",
        data={"csrf_token": token, "interested": value},
        follow_redirects=True,
    ).get_data(as_text=True)


def test_home_shows_only_approved_matches_with_reasons_and_notice(
    claimant: FlaskClient, week: Week
) -> None:
    html = claimant.get("/mijn/").get_data(as_text=True)
    assert "Leerwerkplek magazijn" in html and "Past bij uw ervaring als orderpicker" in html
    assert "Medewerker schoonmaak" not in html  # not approved
    assert "Een computer heeft geholpen" in html
    assert "Werkplein Huizen, zaal 2" in html  # the next session


def test_interest_records_status_and_consent(
    claimant: FlaskClient, week: Week, db: Session
) -> None:
    html = answer(claimant, week.proposal.id, "yes")
    assert "Uw antwoord is bewaard" in html
    db.expire_all()
    match = db.get(Match, week.proposal.id)
    assert match is not None and match.status == "interested"
    consent = standing_consent(db, match_id=match.id)
    assert consent is not None and (consent.given_via, consent.given_by_id) == (
        "portal",
        week.claimant_user.id,
    )
    rows = db.scalars(select(MatchStatusChange).order_by(MatchStatusChange.id)).all()
    assert [(c.from_status, c.to_status, c.reason_code, c.actor_id) for c in rows] == [
        ("proposed", "interested", None, week.claimant_user.id),
        ("interested", "interested", "consent_given", week.claimant_user.id),
    ]


def test_no_interest_declines_without_consent(
    claimant: FlaskClient, week: Week, db: Session
) -> None:
    answer(claimant, week.proposal.id, "no")
    db.expire_all()
    match = db.get(Match, week.proposal.id)
    assert match is not None and match.status == "declined"
    assert standing_consent(db, match_id=match.id) is None
    assert db.scalars(select(MatchStatusChange.reason_code)).one() == "geen_interesse"


def test_unapproved_or_foreign_matches_cannot_be_answered(
    claimant: FlaskClient, week: Week, db: Session
) -> None:
    token = csrf_token(claimant.get("/mijn/").get_data(as_text=True))
    path = f"/mijn/voorstellen/{week.other_proposal.id}"
    assert claimant.post(path, data={"csrf_token": token, "interested": "yes"}).status_code == 404
    other = create_claimant(db)
    foreign = Match(
        claimant_id=other.id, opportunity_id=week.vacancy.id, score=0.5, approved_at=utcnow()
    )
    db.add(foreign)
    db.commit()
    response = claimant.post(
        f"/mijn/voorstellen/{foreign.id}", data={"csrf_token": token, "interested": "yes"}
    )
    assert response.status_code == 404
    assert db.scalars(select(MatchStatusChange)).all() == []


def test_preferences_are_saved_and_validated(
    claimant: FlaskClient, week: Week, db: Session
) -> None:
    token = csrf_token(claimant.get("/mijn/gegevens").get_data(as_text=True))
    html = claimant.post(
        "/mijn/gegevens",
        data={"csrf_token": token, "hours_per_week": "99", "max_travel_km": "5"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Vul een getal van 0 tot 60 in." in html
    claimant.post(
        "/mijn/gegevens",
        data={
            "csrf_token": token,
            "hours_per_week": "32",
            "max_travel_km": "25",
            "desired_occupations": "kok, magazijn",
        },
    )
    db.expire_all()
    me = db.scalar(select(Claimant).where(Claimant.user_id == week.claimant_user.id))
    assert me is not None
    assert (me.hours_per_week, me.max_travel_km, me.desired_occupations) == (
        32,
        25.0,
        ["kok", "magazijn"],
    )


def test_download_is_the_complete_export_of_only_own_data_and_is_audited(
    claimant: FlaskClient, week: Week, db: Session
) -> None:
    create_claimant(db, first_name="Ander", last_name="Persoon")
    me = db.scalars(select(Claimant).where(Claimant.user_id == week.claimant_user.id)).one()
    db.add(LadderStepChange(claimant_id=me.id, at=SUMMER, from_step=2, to_step=3))
    db.get(Match, week.proposal.id).created_at = WINTER  # type: ignore[union-attr]
    db.commit()
    response = claimant.get("/mijn/gegevens/download")
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["claimants"][0]["first_name"] == "Fatima"
    # The hand-picked download left out the account and the session invitations.
    assert data["users"][0]["email"] == week.claimant_user.email
    assert {a["session_id"] for a in data["session_attendances"]} == {week.weekly_session.id}
    assert {m["id"] for m in data["matches"]} == {week.proposal.id, week.other_proposal.id}
    assert "Ander" not in response.get_data(as_text=True)
    assert "password_hash" not in data["users"][0]
    # Times in Amsterdam: winter +01:00, summer +02:00.
    proposal = next(m for m in data["matches"] if m["id"] == week.proposal.id)
    assert proposal["created_at"] == "2026-11-20T11:00:00+01:00"
    assert data["ladder_step_changes"][0]["at"] == "2026-07-01T12:00:00+02:00"
    event = db.scalars(select(AuditEvent)).one()
    assert (event.actor_role, event.reason) == ("claimant", "download")


def test_the_own_data_page_is_readable_dutch_in_amsterdam_time(
    claimant: FlaskClient, week: Week, db: Session
) -> None:
    create_claimant(db, first_name="Ander", last_name="Persoon")
    db.get(Match, week.proposal.id).created_at = WINTER  # type: ignore[union-attr]
    db.commit()
    html = claimant.get("/mijn/gegevens/alles").get_data(as_text=True)
    assert "Alles wat wij over u bewaren" in html and "Voorstellen voor werk" in html
    assert "Uw uitnodigingen voor sessies" in html and "Uw account" in html
    assert "<dt>Voornaam</dt><dd>Fatima</dd>" in html
    assert "20-11-2026 11:00" in html
    assert "Ander" not in html and "password_hash" not in html
    assert "/mijn/gegevens/download" in html
    event = db.scalars(select(AuditEvent)).one()
    assert (event.actor_role, event.reason) == ("claimant", "inzage")


def test_a_claimant_login_without_record_gets_nothing(client: FlaskClient, db: Session) -> None:
    user = create_user(db, "claimant")
    db.commit()
    login(client, user.email)
    assert client.get("/mijn/").status_code == 404


def test_consent_page_lists_each_employer_and_withdraws_in_one_click(
    claimant: FlaskClient, week: Week, db: Session
) -> None:
    match = db.get(Match, week.proposal.id)
    assert match is not None
    match.released_to_employer_at = utcnow()
    # Consent given in the session while the proposal is still unanswered shows here too.
    give_consent(db, match, at=utcnow())
    db.commit()
    page = claimant.get("/mijn/toestemming").get_data(as_text=True)
    card = page[page.index(f'id="toestemming-{match.id}"') :]
    assert "Magazijn Gooi BV" in card and "Toestemming intrekken" in card
    assert "Medewerker schoonmaak" not in page  # no employer behind it
    token = csrf_token(page)
    html = claimant.post(
        f"/mijn/toestemming/{match.id}",
        data={"csrf_token": token, "consent": "withdraw"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "De werkgever ziet uw naam en e-mailadres niet meer." in html
    assert "Geen enkele werkgever ziet nu uw naam of e-mailadres." in html
    db.expire_all()
    assert standing_consent(db, match_id=match.id) is None
    ended = db.scalars(select(MatchConsent)).one()
    assert (ended.withdrawn_via, ended.withdrawn_by_id) == ("portal", week.claimant_user.id)


def test_withdrawing_interest_closes_the_match_and_ends_consent(
    claimant: FlaskClient, week: Week, db: Session
) -> None:
    answer(claimant, week.proposal.id, "yes")
    token = csrf_token(claimant.get("/mijn/").get_data(as_text=True))
    html = claimant.post(
        f"/mijn/voorstellen/{week.proposal.id}/intrekken",
        data={"csrf_token": token},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "U heeft uw interesse ingetrokken." in html
    db.expire_all()
    match = db.get(Match, week.proposal.id)
    assert match is not None and match.status == "declined"
    assert standing_consent(db, match_id=match.id) is None
    last = db.scalars(select(MatchStatusChange).order_by(MatchStatusChange.id.desc())).first()
    assert last is not None and last.reason_code == "interesse_ingetrokken"
