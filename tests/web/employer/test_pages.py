"""The covenant employer: own places only, anonymised candidates, answers and reminders."""

import re
from datetime import timedelta

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent, Claimant, Match, MatchStatusChange, Opportunity
from models.base import utcnow
from tests.conftest import login
from tests.e2e.scenario import Week, csrf_token
from tests.factories import create_opportunity, create_user, give_consent


def release(db: Session, match_id: int, *, consent: bool = False, days_ago: int = 0) -> None:
    match = db.get(Match, match_id)
    assert match is not None
    match.approved_at = utcnow()
    match.released_to_employer_at = utcnow() - timedelta(days=days_ago)
    if consent:
        give_consent(db, match)
    db.commit()


PLACE = {
    "kind": "placement",
    "title": "Leerwerkplek groen",
    "postcode": "1271 AB",
    "capacity": "2",
    "hours_min": "16",
    "hours_max": "32",
    "education_level": "",
    "dutch_level": "",
    "job_coaching": "y",
    "trial_placement": "y",
    "status": "open",
}


def post_place(client: FlaskClient, path: str, **overrides: str) -> str:
    data = PLACE | overrides | {"csrf_token": csrf_token(client.get(path).get_data(as_text=True))}
    return client.post(path, data=data, follow_redirects=True).get_data(as_text=True)


def test_post_a_placement_with_instruments(employer: FlaskClient, week: Week, db: Session) -> None:
    html = post_place(employer, "/werkgever/plaatsen/nieuw")
    assert "De plaats is opgeslagen." in html
    place = db.scalar(select(Opportunity).where(Opportunity.title == "Leerwerkplek groen"))
    assert place is not None and place.employer_id == week.employer_user.employer_id
    assert place.instruments == ["job_coaching", "trial_placement"]
    assert (place.capacity, place.hours_min, place.hours_max, place.postcode) == (
        2,
        16,
        32,
        "1271AB",
    )
    # Pledged 3; offered counts placement capacity: the scenario's 1 plus these 2.
    assert "<dt>Aangeboden</dt><dd>3</dd>" in html and "<dt>Toegezegd</dt><dd>3</dd>" in html


def test_invalid_placement_is_refused_in_dutch(employer: FlaskClient, db: Session) -> None:
    html = post_place(
        employer, "/werkgever/plaatsen/nieuw", hours_min="30", hours_max="10", capacity="0"
    )
    assert "Het maximum mag niet lager zijn dan het minimum." in html
    assert "Kies tussen 1 en 100 plaatsen." in html or "Vul het aantal plaatsen in." in html
    assert db.scalar(select(Opportunity).where(Opportunity.title == "Leerwerkplek groen")) is None


def test_edit_own_placement_but_not_someone_elses(
    employer: FlaskClient, week: Week, db: Session
) -> None:
    html = post_place(
        employer, f"/werkgever/plaatsen/{week.placement.id}", title="Nieuwe naam", status="filled"
    )
    assert "Nieuwe naam" in html
    db.expire_all()
    assert db.get(Opportunity, week.placement.id).status == "filled"  # type: ignore[union-attr]
    rival = create_user(db, "employer")
    theirs = create_opportunity(db, employer_id=rival.employer_id, title="Van de buren")
    db.commit()
    assert employer.get(f"/werkgever/plaatsen/{theirs.id}").status_code == 404
    assert employer.get(f"/werkgever/plaatsen/{week.vacancy.id}").status_code == 404


def test_only_approved_and_released_proposals_are_shown(
    employer: FlaskClient, week: Week, db: Session
) -> None:
    match = db.get(Match, week.proposal.id)
    match.approved_at = utcnow()  # type: ignore[union-attr]
    db.commit()
    html = employer.get("/werkgever/kandidaten").get_data(as_text=True)
    assert f"Kandidaat #{week.proposal.id}" not in html
    release(db, week.proposal.id)
    html = employer.get("/werkgever/kandidaten").get_data(as_text=True)
    assert f"Kandidaat #{week.proposal.id}" in html


def test_candidates_are_anonymous_until_consent(
    employer: FlaskClient, week: Week, db: Session
) -> None:
    release(db, week.proposal.id)
    # Drop the random CSRF tokens first: they could contain any short string by chance.
    html = re.sub(
        r'name="csrf_token" value="[^"]*"',
        "",
        employer.get("/werkgever/kandidaten").get_data(as_text=True),
    )
    claimant = db.get(Claimant, week.proposal.claimant_id)
    assert claimant is not None
    secrets = ("Fatima", "Kaya", "fatima@example.org", "1271", "geen_zwaar_tillen")
    for secret in (*secrets, claimant.client_number):
        assert secret not in html, secret
    assert 'data-field="hours_per_week" data-value="24">24<' in html
    # Never the claimant-addressed reasons, the ladder step or the skills list.
    assert "Past bij uw ervaring als orderpicker" not in html and "Trede" not in html
    release(db, week.proposal.id, consent=True)
    html = employer.get("/werkgever/kandidaten").get_data(as_text=True)
    assert "Fatima Kaya" in html and "fatima@example.org" in html
    assert "geen_zwaar_tillen" not in html
    reads = db.scalars(select(AuditEvent).where(AuditEvent.actor_role == "employer")).all()
    assert [(e.object_type, e.object_id) for e in reads] == [("match", str(week.proposal.id))]


def test_employer_never_sees_other_employers_candidates(
    client: FlaskClient, week: Week, db: Session
) -> None:
    release(db, week.proposal.id, consent=True)
    rival = create_user(db, "employer")
    db.commit()
    login(client, rival.email)
    html = client.get("/werkgever/kandidaten").get_data(as_text=True)
    assert "Fatima" not in html and f"Kandidaat #{week.proposal.id}" not in html
    token = csrf_token(html)
    response = client.post(
        f"/werkgever/kandidaten/{week.proposal.id}",
        data={"csrf_token": token, "decision": "interview", "reason": ""},
    )
    assert response.status_code == 404


def test_accept_for_interview_and_decline_with_reason(
    employer: FlaskClient, week: Week, db: Session
) -> None:
    release(db, week.proposal.id)
    token = csrf_token(employer.get("/werkgever/kandidaten").get_data(as_text=True))
    path = f"/werkgever/kandidaten/{week.proposal.id}"
    html = employer.post(
        path, data={"csrf_token": token, "decision": "reject", "reason": ""}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Kies een reden" in html
    employer.post(path, data={"csrf_token": token, "decision": "interview", "reason": ""})
    db.expire_all()
    change = db.scalars(select(MatchStatusChange)).one()
    assert (change.from_status, change.to_status, change.actor_id) == (
        "proposed",
        "interview",
        week.employer_user.id,
    )
    html = employer.post(
        path,
        data={"csrf_token": token, "decision": "interview", "reason": ""},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Deze stap is vanuit de huidige status niet mogelijk." in html


def test_employer_hires_after_the_interview_with_the_placement_details(
    employer: FlaskClient, week: Week, db: Session
) -> None:
    release(db, week.proposal.id, consent=True)
    token = csrf_token(employer.get("/werkgever/kandidaten").get_data(as_text=True))
    path = f"/werkgever/kandidaten/{week.proposal.id}"
    hire = {"csrf_token": token, "decision": "placed", "start_on": "2026-12-07", "hours": "24"}
    # Not before an interview (from "proposed"), and never without the contract kind.
    html = employer.post(
        path, data=hire | {"contract": "bepaalde_tijd"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Deze stap is vanuit de huidige status niet mogelijk." in html
    employer.post(path, data={"csrf_token": token, "decision": "interview"})
    html = employer.post(path, data=hire, follow_redirects=True).get_data(as_text=True)
    assert "Niet opgeslagen" in html
    employer.post(
        path, data=hire | {"contract": "bepaalde_tijd", "instrument": "wage_cost_subsidy"}
    )
    db.expire_all()
    placed = db.scalars(
        select(MatchStatusChange).where(MatchStatusChange.to_status == "placed")
    ).one()
    assert placed.actor_id == week.employer_user.id
    assert placed.details == {
        "by": "employer",
        "start_on": "2026-12-07",
        "hours_per_week": 24,
        "contract": "bepaalde_tijd",
        "instrument": "wage_cost_subsidy",
    }
    # A hired candidate stays named to the employer who hired them.
    assert "Fatima Kaya" in employer.get("/werkgever/kandidaten").get_data(as_text=True)


def test_declining_records_the_reason(employer: FlaskClient, week: Week, db: Session) -> None:
    release(db, week.proposal.id)
    token = csrf_token(employer.get("/werkgever/kandidaten").get_data(as_text=True))
    employer.post(
        f"/werkgever/kandidaten/{week.proposal.id}",
        data={"csrf_token": token, "decision": "reject", "reason": "plaats_vervuld"},
    )
    db.expire_all()
    change = db.scalars(select(MatchStatusChange)).one()
    assert (change.to_status, change.reason_code) == ("rejected", "plaats_vervuld")


def test_reminder_when_a_proposal_waits_more_than_14_days(
    employer: FlaskClient, week: Week, db: Session
) -> None:
    release(db, week.proposal.id, days_ago=13)
    assert "wacht langer dan 14 dagen" not in employer.get("/werkgever/").get_data(as_text=True)
    release(db, week.proposal.id, days_ago=15)
    assert "wacht langer dan 14 dagen" in employer.get("/werkgever/").get_data(as_text=True)
    html = employer.get("/werkgever/kandidaten").get_data(as_text=True)
    assert "Wacht langer dan 14 dagen" in html
