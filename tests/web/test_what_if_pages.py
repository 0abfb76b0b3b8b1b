"""The claimant and the mediator see which hard limit keeps how many places out."""

import re

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from models import Claimant
from tests.conftest import login
from tests.factories import create_claimant, create_opportunity, create_user


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


def test_mediator_reads_short_notes_per_match_and_employer_words_leave_out_the_km(
    client: FlaskClient, db: Session
) -> None:
    from matcher.store.explanations import explanations
    from models import Match

    claimant_id, _email = _claimant_without_licence(db)
    place = create_opportunity(db, title="Kok", postcode="1251", hours_max=40)  # Laren
    claimant = db.get(Claimant, claimant_id)
    claimant.desired_occupations = ["kok"]  # type: ignore[union-attr]
    claimant.max_travel_km = 15  # type: ignore[union-attr]
    match = Match(claimant_id=claimant_id, opportunity_id=place.id, score=0.7)
    db.add(match)
    mediator = create_user(db, "mediator")
    db.commit()
    mediator_words = explanations(db, match_ids=[match.id], audience="mediator")[match.id]
    assert "Beroep past gewenst werk: kok." in mediator_words
    assert any(re.fullmatch(r"Afstand \d+\.\d km\.", w) for w in mediator_words)
    employer_words = explanations(db, match_ids=[match.id], audience="employer")[match.id]
    assert "Woont binnen reisafstand." in employer_words
    assert "Heeft ervaring met of belangstelling voor dit soort werk." in employer_words
    assert not any("km" in w for w in employer_words)
    login(client, mediator.email)
    html = client.get(f"/bemiddelaar/klanten/{claimant_id}").get_data(as_text=True)
    assert "Beroep past gewenst werk: kok." in html
