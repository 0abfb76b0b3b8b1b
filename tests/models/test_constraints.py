"""The database itself refuses data that would corrupt the domain."""

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import Covenant, FeedSource, Pledge
from tests.factories import create_claimant, create_employer, create_opportunity, create_user


def test_duplicate_external_id_per_source_is_refused(db: Session) -> None:
    source = FeedSource(name="Werkgever X", kind="jsonld", url="http://x", region="test")
    db.add(source)
    db.flush()
    create_opportunity(db, source_id=source.id, external_id="A-1")
    db.commit()
    with pytest.raises(IntegrityError) as caught:
        create_opportunity(db, source_id=source.id, external_id="A-1")
    db.rollback()
    assert "unique" in str(caught.value.orig).lower()


def test_same_external_id_from_another_source_is_allowed(db: Session) -> None:
    one, two = (FeedSource(name=n, kind="rss", region="test") for n in ("een", "twee"))
    db.add_all([one, two])
    db.flush()
    create_opportunity(db, source_id=one.id, external_id="A-1")
    create_opportunity(db, source_id=two.id, external_id="A-1")
    db.commit()


def test_ladder_step_of_nine_is_refused(db: Session) -> None:
    create_claimant(db)
    db.commit()
    with pytest.raises(IntegrityError) as caught:
        create_claimant(db, ladder_step=9)
    db.rollback()
    assert "ladder_step" in str(caught.value.orig)


@pytest.mark.parametrize("step", [1, 6])
def test_ladder_steps_at_the_edges_are_accepted(db: Session, step: int) -> None:
    assert create_claimant(db, ladder_step=step).id


def test_negative_capacity_is_refused(db: Session) -> None:
    with pytest.raises(IntegrityError) as caught:
        create_opportunity(db, capacity=-1)
    db.rollback()
    assert "capacity_not_negative" in str(caught.value.orig)


def test_unknown_opportunity_kind_is_refused(db: Session) -> None:
    with pytest.raises(IntegrityError) as caught:
        create_opportunity(db, kind="internship")
    db.rollback()
    assert "kind_known" in str(caught.value.orig)


def test_hours_min_above_hours_max_is_refused(db: Session) -> None:
    with pytest.raises(IntegrityError) as caught:
        create_opportunity(db, hours_min=32, hours_max=16)
    db.rollback()
    assert "hours_min_le_max" in str(caught.value.orig)


def test_unknown_role_is_refused(db: Session) -> None:
    with pytest.raises(IntegrityError) as caught:
        create_user(db, "superuser")
    db.rollback()
    assert "role_known" in str(caught.value.orig)


def test_employer_account_needs_an_employer(db: Session) -> None:
    with pytest.raises(IntegrityError) as caught:
        create_user(db, "employer", employer_id=None)
    db.rollback()
    assert "employer_user_has_employer" in str(caught.value.orig)


def test_claimant_must_reference_an_existing_mediator(db: Session) -> None:
    with pytest.raises(IntegrityError):
        create_claimant(db, mediator_id=999_999)
    db.rollback()


def test_negative_pledge_is_refused(db: Session) -> None:
    employer = create_employer(db)
    covenant = Covenant(name="C", region="test", starts_on=date(2026, 1, 1))
    db.add(covenant)
    db.flush()
    db.add(Pledge(covenant_id=covenant.id, employer_id=employer.id, year=2026, placements=-2))
    with pytest.raises(IntegrityError) as caught:
        db.flush()
    db.rollback()
    assert "placements_not_negative" in str(caught.value.orig)


@pytest.mark.parametrize("restriction", ["depressie", "diabetes", "rugklachten", "Geen_tillen"])
def test_a_diagnosis_is_never_stored_as_a_restriction(db: Session, restriction: str) -> None:
    with pytest.raises(ValueError, match="functional limitation"):
        create_claimant(db, restrictions=[restriction])


def test_functional_limitations_are_stored(db: Session) -> None:
    claimant = create_claimant(db, restrictions=["geen_tillen", "beperkt_lopen"])
    assert claimant.restrictions == ["geen_tillen", "beperkt_lopen"]
