"""Session proposals: every attendee gets allocated, feasible, unapproved proposals."""

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matcher.proposals import CAPACITY_MULTIPLE, PER_CLAIMANT
from matcher.store.proposals import propose_for_session, propose_for_sessions
from models import Match, Opportunity, SessionAttendance, WeeklySession
from tests.factories import create_claimant, create_opportunity, create_orderpicker, create_user
from web.demo import load_demo

TODAY = dt.date(2026, 11, 23)
REGION = "gooi-en-vechtstreek"


def _session_with(db: Session, claimants: list[int], starts: dt.datetime) -> WeeklySession:
    mediator = create_user(db, "mediator")
    weekly_session = WeeklySession(
        region="gooi-en-vechtstreek",
        mediator_id=mediator.id,
        starts_at=starts,
        location="Werkplein Huizen",
    )
    db.add(weekly_session)
    db.flush()
    db.add_all(SessionAttendance(session_id=weekly_session.id, claimant_id=c) for c in claimants)
    db.flush()
    return weekly_session


def _orderpickers_session(db: Session, starts: dt.datetime) -> WeeklySession:
    """Add a session with three job-ready orderpickers invited."""
    return _session_with(db, [create_orderpicker(db).id for _ in range(3)], starts)


def test_proposals_respect_capacity_caps_and_hard_limits(db: Session) -> None:
    ready = [create_orderpicker(db).id for _ in range(6)]
    scarce = create_opportunity(db, title="Orderpicker", postcode="1272", capacity=1, hours_min=24)
    create_opportunity(db, title="Magazijnmedewerker", postcode="1273", capacity=5, hours_min=16)
    create_opportunity(
        db, title="Vrachtwagenchauffeur", postcode="1271", capacity=5, requires_driving_licence=True
    )
    create_opportunity(db, title="Orderpicker Utrecht", postcode="3511", capacity=5)
    starts = dt.datetime(2026, 11, 24, 10, tzinfo=dt.UTC)
    weekly_session = _session_with(db, ready, starts)
    db.commit()

    counts = propose_for_sessions(db, region=REGION, today=TODAY)
    db.commit()

    matches = db.scalars(select(Match)).all()
    assert counts["sessions"] == 1 and counts["claimants"] == 6 and matches
    titles = {m.id: db.get(Opportunity, m.opportunity_id).title for m in matches}
    assert "Vrachtwagenchauffeur" not in titles.values()  # nobody has a licence
    assert "Orderpicker Utrecht" not in titles.values()  # 30+ km away
    assert sum(m.opportunity_id == scarce.id for m in matches) <= CAPACITY_MULTIPLE * 1
    per_claimant: dict[int, int] = {}
    for m in matches:
        per_claimant[m.claimant_id] = per_claimant.get(m.claimant_id, 0) + 1
        assert (
            m.status == "proposed" and m.approved_at is None and m.session_id == weekly_session.id
        )
        assert m.reasons
    assert set(per_claimant) == set(ready)
    assert max(per_claimant.values()) <= PER_CLAIMANT


def test_two_sessions_in_one_week_share_an_opportunitys_cap(db: Session) -> None:
    only = create_opportunity(db, title="Orderpicker", postcode="1272", capacity=1)
    monday = _orderpickers_session(db, dt.datetime(2026, 11, 24, 10, tzinfo=dt.UTC))
    thursday = _orderpickers_session(db, dt.datetime(2026, 11, 26, 10, tzinfo=dt.UTC))
    db.commit()

    propose_for_sessions(db, region=REGION, today=TODAY)
    db.commit()

    proposed = db.scalars(select(Match).where(Match.opportunity_id == only.id)).all()
    assert len(proposed) == CAPACITY_MULTIPLE * 1
    assert {m.session_id for m in proposed} <= {monday.id, thursday.id}


def test_a_later_run_for_one_session_counts_proposals_others_hold(db: Session) -> None:
    only = create_opportunity(db, title="Orderpicker", postcode="1272", capacity=1)
    monday = _orderpickers_session(db, dt.datetime(2026, 11, 24, 10, tzinfo=dt.UTC))
    db.commit()
    propose_for_session(
        db, session_id=monday.id, region=REGION, started_by_id=monday.mediator_id, today=TODAY
    )
    db.commit()
    late = _orderpickers_session(db, dt.datetime(2026, 11, 26, 10, tzinfo=dt.UTC))
    db.commit()

    propose_for_session(
        db, session_id=late.id, region=REGION, started_by_id=monday.mediator_id, today=TODAY
    )
    db.commit()

    proposed = db.scalars(select(Match).where(Match.opportunity_id == only.id)).all()
    assert len(proposed) == CAPACITY_MULTIPLE * 1
    assert {m.session_id for m in proposed} == {monday.id}


def test_a_second_run_neither_doubles_nor_overwrites_settled_matches(db: Session) -> None:
    claimant = create_claimant(
        db,
        postcode="1271",
        max_travel_km=10,
        hours_per_week=32,
        driving_licence=True,
        ladder_step=6,
    )
    create_opportunity(db, title="Kok", postcode="1271", capacity=2)
    _session_with(db, [claimant.id], dt.datetime(2026, 11, 25, 10, tzinfo=dt.UTC))
    db.commit()
    propose_for_sessions(db, region=REGION, today=TODAY)
    db.commit()
    match = db.scalars(select(Match)).one()
    match.status = "interested"
    db.commit()
    propose_for_sessions(db, region=REGION, today=TODAY)
    db.commit()
    again = db.scalars(select(Match)).one()
    assert again.id == match.id and again.status == "interested"


def test_demo_region_gets_lists_for_this_weeks_session(db: Session) -> None:
    load_demo(db, today=TODAY, seed=5, with_proposals=False)
    db.commit()
    invited = db.scalar(
        select(func.count())
        .select_from(SessionAttendance)
        .join(WeeklySession, WeeklySession.id == SessionAttendance.session_id)
        .where(WeeklySession.status == "planned")
    )
    counts = propose_for_sessions(db, region=REGION, today=TODAY)
    db.commit()
    # The demo plans one session per mediator this week (Huizen and Hilversum).
    assert counts["sessions"] == 2 and counts["claimants"] == invited > 10
    assert counts["proposals"] > 0


def test_the_admin_switch_stops_automatic_matching(db: Session) -> None:
    from models.system_flag import AUTOMATIC_MATCHING, set_flag

    claimant = create_claimant(
        db,
        postcode="1271",
        max_travel_km=10,
        hours_per_week=32,
        driving_licence=True,
        ladder_step=6,
    )
    create_opportunity(db, title="Kok", postcode="1271", capacity=2)
    _session_with(db, [claimant.id], dt.datetime(2026, 11, 25, 10, tzinfo=dt.UTC))
    set_flag(db, AUTOMATIC_MATCHING, enabled=False, actor_id=None)
    db.commit()
    assert propose_for_sessions(db, region=REGION, today=TODAY)["stopped"] is True
    assert db.scalars(select(Match)).all() == []
    set_flag(db, AUTOMATIC_MATCHING, enabled=True, actor_id=None)
    assert propose_for_sessions(db, region=REGION, today=TODAY)["proposals"] == 1


def test_every_run_is_recorded_and_replays_to_the_same_ranking(db: Session) -> None:
    from matcher.occupations import OccupationLinker
    from matcher.runs import inputs_hash, replay
    from matcher.store.run_records import recorded_inputs
    from models import MatchingRun

    ids = [
        create_claimant(
            db,
            postcode="1271",
            max_travel_km=15,
            hours_per_week=32,
            desired_occupations=[title],
            ladder_step=6,
        ).id
        for title in ("kok", "orderpicker", "schoonmaker")
    ]
    for title, pc4 in (
        ("Kok", "1271"),
        ("Hulpkok", "1272"),
        ("Orderpicker", "1275"),
        ("Schoonmaker kantoren", "1261"),
        ("Magazijnmedewerker", "1211"),
    ):
        create_opportunity(db, title=title, postcode=pc4, capacity=3)
    _session_with(db, ids, dt.datetime(2026, 11, 25, 10, tzinfo=dt.UTC))
    db.commit()
    counts = propose_for_sessions(db, region=REGION, today=TODAY)
    db.commit()
    run = db.get(MatchingRun, counts["runs"][0])
    assert run is not None and run.model_version == "default" and len(run.model_hash) == 64
    assert run.input_hash == inputs_hash(run.inputs)
    assert {r["claimant_id"] for r in run.results} == {str(i) for i in ids}
    assert all(r["ranking"] for r in run.results)
    assert replay(recorded_inputs(db, run), linker=OccupationLinker.default()) == run.results
    assert "first_name" not in repr(run.inputs)  # the matcher never saw names
