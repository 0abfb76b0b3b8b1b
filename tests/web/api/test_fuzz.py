"""Fuzz the API from its own OpenAPI document: no 5xx, and every response matches the schema.

Runs with a real token for a mediator and for an employer, on SQLite and on PostgreSQL
(where over-long strings, NUL bytes and out-of-range integers would surface as 500s).
"""

from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis import Case
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.orm import Session

from tests.web.api.helpers import World, bearer, make_world
from web.api.openapi import document

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)

# The document is plain data, so it is loaded once here; each call goes to the test's app.
# The app and its data are kept across the examples of one operation, like a real server.
schema = schemathesis.openapi.from_dict(document())


@pytest.fixture
def world(db: Session) -> World:
    """Return a small region with a token per role."""
    return make_world(db)


@schema.parametrize()
@FUZZ
def test_api_as_mediator(case: Case[Any], app: Flask, world: World) -> None:
    case.call_and_validate(app=app, headers=bearer(world.tokens["mediator"]), checks=CHECKS)


@schema.parametrize()
@FUZZ
def test_api_as_employer(case: Case[Any], app: Flask, world: World) -> None:
    case.call_and_validate(app=app, headers=bearer(world.tokens["employer"]), checks=CHECKS)
