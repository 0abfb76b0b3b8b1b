"""Run records name shared opportunity snapshots and still replay exactly."""

import datetime as dt
import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matcher.runs import replay
from matcher.store.proposals import propose_for_sessions
from matcher.store.run_records import recorded_inputs
from models import MatchingRun, Opportunity, OpportunitySnapshot, SessionAttendance, WeeklySession
from tests.factories import create_claimant, create_opportunity, create_user

TODAY = dt.date(2026, 11, 23)
REGION = "gooi-en-vechtstreek"


def _week(db: Session, titles: tuple[str, ...], starts: list[dt.datetime]) -> list[int]:
    """Add one session per start with a claimant per title; return the claimant ids."""
    mediator = create_user(db, "mediator")
    ids = []
    for start in starts:
        weekly_session = WeeklySession(
            region=REGION, mediator_id=mediator.id, starts_at=start, location="Werkplein"
        )
        db.add(weekly_session)
        db.flush()
        for title in titles:
            claimant = create_claimant(
                db,
                postcode="1271",
                max_travel_km=15,
                hours_per_week=32,
                desired_occupations=[title],
                ladder_step=6,
            )
            db.add(SessionAttendance(session_id=weekly_session.id, claimant_id=claimant.id))
            ids.append(claimant.id)
    db.flush()
    return ids


def _opportunities(db: Session) -> list[Opportunity]:
    return [
        create_opportunity(db, title=title, postcode=pc4, capacity=3)
        for title, pc4 in (
            ("Kok (m/v) 32 uur", "1271"),
            ("Hulpkok", "1272"),
            ("Orderpicker / magazijnmedewerker", "1275"),
            ("Schoonmaker kantoren", "1261"),
        )
    ]


def test_a_run_replays_the_same_after_the_opportunities_changed(db: Session) -> None:
    from matcher.occupations import OccupationLinker

    _week(db, ("kok", "orderpicker"), [dt.datetime(2026, 11, 25, 10, tzinfo=dt.UTC)])
    opportunities = _opportunities(db)
    db.commit()
    run = db.get_one(MatchingRun, propose_for_sessions(db, region=REGION, today=TODAY)["runs"][0])
    db.commit()
    # The world moves on: a title is rewritten, a vacancy is filled, another one closes.
    opportunities[0].title = "Afwasser"
    opportunities[2].status = "withdrawn"
    opportunities[1].capacity = 0
    db.commit()
    inputs = recorded_inputs(db, run)
    assert [o["title"] for o in inputs["opportunities"]][:3] == [
        "Kok (m/v) 32 uur",
        "Hulpkok",
        "Orderpicker / magazijnmedewerker",
    ]
    assert replay(inputs, linker=OccupationLinker.default()) == run.results
    assert run.linker_version and "opportunities" not in run.inputs


def test_the_sessions_of_a_week_share_one_snapshot_per_opportunity(db: Session) -> None:
    starts = [dt.datetime(2026, 11, day, 10, tzinfo=dt.UTC) for day in (24, 25, 26)]
    _week(db, ("kok",), starts)
    _opportunities(db)
    db.commit()
    counts = propose_for_sessions(db, region=REGION, today=TODAY)
    db.commit()
    propose_for_sessions(db, region=REGION, today=TODAY)  # a rerun the same day
    db.commit()
    runs = db.scalars(select(MatchingRun)).all()
    assert len(counts["runs"]) == 3 and len(runs) == 6
    assert len({r.opportunity_set for r in runs}) == 1
    assert db.scalar(select(func.count()).select_from(OpportunitySnapshot)) == 4
    assert all(len(json.dumps(r.inputs)) < 2_000 for r in runs)


def test_snapshots_go_when_the_last_run_naming_them_is_removed(db: Session) -> None:
    from models.privacy import MATCHING_RUN_RETENTION, apply_retention

    _week(db, ("kok",), [dt.datetime(2026, 11, 25, 10, tzinfo=dt.UTC)])
    places = _opportunities(db)
    db.commit()
    propose_for_sessions(db, region=REGION, today=TODAY)
    db.commit()
    places[0].title = "Zelfstandig werkend kok"  # next week's run sees a changed vacancy
    db.commit()
    propose_for_sessions(db, region=REGION, today=TODAY)
    first, second = db.scalars(select(MatchingRun).order_by(MatchingRun.started_at)).all()
    first.started_at = dt.datetime.now(dt.UTC) - MATCHING_RUN_RETENTION - dt.timedelta(days=1)
    db.commit()
    second_id = second.id
    db.expunge_all()  # retention works on rows, not on the objects this test holds
    counts = apply_retention(db, now=dt.datetime.now(dt.UTC))
    db.commit()
    assert counts["opportunity_sets"] == 1 and counts["opportunity_snapshots"] == 1
    second = db.get_one(MatchingRun, second_id)
    assert [o["title"] for o in recorded_inputs(db, second)["opportunities"]][0] == (
        "Zelfstandig werkend kok"
    )
