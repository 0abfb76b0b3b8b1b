"""The region's requirement table is kept per process and built again when places change."""

import datetime as dt

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from matcher.store.inputs import load_open_opportunities, load_profiles
from matcher.store.requirements import KEPT
from matcher.store.what_if import changes_for
from matcher.what_if import Change, changes
from models import Claimant, Match, Opportunity
from tests.factories import create_claimant, create_opportunity
from tests.query_count import counted_statements

REGION = "gooi-en-vechtstreek"
TODAY = dt.date(2026, 11, 23)


def _person(db: Session) -> Claimant:
    """A claimant in Huizen without a driving licence, 10 km, 24 hours, Dutch A2, no lifting."""
    return create_claimant(
        db,
        postcode="1271AB",
        max_travel_km=10,
        hours_per_week=24,
        driving_licence=False,
        dutch_level="A2",
        restrictions=["geen_tillen"],
    )


def _places(db: Session) -> list[Opportunity]:
    """Places in and around Huizen, some asking a licence, more hours or better Dutch."""
    return [
        create_opportunity(db, postcode="1271", hours_min=16),
        create_opportunity(db, postcode="1272", requires_driving_licence=True),
        create_opportunity(db, postcode="1273", requires_driving_licence=True),
        create_opportunity(db, postcode="1271", hours_min=32),
        create_opportunity(db, postcode="1274", dutch_level="B1"),
        create_opportunity(db, postcode="1211", capacity=2),  # Hilversum, within 10 km
        create_opportunity(db, postcode="1012"),  # Amsterdam: too far
        create_opportunity(db, postcode="1271", region="amsterdam"),  # another region
        # Lifting: never for this person, with or without a licence.
        create_opportunity(
            db, postcode="1272", requires_driving_licence=True, physical_demands=["tillen"]
        ),
    ]


def _uncached(db: Session, claimant_id: int) -> list[Change]:
    """The what-if count computed from the full records, as the ranking reads them."""
    profile = load_profiles(db, claimant_ids=[claimant_id])[0]
    return changes(profile, load_open_opportunities(db, region=REGION, today=TODAY), today=TODAY)


def _read(db: Session, claimant_id: int) -> list[Change]:
    return changes_for(db, claimant_id=claimant_id, region=REGION, today=TODAY)


def _more(result: list[Change]) -> dict[str, int]:
    return {change.limit: change.more for change in result}


def test_the_kept_table_counts_as_the_full_records_do(db: Session) -> None:
    person = _person(db)
    _places(db)
    db.commit()
    first, again = _read(db, person.id), _read(db, person.id)
    assert first == again == _uncached(db, person.id)
    assert _more(first) == {"driving_licence": 2, "hours_per_week": 1, "dutch_level": 1}


def test_every_change_of_places_or_capacity_shows_in_the_next_read(db: Session) -> None:
    person = _person(db)
    places = _places(db)
    db.commit()
    assert _more(_read(db, person.id))["driving_licence"] == 2

    create_opportunity(db, postcode="1271", requires_driving_licence=True)  # added
    db.commit()
    assert _more(_read(db, person.id))["driving_licence"] == 3

    places[1].status = "withdrawn"  # withdrawn
    db.commit()
    assert _more(_read(db, person.id))["driving_licence"] == 2

    other = create_claimant(db)
    db.add(Match(claimant_id=other.id, opportunity_id=places[2].id, score=0.5, status="placed"))
    db.commit()  # filled: its one seat is taken
    assert _more(_read(db, person.id))["driving_licence"] == 1

    places[2].capacity = 2  # edited: a second seat
    db.commit()
    assert _more(_read(db, person.id))["driving_licence"] == 2

    places[4].dutch_level = None  # edited: no longer asks B1
    db.commit()
    assert "dutch_level" not in _more(_read(db, person.id))

    db.delete(places[3])  # removed
    db.commit()
    assert "hours_per_week" not in _more(_read(db, person.id))
    assert _read(db, person.id) == _uncached(db, person.id)


def test_a_place_closing_by_date_counts_from_the_next_day(db: Session) -> None:
    person = _person(db)
    create_opportunity(db, postcode="1272", requires_driving_licence=True, closes_on=TODAY)
    db.commit()
    assert _more(_read(db, person.id)) == {"driving_licence": 1}
    tomorrow = changes_for(
        db, claimant_id=person.id, region=REGION, today=TODAY + dt.timedelta(days=1)
    )
    assert tomorrow == []


def test_an_unchanged_region_is_not_read_again(db: Session, engine: Engine) -> None:
    person = _person(db)
    _places(db)
    db.commit()
    with counted_statements(engine) as cold:
        _read(db, person.id)
    with counted_statements(engine) as warm:
        _read(db, person.id)
    # The warm read sends the fingerprint instead of the places.
    assert len(warm) == len(cold) - 1
    assert not any("capacity" in statement for statement in warm)


def test_a_process_keeps_a_few_regions_and_drops_the_oldest(db: Session, engine: Engine) -> None:
    person = _person(db)
    _places(db)
    db.commit()
    _read(db, person.id)
    for i in range(KEPT):
        changes_for(db, claimant_id=person.id, region=f"regio-{i}", today=TODAY)
    with counted_statements(engine) as statements:
        _read(db, person.id)
    assert any("capacity" in statement for statement in statements)  # read again
