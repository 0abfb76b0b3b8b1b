"""No N+1: a page sends as many SQL statements for ten rows as for two."""

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from matcher.store.requirements import forget as forget_requirement_tables
from models import Match, SessionAttendance, User
from tests.conftest import login
from tests.e2e.scenario import Week, build_week
from tests.factories import create_claimant, create_opportunity, create_user
from tests.query_count import counted_statements

PAGES = {
    "mediator": [
        "/bemiddelaar/",
        "/bemiddelaar/klanten/{claimant}",
        "/bemiddelaar/sessies",
        "/bemiddelaar/sessies/{weekly_session}",
        "/bemiddelaar/sessies/{weekly_session}/scherm",
        "/bemiddelaar/sessies/{weekly_session}/agenda",
        "/bemiddelaar/aanbod",
        "/bemiddelaar/kpi",
    ],
    "employer": ["/werkgever/", "/werkgever/kandidaten"],
    "claimant": ["/mijn/"],
    "admin": ["/beheer/", "/beheer/imports", "/beheer/taken", "/beheer/bronnen", "/toezicht/"],
}


def _grow(db: Session, week: Week, n: int) -> None:
    """Add n attendees with proposals, and n of the employer's places with candidates."""
    attendee = week.proposal.claimant_id
    for i in range(n):
        person = create_claimant(
            db, mediator_id=week.mediator.id, skills=["kassa"], max_travel_km=10
        )
        db.add(SessionAttendance(session_id=week.weekly_session.id, claimant_id=person.id))
        place = create_opportunity(
            db,
            kind="placement",
            title=f"Leerwerkplek {i} (m/v)",
            employer_id=week.employer_user.employer_id,
            employer_name="Magazijn Gooi BV",
        )
        for claimant, opportunity in ((person.id, place.id), (attendee, place.id)):
            db.add(
                Match(
                    claimant_id=claimant,
                    opportunity_id=opportunity,
                    session_id=week.weekly_session.id,
                    score=0.5 + i / 100,
                    reasons=["Dicht bij huis"],
                )
            )
    db.commit()


def _counter(app: Flask, client: FlaskClient) -> Callable[[str], tuple[int, int]]:
    def once(url: str) -> int:
        with counted_statements(app.extensions["zow.engine"]) as statements:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return len(statements)

    def count(url: str) -> tuple[int, int]:
        """Count a first request (nothing kept in the process) and one after it."""
        forget_requirement_tables()
        return once(url), once(url)

    return count


def _login_as(client: FlaskClient, db: Session, week: Week, role: str) -> None:
    users: dict[str, User] = {
        "mediator": week.mediator,
        "employer": week.employer_user,
        "claimant": week.claimant_user,
    }
    user = users.get(role) or create_user(db, role)
    db.commit()
    login(client, user.email)


@pytest.mark.parametrize("role", sorted(PAGES))
def test_pages_send_as_many_statements_for_ten_rows_as_for_two(
    app: Flask, client: FlaskClient, db: Session, role: str
) -> None:
    week = build_week(db, seats=40)
    _grow(db, week, 2)
    _login_as(client, db, week, role)
    count = _counter(app, client)
    urls = [
        u.format(claimant=week.proposal.claimant_id, weekly_session=week.weekly_session.id)
        for u in PAGES[role]
    ]
    few = {url: count(url) for url in urls}
    _grow(db, week, 8)
    many = {url: count(url) for url in urls}
    assert many == few
