"""Retraining learns from outcomes and adopts a model only when it is not worse."""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobs.retrain import retrain
from matcher.store.rankers import active_model
from models import Match, RankerModel
from models.settings import Settings
from tests.factories import create_claimant, create_opportunity

TODAY = dt.date(2026, 11, 23)


def _outcomes(db: Session, n: int, *, signal: bool) -> None:
    """Add n outcomes; with signal, near and fitting pairs are the positive ones."""
    for i in range(n):
        near = i % 2 == 0
        claimant = create_claimant(
            db,
            postcode="1271",
            max_travel_km=30,
            hours_per_week=32,
            desired_occupations=["kok"],
            ladder_step=6,
        )
        opportunity = create_opportunity(
            db, title="Kok" if near else "Boekhouder", postcode="1271" if near else "1211"
        )
        positive = near if signal else i % 4 < 2
        db.add(
            Match(
                claimant_id=claimant.id,
                opportunity_id=opportunity.id,
                score=0.5,
                status="interested" if positive else "declined",
            )
        )
    db.commit()


def test_too_few_outcomes_keep_the_default_weights(db: Session, settings: Settings) -> None:
    _outcomes(db, 6, signal=True)
    counts = retrain(db, settings, today=TODAY)
    db.commit()
    assert counts["outcomes"] == 6 and counts["adopted"] is False
    assert active_model(db) is None
    assert db.scalars(select(RankerModel)).one().kind == "default"


def test_a_model_learned_from_enough_outcomes_is_versioned(db: Session, settings: Settings) -> None:
    _outcomes(db, 60, signal=True)
    counts = retrain(db, settings, today=TODAY)
    db.commit()
    row = db.scalars(select(RankerModel)).one()
    assert row.trained_on == 60 and len(row.params_hash) == 64
    assert {"auc_in_use", "auc_learned"} <= set(row.metrics)
    assert counts["adopted"] == (row.metrics["auc_learned"] >= row.metrics["auc_in_use"])
    assert row.active == counts["adopted"]
    if row.active:
        model = active_model(db)
        assert model is not None and model.version == row.version


def test_the_next_retraining_is_judged_against_the_model_in_use(
    db: Session, settings: Settings
) -> None:
    _outcomes(db, 60, signal=True)
    first = retrain(db, settings, today=TODAY)
    db.commit()
    assert first["adopted"] is True
    # Turn the model in use around: it now ranks the held-back outcomes backwards, while the
    # default weights still rank them well. The gate must measure the model in use.
    row = db.scalars(select(RankerModel).where(RankerModel.active.is_(True))).one()
    row.params = {**row.params, "weights": [-w for w in row.params["weights"]]}
    db.commit()
    second = retrain(db, settings, today=TODAY)
    db.commit()
    assert second["auc_in_use"] < 0.5 < first["auc_in_use"]
    assert second["adopted"] is True
