"""Posting the mediator's forms and reading back what they changed."""

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import MatchStatusChange, SessionAttendance
from tests.e2e.scenario import Week, csrf_token


def post(client: FlaskClient, path: str, **data: str) -> str:
    """Post a mediator form (with a CSRF token) and return the page it ends on."""
    token = csrf_token(client.get("/bemiddelaar/sessies").get_data(as_text=True))
    response = client.post(path, data={"csrf_token": token, **data}, follow_redirects=True)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def changes(db: Session, match_id: int) -> list[MatchStatusChange]:
    """Return a match's status history, oldest first, as the database has it now."""
    db.expire_all()
    return list(
        db.scalars(
            select(MatchStatusChange)
            .where(MatchStatusChange.match_id == match_id)
            .order_by(MatchStatusChange.id)
        )
    )


def attendee_page(client: FlaskClient, week: Week, db: Session) -> str:
    """Open Fatima's page of the session, as the mediator does from the overview."""
    attendance = db.scalars(select(SessionAttendance)).one()
    path = f"/bemiddelaar/sessies/{week.weekly_session.id}/deelnemers/{attendance.id}"
    overview = client.get(f"/bemiddelaar/sessies/{week.weekly_session.id}").get_data(as_text=True)
    assert f'href="{path}">Fatima Kaya</a>' in overview
    return client.get(path).get_data(as_text=True)
