"""Feed sources through /api/v1: admins only, the admin form's rules, pull now."""

import json

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import FeedSource, Opportunity
from tests.jobs.conftest import FeedServer, feed_server  # noqa: F401  (the fixture)
from tests.web.api.helpers import World, bearer, make_world


@pytest.fixture
def world(db: Session) -> World:
    return make_world(db)


def test_an_admin_adds_pulls_and_removes_a_source(
    client: FlaskClient,
    world: World,
    db: Session,
    feed_server: FeedServer,  # noqa: F811  (the fixture imported above)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FEED_HOST_DELAY_S", "0")
    row = {"id": "a-1", "kind": "vacancy", "title": "Kok", "postcode": "1271", "capacity": 1}
    url = feed_server.add("/a.jsonl", json.dumps(row) + "\n")
    admin = bearer(world.tokens["admin"])
    created = client.post(
        "/api/v1/sources", json={"name": "Bank", "kind": "jsonl", "url": url}, headers=admin
    )
    assert created.status_code == 201, created.get_json()
    source_id = created.get_json()["id"]
    listed = client.get("/api/v1/sources", headers=admin).get_json()
    assert [s["name"] for s in listed["items"]] == ["Bank"]
    pulled = client.post(f"/api/v1/sources/{source_id}/pull", headers=admin)
    assert pulled.status_code == 200 and pulled.get_json()["status"] == "ok"
    assert pulled.get_json()["new"] == 1
    pulled_rows = db.scalars(select(Opportunity).where(Opportunity.source_id == source_id))
    assert [o.external_id for o in pulled_rows] == ["a-1"]
    removed = client.delete(f"/api/v1/sources/{source_id}", headers=admin)
    assert removed.status_code == 200 and removed.get_json()["enabled"] is False


def test_the_admin_forms_rules_name_the_field(
    client: FlaskClient, world: World, db: Session
) -> None:
    admin = bearer(world.tokens["admin"])
    bad = client.post(
        "/api/v1/sources", json={"name": "Bank", "kind": "rss", "url": "ftp://x/y"}, headers=admin
    )
    assert bad.status_code == 422
    assert [e["field"] for e in bad.get_json()["errors"]] == ["url"]
    assert db.scalars(select(FeedSource)).all() == []


def test_only_admins_manage_sources(client: FlaskClient, world: World) -> None:
    for role in ("mediator", "employer", "claimant"):
        response = client.get("/api/v1/sources", headers=bearer(world.tokens[role]))
        assert response.status_code == 403
