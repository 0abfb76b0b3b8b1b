"""No BSN (a 9-digit number passing the elfproef) reaches anyone but a mediator."""

import itertools
import json
import logging
import re
from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from models import Match, Opportunity
from models.privacy import export_claimant
from tests.conftest import login
from tests.factories import create_claimant, create_opportunity, create_user, give_consent
from web.api.tokens import issue_token
from web.roles import ACCESS_RULES

BSN = "111222333"  # passes the elfproef; made up
NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def elfproef(number: str) -> bool:
    """Return whether a 9-digit number passes the BSN eleven test."""
    digits = [int(d) for d in number]
    total = sum((9 - i) * d for i, d in enumerate(digits[:8])) - digits[8]
    return total % 11 == 0 and any(digits)


def bsn_like(text: str) -> list[str]:
    return [n for n in NINE_DIGITS.findall(text) if elfproef(n)]


def test_the_elfproef_recognises_a_bsn() -> None:
    assert elfproef(BSN) and not elfproef("123456789") and bsn_like(f"x {BSN} y") == [BSN]


def _world(db: Session) -> dict[str, object]:
    """A claimant with a BSN, proposed, approved and released to an employer."""
    employer_user = create_user(db, "employer")
    claimant_user = create_user(db, "claimant")
    claimant = create_claimant(db, user_id=claimant_user.id, bsn=BSN, first_name="Fatima")
    placement: Opportunity = create_opportunity(
        db, kind="placement", employer_id=employer_user.employer_id, title="Hulpkok"
    )
    now = datetime.now(UTC)
    match = Match(
        claimant_id=claimant.id,
        opportunity_id=placement.id,
        score=0.8,
        reasons=["Past bij uw ervaring"],
        status="interested",
        approved_at=now,
        released_to_employer_at=now,
    )
    db.add(match)
    give_consent(db, match, at=now)
    admin = create_user(db, "admin")
    db.commit()
    return {"employer": employer_user, "claimant": claimant_user, "admin": admin}


def _get_urls(app: Flask, role: str) -> list[str]:
    """Return the GET URLs of a role's pages, with small ids filled in."""
    urls = []
    for rule in app.url_map.iter_rules():
        allowed = ACCESS_RULES.get(rule.endpoint.split(".")[0])
        if not isinstance(allowed, tuple) or role not in allowed or "GET" not in rule.methods:
            continue
        names = sorted(rule.arguments)
        for ids in itertools.product(("1", "2"), repeat=len(names)):
            url = rule.rule
            for name, value in zip(names, ids, strict=True):
                url = re.sub(rf"<(?:[^:<>]+:)?{name}>", value, url)
            urls.append(url)
    return urls


@pytest.mark.parametrize("role", ["admin", "employer", "claimant"])
def test_no_page_of_another_role_shows_a_bsn(
    app: Flask, db: Session, role: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    users = _world(db)
    client: FlaskClient = app.test_client()
    login(client, users[role].email)  # type: ignore[attr-defined]
    urls = _get_urls(app, role)
    assert urls
    for url in urls:
        body = client.get(url).get_data(as_text=True)
        assert bsn_like(body) == [], url
    assert bsn_like("\n".join(r.getMessage() for r in caplog.records)) == []


def test_api_answers_to_employers_and_claimants_hold_no_bsn(app: Flask, db: Session) -> None:
    users = _world(db)
    client = app.test_client()
    for role in ("employer", "claimant", "admin"):
        _row, token = issue_token(db, user=users[role], name="scan")  # type: ignore[arg-type]
        db.commit()
        headers = {"Authorization": f"Bearer {token}"}
        for path in (
            "/api/v1/claimants",
            "/api/v1/matches",
            "/api/v1/opportunities",
            "/api/v1/sessions",
            "/api/v1/claimants/1",
            "/api/v1/matches/1",
        ):
            body = client.get(path, headers=headers).get_data(as_text=True)
            assert bsn_like(body) == [], (role, path)


def test_exports_hold_no_bsn(db: Session) -> None:
    _world(db)
    assert bsn_like(json.dumps(export_claimant(db, claimant_id=1), default=str)) == []
