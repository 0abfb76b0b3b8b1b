"""The session page at the size of a real session: queries per request and bytes per page."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from models import SessionAttendance, WeeklySession
from tests.conftest import login
from tests.e2e.scenario import Week, add_attendees, csrf_token
from tests.factories import create_claimant

# Session page: user + web session, the weekly session, the roster (3), the audit write; some slack.
MAX_QUERIES = 15


@contextmanager
def counted() -> Iterator[list[str]]:
    """Collect every SQL statement any engine runs inside the block."""
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def session_page(client: FlaskClient, weekly_session: WeeklySession) -> tuple[str, list[str]]:
    """Fetch the session page, returning its HTML and the statements it ran."""
    with counted() as statements:
        response = client.get(f"/bemiddelaar/sessies/{weekly_session.id}")
    assert response.status_code == 200
    return response.get_data(as_text=True), statements


def test_queries_per_session_page_do_not_grow_with_attendees(
    client: FlaskClient, week: Week, db: Session
) -> None:
    login(client, week.mediator.email)
    _html, few = session_page(client, week.weekly_session)
    add_attendees(db, week, count=29)
    db.commit()
    html, many = session_page(client, week.weekly_session)
    assert html.count('id="deelnemer-') == 30
    assert len(many) == len(few), "\n".join(many)
    assert len(many) <= MAX_QUERIES


def test_attendee_page_queries_do_not_grow_with_proposals(
    client: FlaskClient, week: Week, db: Session
) -> None:
    login(client, week.mediator.email)
    ids = []
    for proposals in (2, 10):
        add_attendees(db, week, count=1, proposals_each=proposals)
        db.commit()
        ids.append(db.scalars(select(func.max(SessionAttendance.id))).one())
    counts = []
    for attendance_id in ids:
        with counted() as statements:
            path = f"/bemiddelaar/sessies/{week.weekly_session.id}/deelnemers/{attendance_id}"
            assert client.get(path).status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1]


def test_session_page_for_thirty_people_stays_under_100_kb(
    client: FlaskClient, week: Week, db: Session
) -> None:
    login(client, week.mediator.email)
    add_attendees(db, week, count=29)
    db.commit()
    html, _statements = session_page(client, week.weekly_session)
    assert html.count('id="deelnemer-') == 30
    assert len(html.encode()) <= 100_000


def test_attendee_pages_walk_in_overview_order(
    client: FlaskClient, week: Week, db: Session
) -> None:
    login(client, week.mediator.email)
    add_attendees(db, week, count=3, proposals_each=1)
    db.commit()
    overview, _ = session_page(client, week.weekly_session)
    order = [int(x) for x in re.findall(r'id="deelnemer-(\d+)"', overview)]
    path = f"/bemiddelaar/sessies/{week.weekly_session.id}/deelnemers/"
    walked = [order[0]]
    while True:
        html = client.get(f"{path}{walked[-1]}").get_data(as_text=True)
        found = re.search(rf'rel="next" href="{path}(\d+)"', html)
        if not found:
            break
        walked.append(int(found.group(1)))
    assert walked == order and len(order) == 4


def test_marking_on_the_attendee_page_stays_there(
    client: FlaskClient, week: Week, db: Session
) -> None:
    login(client, week.mediator.email)
    attendance = db.scalars(select(SessionAttendance)).one()
    page = f"/bemiddelaar/sessies/{week.weekly_session.id}/deelnemers/{attendance.id}"
    token = csrf_token(client.get(page).get_data(as_text=True))
    response = client.post(
        f"/bemiddelaar/sessies/{week.weekly_session.id}/aanwezig/{attendance.id}",
        data={"csrf_token": token, "next": "deelnemer"},
    )
    assert response.headers["Location"].endswith(page)
    db.expire_all()
    assert db.get(SessionAttendance, attendance.id).attended is True  # type: ignore[union-attr]


def test_take_home_sheet_has_approved_places_and_the_next_appointment(
    client: FlaskClient, week: Week, db: Session
) -> None:
    login(client, week.mediator.email)
    attendance = db.scalars(select(SessionAttendance)).one()
    sheet = f"/bemiddelaar/sessies/{week.weekly_session.id}/deelnemers/{attendance.id}/meegeven"
    html = client.get(sheet).get_data(as_text=True)
    assert "Er zijn nog geen voorstellen goedgekeurd." in html
    assert "Uw werkcoach spreekt met u een nieuwe afspraak af." in html
    token = csrf_token(client.get("/bemiddelaar/sessies").get_data(as_text=True))
    client.post(
        f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren", data={"csrf_token": token}
    )
    later = WeeklySession(
        region=week.weekly_session.region,
        mediator_id=week.mediator.id,
        starts_at=week.weekly_session.starts_at.replace(hour=9, minute=30) + timedelta(days=7),
        location="Werkplein Hilversum",
        seats=10,
    )
    db.add(later)
    db.flush()
    db.add(SessionAttendance(session_id=later.id, claimant_id=attendance.claimant_id))
    db.add(SessionAttendance(session_id=later.id, claimant_id=create_claimant(db).id))
    db.commit()
    html = client.get(sheet).get_data(as_text=True)
    assert "Leerwerkplek magazijn" in html and "Medewerker schoonmaak" not in html
    assert "Past bij uw ervaring als orderpicker" in html  # the claimant's own words
    assert "Nog doen: Cv klaar" in html
    assert "Werkplein Hilversum" in html
    assert 'class="utrecht-theme utrecht-document printable"' in html
