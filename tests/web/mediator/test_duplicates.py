"""A mediator sees which vacancies were merged, why, and can split a wrong merge."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import login
from tests.e2e.scenario import build_week, csrf_token
from tests.factories import create_opportunity


def test_a_mediator_splits_a_wrong_merge(client: FlaskClient, db: Session) -> None:
    week = build_week(db)
    kept = create_opportunity(db, title="Kok", employer_name="Hotel A", municipality="Huizen")
    merged = create_opportunity(
        db,
        title="Kok (m/v)",
        employer_name="Hotel A",
        status="duplicate",
        duplicate_of_id=kept.id,
        status_reason="Dubbel met vacature: zelfde werkgever",
    )
    db.commit()
    login(client, week.mediator.email)
    page = client.get("/bemiddelaar/vacatures/dubbel").get_data(as_text=True)
    assert "Kok (m/v)" in page and "zelfde werkgever" in page
    response = client.post(
        f"/bemiddelaar/vacatures/{merged.id}/splitsen", data={"csrf_token": csrf_token(page)}
    )
    assert response.status_code == 302
    db.expire_all()
    assert merged.status == "open" and merged.duplicate_of_id is None
    assert merged.not_duplicate_of == [kept.id] and kept.not_duplicate_of == [merged.id]
    again = client.post(
        f"/bemiddelaar/vacatures/{merged.id}/splitsen", data={"csrf_token": csrf_token(page)}
    )
    assert again.status_code == 404  # nothing left to split
