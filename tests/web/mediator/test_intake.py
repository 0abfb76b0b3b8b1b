"""Intake of a new claimant: Dutch messages, limitations not diagnoses, invitation, profile."""

from datetime import timedelta

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Claimant, LadderStepChange, SessionAttendance, WeeklySession
from models.base import utcnow
from tests.e2e.scenario import REGION, Week, csrf_token

INTAKE = {
    "client_number": "HZ-1001",
    "first_name": "Anouk",
    "last_name": "de Vries",
    "postcode": "1251 AB",
    "max_travel_km": "10",
    "hours_per_week": "20",
    "ladder_step": "4",
    "driving_licence": "",
    "education_level": "",
    "dutch_level": "",
}


def submit_intake(client: FlaskClient, **overrides: str) -> str:
    page = client.get("/bemiddelaar/klanten/nieuw").get_data(as_text=True)
    data = INTAKE | overrides | {"csrf_token": csrf_token(page)}
    return client.post("/bemiddelaar/klanten/nieuw", data=data, follow_redirects=True).get_data(
        as_text=True
    )


def test_intake_rejects_bad_input_with_dutch_messages(mediator: FlaskClient, db: Session) -> None:
    html = submit_intake(mediator, postcode="12AB", hours_per_week="80", first_name="")
    assert "Gebruik de vorm 1234 AB." in html
    assert "Kies een aantal uren tussen 0 en 60." in html
    assert "Vul de voornaam in." in html
    assert db.scalar(select(Claimant).where(Claimant.client_number == "HZ-1001")) is None


def test_intake_accepts_functional_limitations_and_refuses_a_diagnosis(
    mediator: FlaskClient, db: Session
) -> None:
    html = submit_intake(mediator, restrictions="geen tillen, depressie")
    assert "nooit een diagnose" in html and "depressie" in html
    assert db.scalar(select(Claimant).where(Claimant.client_number == "HZ-1001")) is None
    submit_intake(mediator, restrictions="Geen tillen, beperkt_lopen")
    claimant = db.scalar(select(Claimant).where(Claimant.client_number == "HZ-1001"))
    assert claimant is not None and claimant.restrictions == ["geen_tillen", "beperkt_lopen"]


def test_intake_refuses_a_duplicate_client_number(
    mediator: FlaskClient, db: Session, week: Week
) -> None:
    taken = db.get(Claimant, week.proposal.claimant_id)
    html = submit_intake(mediator, client_number=taken.client_number)  # type: ignore[union-attr]
    assert "Dit klantnummer bestaat al." in html


def test_intake_invites_to_the_first_session_with_a_free_seat(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    full = WeeklySession(
        region=REGION,
        mediator_id=week.mediator.id,
        starts_at=utcnow() + timedelta(days=1),
        location="Vol",
        seats=0,
    )
    db.add(full)
    db.commit()
    html = submit_intake(mediator)
    assert "uitgenodigd voor de eerste sessie" in html
    claimant = db.scalar(select(Claimant).where(Claimant.client_number == "HZ-1001"))
    assert claimant is not None and claimant.postcode == "1251AB" and claimant.ladder_step == 4
    sessions = db.scalars(
        select(SessionAttendance.session_id).where(SessionAttendance.claimant_id == claimant.id)
    ).all()
    assert sessions == [week.weekly_session.id]
    assert db.scalars(
        select(LadderStepChange.to_step).where(LadderStepChange.claimant_id == claimant.id)
    ).all() == [4]


def test_intake_without_a_free_session_asks_to_plan_one(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    week.weekly_session.seats = 1  # the one seat is taken by the scenario's claimant
    db.commit()
    html = submit_intake(mediator)
    assert "geen sessie met een vrije plaats" in html


def test_incomplete_profile_is_flagged_and_can_be_completed(
    mediator: FlaskClient, db: Session
) -> None:
    html = submit_intake(mediator, max_travel_km="", hours_per_week="")
    assert "Kan nog niet gematcht worden." in html
    assert "Maximale reisafstand, Uren per week" in html
    claimant = db.scalar(select(Claimant).where(Claimant.client_number == "HZ-1001"))
    assert claimant is not None
    path = f"/bemiddelaar/klanten/{claimant.id}/bewerken"
    data = INTAKE | {"csrf_token": csrf_token(mediator.get(path).get_data(as_text=True))}
    data["ladder_step"] = "5"
    html = mediator.post(path, data=data, follow_redirects=True).get_data(as_text=True)
    assert "Kan nog niet gematcht worden." not in html
    db.expire_all()
    steps = db.scalars(
        select(LadderStepChange).where(LadderStepChange.claimant_id == claimant.id)
    ).all()
    assert [(s.from_step, s.to_step) for s in steps] == [(None, 4), (4, 5)]
