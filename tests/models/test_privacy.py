"""Access, erasure and retention of a claimant's data."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Column, ForeignKey, Integer, String, Table, select
from sqlalchemy.orm import Session

from models import AuditEvent, Base, Claimant, LoginFailure, Match, MatchStatusChange, WebSession
from models.privacy import CLAIMANT_RETENTION, apply_retention, erase_claimant, export_claimant
from tests.factories import create_claimant, create_opportunity, create_user

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def _claimant_with_history(db: Session) -> Claimant:
    user = create_user(db, "claimant")
    claimant = create_claimant(
        db,
        user_id=user.id,
        first_name="Fatima",
        email="f@example.org",
        bsn="111222333",
        skills=["koken"],
    )
    other = create_claimant(db, first_name="Kees")
    for owner in (claimant, other):
        match = Match(
            claimant_id=owner.id,
            opportunity_id=create_opportunity(db).id,
            score=0.7,
            reasons=["Past bij uw ervaring als kok"],
            status="interested",
        )
        db.add(match)
        db.flush()
        db.add(MatchStatusChange(match_id=match.id, to_status="interested", note="belt zelf"))
    db.add(WebSession(token_hash="a" * 64, user_id=user.id))
    db.add(AuditEvent(action="read", object_type="claimant", object_id=str(claimant.id)))
    db.commit()
    return claimant


def test_export_holds_everything_about_the_claimant_and_nothing_else(db: Session) -> None:
    claimant = _claimant_with_history(db)
    export = export_claimant(db, claimant_id=claimant.id)
    assert export["claimants"][0]["first_name"] == "Fatima"
    assert [m["claimant_id"] for m in export["matches"]] == [claimant.id]
    assert len(export["match_status_changes"]) == 1  # two levels down the foreign keys
    assert len(export["web_sessions"]) == 1 and len(export["audit_events_about_you"]) == 1
    assert export["users"][0]["id"] == claimant.user_id
    text = repr(export)
    assert "Kees" not in text
    assert "password_hash" not in text and "token_hash" not in text


@pytest.fixture
def new_table(engine: object, db: Session) -> Iterator[Table]:
    """A table someone adds later, pointing at claimants."""
    table = Table(
        "claimant_diary_test",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("claimant_id", ForeignKey("claimants.id")),
        Column("text", String(50)),
    )
    table.create(engine)  # type: ignore[arg-type]
    yield table
    db.rollback()  # PostgreSQL's DROP waits for the test's open transaction otherwise
    table.drop(engine)  # type: ignore[arg-type]
    Base.metadata.remove(table)


def test_a_new_table_cannot_be_forgotten(db: Session, new_table: Table) -> None:
    claimant = _claimant_with_history(db)
    db.execute(new_table.insert().values(claimant_id=claimant.id, text="gesprek"))
    db.commit()
    export = export_claimant(db, claimant_id=claimant.id)
    assert export["claimant_diary_test"] == [
        {"id": 1, "claimant_id": claimant.id, "text": "gesprek"}
    ]


def test_erasure_anonymises_and_keeps_only_what_the_law_requires(db: Session) -> None:
    claimant = _claimant_with_history(db)
    user_id = claimant.user_id
    erase_claimant(db, claimant_id=claimant.id)
    db.commit()
    db.expire_all()
    export = repr(export_claimant(db, claimant_id=claimant.id))
    for personal in ("Fatima", "f@example.org", "111222333", "koken", "belt zelf", "ervaring"):
        assert personal not in export
    row = db.get(Claimant, claimant.id)
    assert row is not None and row.erased_at is not None and row.user_id is None
    assert db.scalars(select(WebSession).where(WebSession.user_id == user_id)).all() == []
    # Kept: the outcome for outflow statistics and the audit trail (legal obligation).
    assert (
        db.scalars(select(Match.status).where(Match.claimant_id == claimant.id)).one()
        == "interested"
    )
    assert db.scalars(select(AuditEvent)).all()
    assert "Kees" in repr(db.scalars(select(Claimant.first_name)).all())


def test_retention_erases_old_files_and_logs_with_a_frozen_clock(db: Session) -> None:
    old = create_claimant(db, status="outflow", first_name="Oud")
    recent = create_claimant(db, status="outflow", first_name="Recent")
    active = create_claimant(db, first_name="Actief")
    db.add(LoginFailure(user_id=None, origin_hash="x", at=NOW - timedelta(days=31)))
    db.add(LoginFailure(user_id=None, origin_hash="y", at=NOW - timedelta(days=1)))
    db.commit()
    old.updated_at = NOW - CLAIMANT_RETENTION - timedelta(days=1)
    recent.updated_at = NOW - CLAIMANT_RETENTION + timedelta(days=1)
    active.updated_at = NOW - 2 * CLAIMANT_RETENTION
    db.commit()
    counts = apply_retention(db, now=NOW)
    db.commit()
    names = set(db.scalars(select(Claimant.first_name)))
    assert names == {"Verwijderd", "Recent", "Actief"}
    assert counts["claimants_erased"] == 1 and counts["login_failures"] == 1
    assert apply_retention(db, now=NOW)["claimants_erased"] == 0  # erased once, not again


def test_recorded_runs_are_exported_and_scrubbed_on_erasure(db: Session) -> None:
    from models import MatchingRun

    claimant = _claimant_with_history(db)
    key = str(claimant.id)
    db.add(
        MatchingRun(
            id="r1",
            region="test",
            model_version="default",
            model_hash="0" * 64,
            input_hash="1" * 64,
            inputs={"claimants": [{"id": key, "skills": ["koken"]}, {"id": "x"}]},
            results=[{"claimant_id": key, "ranking": []}, {"claimant_id": "x", "ranking": []}],
        )
    )
    db.commit()
    export = export_claimant(db, claimant_id=claimant.id)
    assert export["matching_runs_about_you"][0]["profile"] == [{"id": key, "skills": ["koken"]}]
    erase_claimant(db, claimant_id=claimant.id)
    db.commit()
    run = db.get(MatchingRun, "r1")
    assert run is not None and key not in repr(run.inputs) and key not in repr(run.results)
    assert run.inputs["claimants"] == [{"id": "x"}]


def test_retention_deletes_rows_the_session_holds_loaded(db: Session) -> None:
    from models import MatchingRun
    from models.privacy import MATCHING_RUN_RETENTION

    # A run recorded, then aged past its retention while this session holds it loaded:
    # the delete must not compare the loaded (on SQLite naive) times with an aware `now`.
    for run_id in ("old", "new"):
        db.add(
            MatchingRun(
                id=run_id,
                region="test",
                model_version="default",
                model_hash="0" * 64,
                input_hash="1" * 64,
                inputs={},
                results=[],
                started_at=NOW,
            )
        )
    db.add(LoginFailure(user_id=None, origin_hash="x", at=NOW - timedelta(days=31)))
    db.commit()
    old = db.get(MatchingRun, "old")
    assert old is not None
    old.started_at = NOW - MATCHING_RUN_RETENTION - timedelta(days=1)
    db.commit()
    held = db.scalars(select(MatchingRun)).all() + db.scalars(select(LoginFailure)).all()
    assert len(held) == 3  # loaded into the session, not expired
    counts = apply_retention(db, now=NOW)
    db.commit()
    assert counts["matching_runs"] == 1 and counts["login_failures"] == 1
    assert set(db.scalars(select(MatchingRun.id))) == {"new"}
