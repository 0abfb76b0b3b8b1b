"""The JSON API: bearer tokens, role rules, what each role sees, and the audit trail."""

import json
import logging

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ApiToken, AuditEvent, Match
from models.base import utcnow
from tests.factories import create_user, give_consent
from tests.web.api.helpers import NOW, World, bearer, make_world, token_for
from web.api.tokens import hash_token
from web.cli import main


@pytest.fixture
def world(db: Session) -> World:
    """Return the shared API test world."""
    return make_world(db)


def get(client: FlaskClient, world: World, role: str, path: str) -> tuple[int, object]:
    """GET an API path with a role's token; return status and JSON."""
    response = client.get(f"/api/v1{path}", headers=bearer(world.tokens[role]))
    assert response.content_type == "application/json"
    return response.status_code, response.get_json()


def ids(body: object) -> set[int]:
    """Return the ids of a page's items."""
    assert isinstance(body, dict)
    return {item["id"] for item in body["items"]}


def test_no_token_bad_token_and_other_schemes_are_401(client: FlaskClient, world: World) -> None:
    for headers in ({}, bearer("not-a-token"), {"Authorization": f"Basic {world.tokens['admin']}"}):
        response = client.get("/api/v1/claimants", headers=headers)
        assert response.status_code == 401
        assert response.get_json()["errors"][0]["message"]
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_revoked_token_is_401(client: FlaskClient, db: Session, world: World) -> None:
    row = db.scalar(
        select(ApiToken).where(ApiToken.token_hash == hash_token(world.tokens["admin"]))
    )
    assert row is not None
    assert get(client, world, "admin", "/claimants")[0] == 200
    row.revoked_at = utcnow()
    db.commit()
    assert get(client, world, "admin", "/claimants")[0] == 401


def test_inactive_user_token_is_401(client: FlaskClient, db: Session) -> None:
    user = create_user(db, "mediator", active=False)
    token = token_for(db, user)
    db.commit()
    assert client.get("/api/v1/claimants", headers=bearer(token)).status_code == 401


def test_only_the_hash_is_stored_and_use_is_recorded(
    client: FlaskClient, db: Session, world: World
) -> None:
    stored = set(db.scalars(select(ApiToken.token_hash)))
    assert world.tokens["mediator"] not in stored
    assert hash_token(world.tokens["mediator"]) in stored
    get(client, world, "mediator", "/sessions")
    db.expire_all()
    row = db.scalar(
        select(ApiToken).where(ApiToken.token_hash == hash_token(world.tokens["mediator"]))
    )
    assert row is not None and row.last_used_at is not None


@pytest.mark.parametrize(
    ("role", "method", "path"),
    [
        ("employer", "GET", "/claimants"),
        ("employer", "GET", "/sessions"),
        ("claimant", "GET", "/opportunities"),
        ("claimant", "GET", "/sessions"),
        ("admin", "POST", "/claimants"),
        ("admin", "POST", "/opportunities"),
        ("mediator", "POST", "/opportunities"),
        ("employer", "POST", "/claimants"),
        ("claimant", "POST", "/matches/1/status"),
        ("employer", "POST", "/matches/1/approve"),
        ("mediator", "POST", "/matches/1/interest"),
    ],
)
def test_wrong_role_is_403(
    client: FlaskClient, world: World, role: str, method: str, path: str
) -> None:
    response = client.open(
        f"/api/v1{path}", method=method, json={}, headers=bearer(world.tokens[role])
    )
    assert response.status_code == 403
    assert response.get_json()["errors"]


def test_errors_are_json_never_html(client: FlaskClient, world: World) -> None:
    headers = bearer(world.tokens["mediator"])
    assert client.get("/api/v1/nothing-here", headers=headers).status_code == 404
    response = client.delete("/api/v1/claimants", headers=headers)
    assert response.status_code == 405 and response.get_json()["errors"]
    response = client.get("/api/v1/claimants?limit=1000", headers=headers)
    assert response.status_code == 400
    assert response.get_json()["errors"][0]["field"] == "limit"
    response = client.post("/api/v1/claimants", data="{not json", headers=headers)
    assert response.status_code == 415 and response.content_type == "application/json"
    assert client.get("/api/v1/claimants/99999999999", headers=headers).status_code == 404
    for bad_id in ("0", "2147483648", "-1"):
        response = client.patch(f"/api/v1/opportunities/{bad_id}", json={}, headers=headers)
        assert response.status_code == 404, bad_id


def test_mediator_sees_their_region(client: FlaskClient, world: World) -> None:
    status, body = get(client, world, "mediator", "/claimants")
    assert status == 200
    assert ids(body) == {world.own_claimant.id, world.other_claimant.id}
    _, mine = get(client, world, "mediator", "/claimants?mine=true")
    assert ids(mine) == {world.own_claimant.id}
    assert get(client, world, "mediator", f"/claimants/{world.far_claimant.id}")[0] == 404
    status, one = get(client, world, "mediator", f"/claimants/{world.own_claimant.id}")
    assert status == 200 and isinstance(one, dict)
    assert one["last_name"] == "Kaya" and one["bsn"] == "111222333"
    _, matches = get(client, world, "mediator", "/matches")
    assert world.unapproved.id not in ids(matches)
    assert {world.released.id, world.approved_only.id} <= ids(matches)
    _, sessions = get(client, world, "mediator", "/sessions")
    assert ids(sessions) == {world.weekly_session.id}


def test_employer_sees_only_own_released_proposals_anonymised(
    client: FlaskClient, world: World
) -> None:
    _, opportunities = get(client, world, "employer", "/opportunities")
    assert ids(opportunities) == {world.placement.id}
    assert get(client, world, "employer", f"/opportunities/{world.rival_placement.id}")[0] == 404
    status, matches = get(client, world, "employer", "/matches")
    assert status == 200 and ids(matches) == {world.released.id}
    for path in (f"/matches/{world.approved_only.id}", f"/matches/{world.rival_match.id}"):
        assert get(client, world, "employer", path)[0] == 404
    _, detail = get(client, world, "employer", f"/matches/{world.released.id}")
    text = str(detail)
    for secret in ("Fatima", "Kaya", "111222333", "1271", "geen_tillen", "claimant_id"):
        assert secret not in text, secret
    assert isinstance(detail, dict)
    for never in ("has_restrictions", "restrictions", "ladder_step", "skills", "reasons"):
        assert never not in detail["candidate"] and never not in detail, never
    assert detail["candidate"]["name"] is None
    # Why the candidate fits, in the employer's words: never the exact distance.
    fit = detail["candidate"]["fit"]
    assert fit and all(" km" not in line and "U " not in line for line in fit), fit


def test_employer_learns_the_name_only_after_the_claimant_consented(
    client: FlaskClient, world: World, db: Session
) -> None:
    path = f"/matches/{world.released.id}"
    assert get(client, world, "employer", path)[1]["candidate"]["name"] is None  # type: ignore[index]
    match = db.get(Match, world.released.id)
    assert match is not None
    give_consent(db, match, at=NOW)
    db.commit()
    _, detail = get(client, world, "employer", path)
    assert isinstance(detail, dict) and detail["candidate"]["name"] == "Fatima Kaya"
    for secret in ("111222333", "1271", "geen_tillen", "claimant_id"):
        assert secret not in str(detail), secret


def test_claimant_sees_only_their_own_profile_and_approved_matches(
    client: FlaskClient, world: World
) -> None:
    _, claimants = get(client, world, "claimant", "/claimants")
    assert ids(claimants) == {world.own_claimant.id}
    _, me = get(client, world, "claimant", f"/claimants/{world.own_claimant.id}")
    assert isinstance(me, dict) and me["first_name"] == "Fatima" and "bsn" not in me
    assert get(client, world, "claimant", f"/claimants/{world.other_claimant.id}")[0] == 404
    _, matches = get(client, world, "claimant", "/matches")
    assert ids(matches) == {world.released.id, world.rival_match.id}
    assert get(client, world, "claimant", f"/matches/{world.approved_only.id}")[0] == 404


def test_admin_reads_everything_but_only_claimant_ids(client: FlaskClient, world: World) -> None:
    _, claimants = get(client, world, "admin", "/claimants")
    assert isinstance(claimants, dict)
    assert all(set(item) == {"id"} for item in claimants["items"])
    assert len(claimants["items"]) == 3
    _, one = get(client, world, "admin", f"/claimants/{world.far_claimant.id}")
    assert one == {"id": world.far_claimant.id}
    _, matches = get(client, world, "admin", "/matches")
    assert len(ids(matches)) == 4


def test_every_read_of_claimant_data_is_audited(
    client: FlaskClient, db: Session, world: World
) -> None:
    client.get(
        f"/api/v1/claimants/{world.own_claimant.id}",
        headers=bearer(world.tokens["mediator"]) | {"X-Purpose": "sessievoorbereiding"},
    )
    get(client, world, "mediator", "/claimants?limit=1")
    get(client, world, "employer", f"/matches/{world.released.id}")
    events = list(db.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    detail, listed, proposal = events
    assert (detail.actor_id, detail.actor_role, detail.action) == (
        world.mediator.id,
        "mediator",
        "read",
    )
    assert detail.object_type == "claimant" and detail.object_id == str(world.own_claimant.id)
    assert detail.reason and detail.reason.endswith("sessievoorbereiding") and detail.at
    assert listed.object_type == "claimant"
    assert (proposal.actor_role, proposal.object_type) == ("employer", "match")


def test_pages_are_limited(client: FlaskClient, world: World) -> None:
    status, body = get(client, world, "admin", "/claimants?limit=2&offset=1")
    assert status == 200 and isinstance(body, dict)
    assert (body["total"], body["limit"], body["offset"], len(body["items"])) == (3, 2, 1, 2)


def test_refusals_are_security_events_without_personal_data(
    client: FlaskClient, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="zow.security")
    client.get("/api/v1/claimants", headers=bearer("wrong"))
    get(client, world, "employer", "/claimants")
    client.post("/api/v1/claimants", json={"bsn": "x"}, headers=bearer(world.tokens["mediator"]))
    events = [json.loads(record.getMessage()) for record in caplog.records]
    assert [(e["event"], e["outcome"]) for e in events] == [
        ("api_token", "refused"),
        ("access", "denied"),
        ("validation", "failed"),
    ]
    assert events[1]["actor"] == f"user:{world.employer.id}"
    assert world.tokens["employer"] not in caplog.text


def test_cli_issues_a_token_that_works(client: FlaskClient, db: Session, database_url: str) -> None:
    user = create_user(db, "mediator")
    db.commit()
    env = {"DATABASE_URL": database_url, "ZOW_ENV": "test", "SECRET_KEY": "s" * 32}
    result = CliRunner().invoke(
        main, ["api-token", "create", "--email", user.email, "--name", "koppeling"], env=env
    )
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[0]
    assert client.get("/api/v1/claimants", headers=bearer(token)).status_code == 200
    row = db.scalar(select(ApiToken).where(ApiToken.user_id == user.id))
    assert row is not None and row.name == "koppeling" and row.token_hash == hash_token(token)
    result = CliRunner().invoke(main, ["api-token", "revoke", "--id", str(row.id)], env=env)
    assert result.exit_code == 0
    assert client.get("/api/v1/claimants", headers=bearer(token)).status_code == 401
    unknown = ["api-token", "create", "--email", "nobody@example.org", "--name", "x"]
    assert CliRunner().invoke(main, unknown, env=env).exit_code != 0
