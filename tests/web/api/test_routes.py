"""Each route's declaration drives both its checks and its part of the OpenAPI document."""

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.web.api.helpers import World, bearer, make_world
from web.api import specs
from web.api.openapi import document, model_schema
from web.api.routes import OPERATIONS


@pytest.fixture
def world(db: Session) -> World:
    """Return the shared API test world."""
    return make_world(db)


def test_the_document_describes_each_body_with_the_model_the_route_checks() -> None:
    doc = document()
    schemas = doc["components"]["schemas"]
    for operation in OPERATIONS:
        if operation.body is None:
            continue
        name = operation.body.__name__
        assert schemas[name] == model_schema(operation.body, {}), name
        path = "/api/v1" + operation.path.replace("<id:", "{").replace(">", "}")
        body = doc["paths"][path][operation.method.lower()]["requestBody"]
        assert body["content"]["application/json"]["schema"] == {
            "$ref": f"#/components/schemas/{name}"
        }


def test_the_hard_limit_fields_are_in_the_claimant_and_opportunity_bodies() -> None:
    assert set(specs.claimant_limits()) <= set(specs.CLAIMANT_CREATE.model_fields)
    assert set(specs.opportunity_limits()) <= set(specs.OPPORTUNITY_CREATE.model_fields)
    update = model_schema(specs.OPPORTUNITY_UPDATE, {})
    assert "required" not in update
    assert update["properties"]["capacity"] == {
        "type": "integer",
        "minimum": 0,
        "maximum": 1000,
        "description": "Places left to fill.",
    }


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("limit=0", "limit", "expected a whole number from 1 to 100"),
        ("limit=1.0", "limit", "expected a whole number from 1 to 100"),
        ("mine=yes", "mine", "expected true or false"),
    ],
)
def test_a_bad_query_string_is_a_400_naming_the_parameter(
    client: FlaskClient, world: World, query: str, field: str, message: str
) -> None:
    response = client.get(f"/api/v1/claimants?{query}", headers=bearer(world.tokens["mediator"]))
    assert response.status_code == 400
    assert response.get_json() == {"errors": [{"field": field, "message": message}]}


def test_paging_defaults_and_unknown_parameters_are_ignored(
    client: FlaskClient, world: World
) -> None:
    headers = bearer(world.tokens["mediator"])
    response = client.get("/api/v1/opportunities?colour=blue&kind=placement", headers=headers)
    assert response.status_code == 200
    body = response.get_json()
    assert (body["limit"], body["offset"]) == (25, 0)
    assert {item["kind"] for item in body["items"]} == {"placement"}
