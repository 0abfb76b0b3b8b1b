"""The pre-session and retention jobs do their work when the runner starts them."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from jobs.runner import run_job
from models import Claimant, JobRun, Match, SessionAttendance, WeeklySession
from models.base import utcnow
from models.settings import Settings
from tests.factories import create_claimant, create_opportunity, create_orderpicker, create_user


def test_pre_session_job_proposes_for_this_weeks_attendees(settings: Settings, db: Session) -> None:
    claimant = create_orderpicker(db)
    create_opportunity(db, title="Orderpicker", postcode="1272", capacity=2)
    weekly_session = WeeklySession(
        region=settings.region,
        mediator_id=create_user(db, "mediator").id,
        starts_at=utcnow() + timedelta(days=2),
        location="Werkplein Huizen",
    )
    db.add(weekly_session)
    db.flush()
    db.add(SessionAttendance(session_id=weekly_session.id, claimant_id=claimant.id))
    db.commit()

    seen: list[tuple[int, int]] = []
    run = run_job(
        "pre_session", settings, slot="2026-W48", progress=lambda d, t: seen.append((d, t))
    )

    assert run is not None and run.status == "ok", run and run.error
    assert run.counts["claimants"] == 1 and run.counts["proposals"] >= 1
    matches = db.scalars(select(Match).where(Match.claimant_id == claimant.id)).all()
    assert matches and all(
        m.approved_at is None and m.session_id == weekly_session.id for m in matches
    )
    assert seen, "the job reports progress"


def test_retention_job_erases_a_claimant_whose_benefit_ended_long_ago(
    settings: Settings, db: Session
) -> None:
    old = create_claimant(db, status="ended", first_name="Oud")
    recent = create_claimant(db, status="ended", first_name="Recent")
    db.commit()
    long_ago = datetime.now(UTC) - timedelta(days=6 * 365)
    db.execute(update(Claimant).where(Claimant.id == old.id).values(updated_at=long_ago))
    db.commit()

    run = run_job("retention", settings, slot="2026-11-23T03:30")

    assert run is not None and run.status == "ok" and run.counts["claimants_erased"] == 1
    db.expire_all()
    assert db.get(Claimant, old.id).erased_at is not None  # type: ignore[union-attr]
    assert db.get(Claimant, recent.id).erased_at is None  # type: ignore[union-attr]
    assert db.scalars(select(JobRun.job)).all() == ["retention"]
