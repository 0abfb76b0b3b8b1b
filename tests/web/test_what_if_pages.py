"""The claimant and the mediator see which hard limit keeps how many places out."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.factories import create_claimant, create_opportunity, create_user
from tests.web.test_auth import login


def _claimant_without_licence(db: Session) -> tuple[int, str]:
    user = create_user(db, "claimant")
    claimant = create_claimant(
        db,
        user_id=user.id,
        driving_licence=False,
        max_travel_km=10,
        hours_per_week=32,
        dutch_level="B1",
        restrictions=[],
        ladder_step=6,
    )
    for _n in range(3):
        create_opportunity(db, requires_driving_licence=True)
    create_opportunity(db)
    db.commit()
    return claimant.id, user.email


def test_claimant_reads_how_many_more_places_a_licence_opens(
    client: FlaskClient, db: Session
) -> None:
    _id, email = _claimant_without_licence(db)
    login(client, email)
    html = client.get("/mijn/").get_data(as_text=True)
    assert "Met rijbewijs B passen 3 plekken meer." in html


def test_mediator_reads_the_same_count_short(client: FlaskClient, db: Session) -> None:
    claimant_id, _email = _claimant_without_licence(db)
    mediator = create_user(db, "mediator")
    db.commit()
    login(client, mediator.email)
    html = client.get(f"/bemiddelaar/klanten/{claimant_id}").get_data(as_text=True)
    assert "Met rijbewijs B: +3." in html
