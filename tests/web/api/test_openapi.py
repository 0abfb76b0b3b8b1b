"""The OpenAPI document describes exactly the routes the app serves under /api/v1."""

import re

from flask import Flask
from flask.testing import FlaskClient

from web.api import PUBLIC, ROLES_BY_ENDPOINT

IGNORED_METHODS = {"HEAD", "OPTIONS"}


def served_operations(app: Flask) -> set[tuple[str, str]]:
    """Return (METHOD, path template) for every /api/v1 rule, in OpenAPI path syntax."""
    operations = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1"):
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        for method in (rule.methods or set()) - IGNORED_METHODS:
            operations.add((method, path))
    return operations


def documented_operations(
    document: dict[str, dict[str, dict[str, object]]],
) -> set[tuple[str, str]]:
    """Return (METHOD, path) for every operation in the document."""
    return {(method.upper(), path) for path, item in document["paths"].items() for method in item}


def test_every_route_is_documented_and_every_documented_route_exists(
    app: Flask, client: FlaskClient
) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"].startswith("3.")
    served = served_operations(app)
    assert len(served) >= 15
    assert served == documented_operations(document)


def test_every_operation_documents_its_parameters_and_errors(client: FlaskClient) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    for path, item in document["paths"].items():
        for method, operation in item.items():
            names = {p["name"] for p in operation["parameters"] if p["in"] == "path"}
            assert names == set(re.findall(r"{(\w+)}", path)), (method, path)
            if operation.get("security") == []:
                continue
            assert {"401", "403"} <= set(operation["responses"]), (method, path)
            if "requestBody" in operation:
                assert "422" in operation["responses"], (method, path)
            if names:
                assert "404" in operation["responses"], (method, path)


def test_every_api_endpoint_has_a_role_rule(app: Flask) -> None:
    endpoints = {
        rule.endpoint for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1")
    }
    assert endpoints == set(ROLES_BY_ENDPOINT) | PUBLIC
