"""Retraining: learn from recorded outcomes, adopt only a model not worse than the one in use."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from matcher.feedback import NEGATIVE_FEEDBACK, POSITIVE_FEEDBACK
from matcher.linking import Linker
from matcher.occupations import OccupationLinker
from matcher.ranker import labels_from_outcomes, select_model
from matcher.store.inputs import load_profiles, record_of
from matcher.store.rankers import active_model, save_model_version
from matcher.training import pair_features
from models import Match, Opportunity
from models.settings import Settings
from models.settings import today as service_today


def retrain(
    session: Session,
    settings: Settings,
    *,
    today: dt.date | None = None,
    linker: Linker | None = None,
) -> dict[str, Any]:
    """Train on the outcomes so far and record the version chosen."""
    today = today or service_today(settings)
    outcomes = session.execute(
        select(Match.claimant_id, Match.opportunity_id, Match.status)
        .where(Match.status.in_((*POSITIVE_FEEDBACK, *NEGATIVE_FEEDBACK)))
        .order_by(Match.id)
    ).all()
    claimant_ids = sorted({c for c, _, _ in outcomes})
    # Without feedback: a pair's own outcome must not become one of its features.
    profiles = [replace(p, feedback={}) for p in load_profiles(session, claimant_ids=claimant_ids)]
    opportunities = session.scalars(
        select(Opportunity).where(Opportunity.id.in_({o for _, o, _ in outcomes}))
    )
    records = [r for o in opportunities if (r := record_of(o, capacity_left=1)) is not None]
    known = {r.id for r in records}
    pairs = [(str(c), str(o)) for c, o, _ in outcomes if str(o) in known]
    statuses = [s for _, o, s in outcomes if str(o) in known]
    linker = linker or OccupationLinker.default()
    X = pair_features(profiles, records, pairs, today=today, linker=linker)  # noqa: N806
    in_use = active_model(session)
    version = select_model(
        X.astype(np.float64),
        labels_from_outcomes(statuses),
        in_use=in_use.scorer if in_use is not None else None,
    )
    save_model_version(session, version=version, trained_on=len(pairs))
    metrics = {k: round(v, 4) for k, v in version.metrics.items() if k != "outcomes"}
    return {
        "outcomes": len(pairs),
        "version": version.version,
        "adopted": version.adopted,
        **metrics,
    }
