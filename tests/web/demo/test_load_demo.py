"""The demo region: deterministic, complete, only into an empty database."""

import hashlib
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import (
    Claimant,
    Employer,
    Match,
    MatchStatusChange,
    Opportunity,
    Pledge,
    User,
    WeeklySession,
)
from web.demo import NotEmptyError, demo_logins, load_demo
from web.demo.data import EMPLOYER_JOBS, NEEDS_LICENCE, postcodes
from web.mediator.kpis import kpis

TODAY = date(2026, 11, 23)


def _fingerprint(session: Session) -> str:
    """Hash the content of the generated claimants and opportunities."""
    rows = session.execute(
        select(
            Claimant.first_name, Claimant.postcode, Claimant.ladder_step, Claimant.skills
        ).order_by(Claimant.id)
    ).all()
    rows += session.execute(
        select(Opportunity.title, Opportunity.kind, Opportunity.postcode).order_by(Opportunity.id)
    ).all()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _count(session: Session, model: type, *where: object) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_demo_fills_every_part_of_the_region(db: Session) -> None:
    logins = load_demo(db, today=TODAY, seed=1)
    db.commit()
    assert {login.role for login in logins} == {"admin", "mediator", "employer", "claimant"}
    assert {u.role for u in db.scalars(select(User))} == {
        "admin",
        "mediator",
        "employer",
        "claimant",
    }
    assert all(u.is_demo for u in db.scalars(select(User)))
    assert _count(db, Claimant) == 300
    steps = set(db.scalars(select(Claimant.ladder_step)))
    assert steps == {1, 2, 3, 4, 5, 6}
    assert _count(db, Employer) == 40
    assert _count(db, Employer, Employer.covenant_member.is_(True)) == 15
    assert _count(db, Pledge) == 30  # last year's and this year's
    kinds = dict(
        db.execute(select(Opportunity.kind, func.count()).group_by(Opportunity.kind)).all()
    )
    assert set(kinds) == {"vacancy", "placement", "coaching", "day_activity"}
    assert 700 <= sum(kinds.values()) <= 900
    assert _count(db, WeeklySession, WeeklySession.status == "held") == 2 * 26
    assert _count(db, Match, Match.status == "placed") >= 1
    # This week's attendees have proposals waiting for the mediator.
    assert _count(db, Match, Match.approved_at.is_(None), Match.session_id.is_not(None)) > 0


def test_demo_uses_real_postcodes_of_the_five_municipalities(db: Session) -> None:
    load_demo(db, today=TODAY, seed=1, with_proposals=False)
    municipalities = set(db.scalars(select(Claimant.municipality)))
    assert municipalities == {"Huizen", "Blaricum", "Laren", "Eemnes", "Hilversum"}
    known = {pc4 for pc4, _ in postcodes()}
    assert {c.postcode[:4] for c in db.scalars(select(Claimant))} <= known


def test_same_seed_gives_the_same_region(engine: object, db: Session) -> None:
    load_demo(db, today=TODAY, seed=7, with_proposals=False)
    first = _fingerprint(db)
    db.rollback()
    load_demo(db, today=TODAY, seed=7, with_proposals=False)
    assert _fingerprint(db) == first
    db.rollback()
    load_demo(db, today=TODAY, seed=8, with_proposals=False)
    assert _fingerprint(db) != first


def test_demo_refuses_a_database_that_has_data(db: Session) -> None:
    load_demo(db, today=TODAY, seed=1, with_proposals=False)
    db.commit()
    with pytest.raises(NotEmptyError):
        load_demo(db, today=TODAY, seed=1, with_proposals=False)


def test_demo_logins_match_the_accounts_created(db: Session) -> None:
    load_demo(db, today=TODAY, seed=1, with_proposals=False)
    emails = set(db.scalars(select(User.email)))
    assert {login.email for login in demo_logins()} <= emails


def test_demo_employers_post_jobs_that_belong_to_them(db: Session) -> None:
    load_demo(db, today=TODAY, seed=2, with_proposals=False)
    rows = db.execute(
        select(
            Employer.name,
            Employer.postcode,
            Opportunity.title,
            Opportunity.postcode,
            Opportunity.hours_min,
            Opportunity.hours_max,
            Opportunity.requires_driving_licence,
        ).join(Opportunity, Opportunity.employer_id == Employer.id)
    ).all()
    assert len(rows) > 600
    for employer, employer_pc, title, pc, low, high, licence in rows:
        job = title.split(" (")[0].lower()
        assert job in EMPLOYER_JOBS[employer], (employer, title)
        assert pc == employer_pc and f"({low}-{high} uur)" in title
        assert licence == (job in NEEDS_LICENCE)
    supermarket = {t.split(" (")[0] for e, _p, t, *_ in rows if e == "Supermarkt Laren"}
    assert supermarket and "Loodgieter" not in supermarket


def test_demo_history_keeps_the_approach_s_promise(db: Session) -> None:
    load_demo(db, today=TODAY, seed=2, with_proposals=False)
    figures = kpis(db, region="gooi-en-vechtstreek")
    assert figures.wait_days_median is not None and figures.wait_days_median <= 7
    within_a_week = dict(figures.wait_buckets)["0-7"]
    assert within_a_week >= 0.75 * sum(n for _label, n in figures.wait_buckets)
    assert len(figures.outflow_per_month) >= 4  # placements spread over months, not one day
    assert all(n > 0 for _stage, n in figures.funnel)
    assert len(figures.placements_per_employer) >= 8
    # Nothing happened after today.
    latest = db.scalar(select(func.max(MatchStatusChange.at)))
    assert latest is not None and latest.date() <= TODAY
