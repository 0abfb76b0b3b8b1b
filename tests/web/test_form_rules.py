"""Forms keep what was typed, refuse implausible dates and over-long text with a clear reason."""

import re
from datetime import timedelta

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from models.settings import today
from tests.conftest import login
from tests.e2e.scenario import csrf_token
from tests.factories import create_employer, create_user


def _today():  # type: ignore[no-untyped-def]
    return today()


def test_planning_a_session_in_the_past_keeps_the_input(client: FlaskClient, db: Session) -> None:
    mediator = create_user(db, "mediator")
    db.commit()
    login(client, mediator.email)
    token = csrf_token(client.get("/bemiddelaar/sessies").get_data(as_text=True))
    yesterday = (_today() - timedelta(days=1)).isoformat()
    response = client.post(
        "/bemiddelaar/sessies",
        data={
            "csrf_token": token,
            "starts_at": f"{yesterday}T10:00",
            "location": "Bibliotheek Huizen",
            "seats": "9",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Deze datum ligt in het verleden" in html
    assert 'value="Bibliotheek Huizen"' in html and 'value="9"' in html
    assert f'value="{yesterday}T10:00"' in html


def test_a_closing_date_in_the_past_is_refused(client: FlaskClient, db: Session) -> None:
    employer = create_employer(db)
    user = create_user(db, "employer", employer_id=employer.id)
    db.commit()
    login(client, user.email)
    token = csrf_token(client.get("/werkgever/plaatsen/nieuw").get_data(as_text=True))
    last_week = _today() - timedelta(days=7)
    response = client.post(
        "/werkgever/plaatsen/nieuw",
        data={
            "csrf_token": token,
            "kind": "placement",
            "title": "Medewerker groenvoorziening",
            "postcode": "1271 AB",
            "capacity": "1",
            "closes_on": last_week.isoformat(),
            "status": "open",
        },
    )
    html = response.get_data(as_text=True)
    assert f"De sluitingsdatum {last_week:%d-%m-%Y} ligt in het verleden" in html
    assert 'value="Medewerker groenvoorziening"' in html


def test_text_over_the_limit_is_refused_with_its_limit_not_cut(
    client: FlaskClient, db: Session
) -> None:
    employer = create_employer(db)
    user = create_user(db, "employer", employer_id=employer.id)
    db.commit()
    login(client, user.email)
    page = client.get("/werkgever/plaatsen/nieuw").get_data(as_text=True)
    assert not re.search(r"maxlength=", page)  # a browser would cut pasted text silently
    long_title = "Medewerker " * 30  # 330 characters
    response = client.post(
        "/werkgever/plaatsen/nieuw",
        data={
            "csrf_token": csrf_token(page),
            "kind": "placement",
            "title": long_title,
            "postcode": "1271 AB",
            "capacity": "1",
            "status": "open",
        },
    )
    html = response.get_data(as_text=True)
    assert "hoogstens 300 tekens hebben; u typte er 330" in html
    assert long_title.strip() in html  # what was typed is still there, whole
