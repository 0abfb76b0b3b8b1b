"""Walk every route for every role: each has an explicit rule, and other roles are refused."""

import re

import pytest
from flask import Flask
from sqlalchemy.orm import Session
from werkzeug.routing import Rule

from models.settings import Settings
from tests.conftest import create_app_for, login
from tests.factories import create_claimant, create_user
from web.roles import ACCESS_RULES, PUBLIC_ENDPOINTS

ROLES = ("admin", "mediator", "employer", "claimant")


@pytest.fixture
def open_app(settings: Settings) -> Flask:
    """The app without CSRF, so POST routes reach their role check."""
    app = create_app_for(settings, WTF_CSRF_ENABLED=False)
    yield app
    app.extensions["zow.engine"].dispose()


def _url(rule: Rule) -> str:
    """Fill a rule's arguments with ids of records nobody here owns."""
    return re.sub(r"<(?:[^:<>]+:)?[^<>]+>", "999999", rule.rule)


def _ui_rules(app: Flask) -> list[Rule]:
    return [
        rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint not in PUBLIC_ENDPOINTS
        and isinstance(ACCESS_RULES.get(rule.endpoint.split(".")[0]), tuple)
    ]


def test_every_route_has_an_explicit_access_rule(open_app: Flask) -> None:
    missing = [
        rule.rule
        for rule in open_app.url_map.iter_rules()
        if rule.endpoint not in PUBLIC_ENDPOINTS and rule.endpoint.split(".")[0] not in ACCESS_RULES
    ]
    assert missing == []


def test_no_get_route_of_the_ui_changes_data(open_app: Flask) -> None:
    # A GET that changes data would be named like an action; the role blueprints use POST.
    actions = re.compile(r"/(approve|reject|delete|remove|status|outcome|decline|accept)\b")
    offenders = [
        r.rule for r in _ui_rules(open_app) if "GET" in r.methods and actions.search(r.rule)
    ]
    assert offenders == []


@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_refused_everywhere_it_does_not_belong(
    open_app: Flask, db: Session, role: str
) -> None:
    user = create_user(db, role)
    if role == "claimant":
        create_claimant(db, user_id=user.id)
    db.commit()
    client = open_app.test_client()
    assert login(client, user.email) != "/login"
    checked = 0
    for rule in _ui_rules(open_app):
        allowed = ACCESS_RULES[rule.endpoint.split(".")[0]]
        method = "GET" if "GET" in rule.methods else "POST"
        response = client.open(_url(rule), method=method)
        if role in allowed:
            # Someone else's record, or nothing at that id: never shown, never a crash.
            assert response.status_code in (200, 302, 400, 404, 405, 422), (rule.rule, response)
        else:
            assert response.status_code == 403, (role, method, rule.rule, response.status_code)
            checked += 1
    assert checked > 0


def test_anonymous_visitors_reach_no_role_page(open_app: Flask) -> None:
    client = open_app.test_client()
    for rule in _ui_rules(open_app):
        method = "GET" if "GET" in rule.methods else "POST"
        response = client.open(_url(rule), method=method)
        assert response.status_code in (302, 401), (rule.rule, response.status_code)
        if response.status_code == 302:
            assert response.location.endswith("/login")
