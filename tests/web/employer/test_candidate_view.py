"""One rule for what an employer sees: the candidate page and the API agree field by field."""

import re
from collections.abc import Iterator
from html import unescape
from itertools import count

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from models import Match, Opportunity
from models.workflow import create, standing_consent
from tests.conftest import login
from tests.factories import create_claimant, create_opportunity, create_user
from tests.web.api.helpers import World, bearer, make_world, token_for

# Fields the API gives beside what the page shows as a value (identifiers and dates).
META = {"match_id", "opportunity_id", "released_at"}
_FIELD = re.compile(r'data-field="([a-z_]+)" data-value="([^"]*)"')
_numbers = count(1)


@pytest.fixture
def world(db: Session) -> World:
    return make_world(db)


def _page_fields(html: str, match_id: int) -> dict[str, str]:
    """Return the data-field values of one candidate on the employer's page."""
    start = html.index(f'id="kandidaat-{match_id}"')
    end = html.find("</article>", start)
    return {name: unescape(value) for name, value in _FIELD.findall(html[start:end])}


def _as_page_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    return str(value)


def _employer_page(client: FlaskClient) -> str:
    return client.get("/werkgever/kandidaten").get_data(as_text=True)


def _api_candidate(client: FlaskClient, world: World, match_id: int) -> dict[str, object]:
    body = client.get(f"/api/v1/matches/{match_id}", headers=bearer(world.tokens["employer"]))
    assert body.status_code == 200
    candidate = body.get_json()["candidate"]
    assert isinstance(candidate, dict)
    return candidate


def _compare(client: FlaskClient, web: FlaskClient, world: World, match_id: int) -> None:
    api = _api_candidate(client, world, match_id)
    page = _page_fields(_employer_page(web), match_id)
    shown = {k for k in api if k not in META}
    # The page shows email only when there is one; every other field always.
    assert set(page) == shown - ({"email"} if api["email"] is None else set())
    for name in page:
        assert page[name] == _as_page_value(api[name]), name


def test_page_and_api_show_the_same_candidate_before_and_after_consent(
    client: FlaskClient, app: Flask, db: Session, world: World
) -> None:
    claimant = world.own_claimant
    claimant.work_history = [
        {"title": "Orderpicker", "years": 3, "employer": "Bol.com"},
        {"title": "Kassamedewerker", "years": 2},
    ]
    claimant.education_level, claimant.dutch_level = "mbo2", "B1"
    claimant.hours_per_week, claimant.postcode, claimant.max_travel_km = 24, "1271AB", 10
    world.placement.postcode = "1271AC"
    db.commit()
    web = app.test_client()
    login(web, world.employer.email)
    _compare(client, web, world, world.released.id)
    api = _api_candidate(client, world, world.released.id)
    assert api["experience"] == ["Kassamedewerker", "Orderpicker"]
    assert (api["education_band"], api["distance_band"], api["name"]) == (
        "middelbaar",
        "binnen_reisafstand",
        None,
    )
    text = str(api) + _employer_page(web)
    for secret in ("Bol.com", "geen_tillen", "Fatima", "mbo2", "111222333"):
        assert secret not in text, secret
    claimant_token = world.tokens["claimant"]
    client.post(
        f"/api/v1/matches/{world.released.id}/interest",
        json={"interested": True},
        headers=bearer(claimant_token),
    )
    _compare(client, web, world, world.released.id)
    assert _api_candidate(client, world, world.released.id)["name"] == "Fatima Kaya"


def test_an_employer_cannot_filter_matches_by_claimant_or_session(
    client: FlaskClient, world: World
) -> None:
    headers = bearer(world.tokens["employer"])
    for query in (f"claimant_id={world.own_claimant.id}", f"session_id={world.weekly_session.id}"):
        response = client.get(f"/api/v1/matches?{query}", headers=headers)
        assert response.status_code == 400, query
    assert client.get("/api/v1/matches?status=proposed", headers=headers).status_code == 200
    # Mediators keep the filter.
    mediator = bearer(world.tokens["mediator"])
    response = client.get(f"/api/v1/matches?claimant_id={world.own_claimant.id}", headers=mediator)
    assert response.status_code == 200


# Every action a person can take through the API or the pages, with its role.
ACTIONS = st.sampled_from(
    [
        ("mediator", "approve", {}),
        ("mediator", "release", {}),
        ("mediator", "status", {"to_status": "interested", "reason_code": "in_sessie"}),
        ("mediator", "status", {"to_status": "declined", "reason_code": "anders"}),
        ("mediator", "status", {"to_status": "rejected", "reason_code": "anders"}),
        ("mediator", "status", {"to_status": "closed", "reason_code": "vervallen"}),
        ("claimant", "interest", {"interested": True}),
        ("claimant", "interest", {"interested": False}),
        ("claimant", "consent", {"given": True}),
        ("claimant", "consent", {"given": False}),
        ("employer", "answer", {"decision": "interview"}),
        ("employer", "answer", {"decision": "reject", "reason_code": "anders"}),
        (
            "employer",
            "answer",
            {
                "decision": "placed",
                "start_on": "2026-12-07",
                "hours_per_week": 20,
                "contract": "oproep",
            },
        ),
        ("employer", "answer", {"decision": "no_show", "reason_code": "ziek"}),
        ("system", "expire", {}),
    ]
)


NAMED_START = (
    ("mediator", "approve", {}),
    ("mediator", "release", {}),
    ("claimant", "interest", {"interested": True}),
)


@pytest.fixture
def actors(app: Flask, db: Session, world: World) -> Iterator[dict[str, object]]:
    web = app.test_client()
    login(web, world.employer.email)
    yield {"web": web}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(start_named=st.booleans(), steps=st.lists(ACTIONS, min_size=1, max_size=8))
def test_no_sequence_of_actions_shows_identity_without_standing_consent(
    client: FlaskClient,
    db: Session,
    world: World,
    actors: dict[str, object],
    start_named: bool,
    steps: list[tuple[str, str, dict[str, object]]],
) -> None:
    if start_named:
        # Half the runs start where the employer rightly sees the name, so ending it is tried.
        steps = [NAMED_START[0], NAMED_START[1], NAMED_START[2], *steps]
    n = next(_numbers)
    user = create_user(db, "claimant")
    claimant = create_claimant(
        db,
        first_name=f"Naam{n}",
        last_name=f"Achternaam{n}",
        user_id=user.id,
        email=f"naam{n}@example.org",
    )
    place = create_opportunity(db, kind="placement", employer_id=world.employer.employer_id)
    match = Match(claimant_id=claimant.id, opportunity_id=place.id, score=0.5)
    create(db, match=match, role="system", actor_id=None, reason_code="matching_run")
    tokens = {"claimant": token_for(db, user), **world.tokens}
    db.commit()
    web = actors["web"]
    assert isinstance(web, FlaskClient)
    for role, action, body in steps:
        if action == "expire":
            db.get(Opportunity, place.id).status = "expired"  # type: ignore[union-attr]
            db.commit()
        else:
            path = f"/api/v1/matches/{match.id}/{action}"
            response = client.post(path, json=body, headers=bearer(tokens[role]))
            assert response.status_code in (200, 404, 409, 422), (action, response.get_json())
        db.expire_all()
        current = db.get(Match, match.id)
        assert current is not None
        consent = standing_consent(db, match_id=match.id) is not None
        allowed = consent and current.released_to_employer_at is not None
        api = client.get("/api/v1/matches", headers=bearer(tokens["employer"])).get_data(True)
        page = web.get("/werkgever/kandidaten").get_data(as_text=True)
        place_open = db.get(Opportunity, place.id).status == "open"  # type: ignore[union-attr]
        should_show = allowed and (
            current.status == "placed"
            or (
                current.status in ("proposed", "discussed", "interested", "applied", "interview")
                and place_open
            )
        )
        for seen in (api, page):
            assert (f"Naam{n}" in seen) is should_show, (steps, current.status)
