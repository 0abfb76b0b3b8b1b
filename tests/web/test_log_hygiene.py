"""No log line carries a value a user typed into a personal-data field.

Marked values go through every form on every page each role can reach, and through every
API write; then everything logged (any logger, any level) and everything written to the
process's standard output and error is searched for the mark.
"""

import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import BytesIO

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from models.settings import Settings
from tests.conftest import create_app_for, login
from tests.e2e.scenario import build_week
from tests.factories import create_user
from tests.web.api.helpers import bearer, make_world
from web.api import ROLES_BY_ENDPOINT
from web.api.specs import CLAIMANT_EXAMPLE
from web.roles import ACCESS_RULES

MARK = "zzgeheim"
ROLES = ("admin", "mediator", "employer", "claimant")


def marked(name: str) -> str:
    """Return a value a person might type, carrying the mark."""
    if "mail" in name:
        return f"{MARK}.{name}@example.org"
    return f"{MARK} {name} Fatima Kaya, burn-out, 1234 AB, 06-12345678"


@dataclass
class Form:
    """One form on a page: where it goes and what it sends."""

    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


class FormFinder(HTMLParser):
    """Collect the forms of a page, with every field filled: free text gets the mark."""

    def __init__(self, page_url: str) -> None:
        super().__init__()
        self.page_url = page_url
        self.forms: list[Form] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = values.get("action") or self.page_url
            self.forms.append(Form(action, values.get("method", "get").lower()))
            return
        if not self.forms:
            return
        form, name = self.forms[-1], values.get("name", "")
        if tag == "input" and name:
            kind = values.get("type", "text")
            if kind == "file":
                form.files.append(name)
            elif kind in ("hidden", "submit"):
                form.fields.setdefault(name, values.get("value", ""))
            elif kind in ("checkbox", "radio"):
                form.fields.setdefault(name, values.get("value", "y"))
            else:
                form.fields[name] = marked(name)
        elif tag == "textarea" and name:
            form.fields[name] = marked(name)
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and self._select not in form.fields:
            form.fields[self._select] = values.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def _pages(app: Flask, role: str, ids: dict[str, int]) -> list[str]:
    """Return the GET pages of the role's blueprints, ids filled from the world."""
    pages = []
    for rule in app.url_map.iter_rules():
        allowed = ACCESS_RULES.get(rule.endpoint.split(".")[0])
        if not isinstance(allowed, tuple) or role not in allowed or "GET" not in rule.methods:
            continue
        pages.append(re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: str(ids.get(m[1], 1)), rule.rule))
    return pages


def _submit_every_form(client: FlaskClient, pages: list[str]) -> int:
    sent = 0
    for page in pages:
        response = client.get(page)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        finder = FormFinder(page)
        finder.feed(response.get_data(as_text=True))
        for form in finder.forms:
            if form.method != "post" or form.action.startswith(("/logout", "/taal")):
                continue
            data: dict[str, object] = dict(form.fields)
            for name in form.files:
                csv = f"klantnummer;voornaam;achternaam;email\n{MARK}-1;{MARK};Kaya;x@y.nl\n"
                data[name] = (BytesIO(csv.encode()), "klanten.csv")
            client.post(form.action, data=data, content_type="multipart/form-data")
            sent += 1
    return sent


@pytest.fixture
def open_app(settings: Settings) -> Flask:
    """The app without CSRF, so every form can be sent as a person would fill it."""
    app = create_app_for(settings, WTF_CSRF_ENABLED=False)
    yield app
    app.extensions["zow.engine"].dispose()


def _assert_unmarked(caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> None:
    logged = [
        "\n".join((record.getMessage(), record.exc_text or "", str(record.args)))
        for record in caplog.records
    ]
    out, err = capfd.readouterr()
    assert [line for line in logged if MARK in line.lower()] == []
    assert MARK not in out.lower() and MARK not in err.lower()


def test_no_form_value_reaches_the_logs(
    open_app: Flask,
    db: Session,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    week = build_week(db)
    admin = create_user(db, "admin")
    db.commit()
    ids = {
        "claimant_id": week.proposal.claimant_id,
        "match_id": week.proposal.id,
        "session_id": week.weekly_session.id,
        "group_id": week.weekly_session.id,
        "opportunity_id": week.placement.id,
        "user_id": week.claimant_user.id,
    }
    users = {
        "admin": admin,
        "mediator": week.mediator,
        "employer": week.employer_user,
        "claimant": week.claimant_user,
    }
    caplog.set_level(logging.DEBUG)
    sent = 0
    for role in ROLES:
        client = open_app.test_client()
        assert login(client, users[role].email) != "/login"
        sent += _submit_every_form(client, _pages(open_app, role, ids))
    # The login form itself, with a marked name and password.
    anonymous = open_app.test_client()
    anonymous.post("/login", data={"email": marked("email"), "password": marked("password")})
    assert sent >= 8  # intake, profile, preferences, proposals, import, admin forms, ...
    _assert_unmarked(caplog, capfd)


def _bodies(endpoint: str) -> list[dict[str, object]]:
    """Return marked bodies for an API write: one that passes validation, one that fails."""
    note = marked("note")
    return {
        "api.create_claimant": [
            {**CLAIMANT_EXAMPLE, "client_number": "K-77", "first_name": note, "notes": note},
            {**CLAIMANT_EXAMPLE, "client_number": "K-78", "restrictions": [note]},
            {**CLAIMANT_EXAMPLE, "email": note, "bsn": note, "postcode": note},
        ],
        "api.create_opportunity": [
            {"kind": "placement", "title": note, "postcode": "1211", "description": note},
            {"kind": note, "title": note, "postcode": note},
        ],
        "api.update_opportunity": [{"description": note}, {"postcode": note, "status": note}],
        "api.change_match_status": [
            {"to_status": "discussed", "reason_code": "gesprek", "note": note},
            {"to_status": note, "reason_code": note},
        ],
        "api.approve_match": [{"reason_code": "ok", "note": note}, {"note": [note]}],
        "api.release_match": [{}, {"note": note}],
        "api.mark_interest": [{"interested": True}, {"interested": note, "reason_code": note}],
        "api.answer_match": [{"accept": False, "reason_code": note}, {"accept": note}],
    }.get(endpoint, [{"anything": note}])


def test_no_api_write_value_reaches_the_logs(
    app: Flask,
    db: Session,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    world = make_world(db)
    ids = {
        "match_id": world.released.id,
        "opportunity_id": world.placement.id,
        "claimant_id": world.own_claimant.id,
        "session_id": world.weekly_session.id,
    }
    client = app.test_client()
    caplog.set_level(logging.DEBUG)
    sent = 0
    for rule in app.url_map.iter_rules():
        writes = rule.methods & {"POST", "PATCH", "PUT"}
        if not rule.endpoint.startswith("api.") or not writes:
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: str(ids.get(m[1], 1)), rule.rule)
        for role in ROLES_BY_ENDPOINT.get(rule.endpoint, ()):
            for body in _bodies(rule.endpoint):
                client.open(
                    path, method=sorted(writes)[0], json=body, headers=bearer(world.tokens[role])
                )
                sent += 1
    assert sent >= 15
    _assert_unmarked(caplog, capfd)
