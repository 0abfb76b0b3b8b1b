"""The JSON API's writes: validation like the interchange format, status history, consent."""

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent, Claimant, Match, MatchStatusChange, Opportunity
from models.workflow import standing_consent
from tests.factories import create_opportunity
from tests.web.api.helpers import World, bearer, make_world

NEW_CLAIMANT = {
    "client_number": "K-1001",
    "first_name": "Anouk",
    "last_name": "de Vries",
    "postcode": "1271 AB",
    "ladder_step": 4,
    "hours_per_week": 24,
    "education_level": "mbo2",
    "work_history": [{"title": "Kassamedewerker", "years": 2}],
    "skills": ["klantvriendelijk"],
}
NEW_PLACEMENT = {
    "kind": "placement",
    "title": "Leerwerkplek magazijn",
    "postcode": "1211",
    "capacity": 2,
}


@pytest.fixture
def world(db: Session) -> World:
    """Return the shared API test world."""
    return make_world(db)


def post(client: FlaskClient, token: str, path: str, body: object) -> tuple[int, dict[str, object]]:
    """POST JSON with a token; return status and JSON."""
    response = client.post(f"/api/v1{path}", json=body, headers=bearer(token))
    assert response.content_type == "application/json"
    return response.status_code, response.get_json()


def fields(body: dict[str, object]) -> set[object]:
    """Return the field names of a 422's errors."""
    errors = body["errors"]
    assert isinstance(errors, list)
    return {error["field"] for error in errors}


def test_mediator_registers_a_claimant_in_their_caseload(
    client: FlaskClient, db: Session, world: World
) -> None:
    status, body = post(client, world.tokens["mediator"], "/claimants", NEW_CLAIMANT)
    assert status == 201, body
    claimant = db.get(Claimant, body["id"])
    assert claimant is not None
    assert (claimant.mediator_id, claimant.postcode, claimant.region) == (
        world.mediator.id,
        "1271",
        "gooi-en-vechtstreek",
    )
    assert claimant.work_history == [{"title": "Kassamedewerker", "years": 2.0}]
    audit = db.scalar(select(AuditEvent).where(AuditEvent.action == "create"))
    assert audit is not None and audit.object_id == str(claimant.id)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"postcode": "Huizen"}, "postcode"),
        ({"ladder_step": 7}, "ladder_step"),
        ({"ladder_step": "4"}, "ladder_step"),
        ({"education_level": "phd"}, "education_level"),
        ({"hours_per_week": 80}, "hours_per_week"),
        ({"first_name": "  "}, "first_name"),
        ({"client_number": ""}, "client_number"),
        ({"work_history": [{"years": 2}]}, "work_history"),
        ({"skills": "lassen"}, "skills"),
        ({"favourite_colour": "blauw"}, "favourite_colour"),
        ({"bsn": "111222333"}, "bsn"),
        ({"email": "geen-adres"}, "email"),
        ({"notes": "nul\x00byte"}, "notes"),
        ({"last_name": "half \ud800 surrogate"}, "last_name"),
    ],
)
def test_claimant_validation_names_the_field(
    client: FlaskClient, db: Session, world: World, change: dict[str, object], field: str
) -> None:
    status, body = post(client, world.tokens["mediator"], "/claimants", NEW_CLAIMANT | change)
    assert status == 422
    assert field in fields(body)
    assert db.scalar(select(Claimant).where(Claimant.client_number == "K-1001")) is None


def test_missing_required_fields_and_duplicates_are_named(
    client: FlaskClient, world: World
) -> None:
    status, body = post(client, world.tokens["mediator"], "/claimants", {})
    assert status == 422
    assert {"client_number", "first_name", "last_name", "ladder_step"} <= fields(body)
    duplicate = NEW_CLAIMANT | {"client_number": world.own_claimant.client_number}
    status, body = post(client, world.tokens["mediator"], "/claimants", duplicate)
    assert status == 422 and fields(body) == {"client_number"}
    status, body = post(client, world.tokens["mediator"], "/claimants", [1, 2])
    assert status == 422 and fields(body) == {"body"}


def test_employer_posts_and_edits_only_their_own_opportunities(
    client: FlaskClient, db: Session, world: World
) -> None:
    status, body = post(client, world.tokens["employer"], "/opportunities", NEW_PLACEMENT)
    assert status == 201, body
    row = db.get(Opportunity, body["id"])
    assert row is not None and row.employer_id == world.employer.employer_id
    headers = bearer(world.tokens["employer"])
    response = client.patch(
        f"/api/v1/opportunities/{row.id}", json={"capacity": 3, "status": "filled"}, headers=headers
    )
    assert response.status_code == 200 and response.get_json()["capacity"] == 3
    db.refresh(row)
    assert (row.capacity, row.status, row.title) == (3, "filled", "Leerwerkplek magazijn")
    response = client.patch(
        f"/api/v1/opportunities/{world.rival_placement.id}", json={"capacity": 9}, headers=headers
    )
    assert response.status_code == 404
    db.refresh(world.rival_placement)
    assert world.rival_placement.capacity == 1


def test_opportunity_validation_names_the_field(client: FlaskClient, world: World) -> None:
    token = world.tokens["employer"]
    status, body = post(client, token, "/opportunities", NEW_PLACEMENT | {"kind": "stage"})
    assert status == 422 and fields(body) == {"kind"}
    status, body = post(
        client, token, "/opportunities", NEW_PLACEMENT | {"hours_min": 30, "hours_max": 20}
    )
    assert status == 422 and fields(body) == {"hours_max"}
    response = client.patch(
        f"/api/v1/opportunities/{world.placement.id}",
        json={"title": None, "closes_on": "morgen"},
        headers=bearer(token),
    )
    assert response.status_code == 422
    assert fields(response.get_json()) == {"title", "closes_on"}


def test_mediator_records_a_status_change_with_reason(
    client: FlaskClient, db: Session, world: World
) -> None:
    path = f"/matches/{world.released.id}/status"
    body = {"to_status": "applied", "reason_code": "applied_in_session", "applied_on": "2026-11-20"}
    status, result = post(client, world.tokens["mediator"], path, body)
    assert status == 200, result
    assert result["status"] == "applied"
    change = db.scalar(
        select(MatchStatusChange).where(MatchStatusChange.match_id == world.released.id)
    )
    assert change is not None
    assert (change.from_status, change.to_status, change.reason_code, change.actor_id) == (
        "proposed",
        "applied",
        "applied_in_session",
        world.mediator.id,
    )
    status, result = post(client, world.tokens["mediator"], path, {"to_status": "declined"})
    assert status == 422 and fields(result) == {"reason_code"}
    far = f"/matches/{world.unapproved.id}/status"
    status, _ = post(
        client, world.tokens["mediator"], far, {"to_status": "discussed", "reason_code": "x"}
    )
    assert status == 404


def test_approval_and_release_decide_what_others_see(
    client: FlaskClient, db: Session, world: World
) -> None:
    claimant_token, employer_token = world.tokens["claimant"], world.tokens["employer"]
    opportunity = create_opportunity(db, employer_id=world.employer.employer_id)
    match = Match(claimant_id=world.own_claimant.id, opportunity_id=opportunity.id, score=0.5)
    db.add(match)
    db.commit()
    path = f"/api/v1/matches/{match.id}"
    assert client.get(path, headers=bearer(claimant_token)).status_code == 404
    response = client.post(f"{path}/release", headers=bearer(world.tokens["mediator"]))
    assert response.status_code == 409 and fields(response.get_json()) == {"match"}
    status, body = post(client, world.tokens["mediator"], f"/matches/{match.id}/approve", {})
    assert status == 200 and body["approved_at"]
    assert client.get(path, headers=bearer(claimant_token)).status_code == 200
    assert client.get(path, headers=bearer(employer_token)).status_code == 404
    response = client.post(f"{path}/release", headers=bearer(world.tokens["mediator"]))
    assert response.status_code == 200
    assert client.get(path, headers=bearer(employer_token)).status_code == 200


def test_claimant_marks_interest_which_is_consent(
    client: FlaskClient, db: Session, world: World
) -> None:
    token = world.tokens["claimant"]
    status, body = post(
        client, token, f"/matches/{world.released.id}/interest", {"interested": True}
    )
    assert status == 200 and body["status"] == "interested"
    db.refresh(world.released)
    assert standing_consent(db, match_id=world.released.id) is not None
    assert body["claimant_consented_at"] is not None
    status, _ = post(
        client, token, f"/matches/{world.approved_only.id}/interest", {"interested": True}
    )
    assert status == 404
    status, body = post(
        client, token, f"/matches/{world.released.id}/interest", {"interested": "ja"}
    )
    assert status == 422 and fields(body) == {"interested"}


def test_employer_answers_released_proposals_only(
    client: FlaskClient, db: Session, world: World
) -> None:
    token = world.tokens["employer"]
    path = f"/matches/{world.released.id}/answer"
    status, body = post(client, token, path, {"accept": False})
    assert status == 422 and fields(body) == {"reason_code"}
    status, body = post(client, token, path, {"accept": True})
    assert status == 200 and body["status"] == "interview" and "claimant_id" not in body
    status, body = post(client, token, path, {"accept": True})
    assert status == 409 and fields(body) == {"decision"}
    assert "interview -> interview is not allowed" in body["errors"][0]["message"]
    hidden = f"/matches/{world.approved_only.id}/answer"
    assert post(client, token, hidden, {"accept": True})[0] == 404
    assert post(client, world.tokens["rival"], path, {"accept": True})[0] == 404
    db.refresh(world.approved_only)
    assert world.approved_only.status == "proposed"
