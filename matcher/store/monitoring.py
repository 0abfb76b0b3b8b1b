"""Who was ranked how, per monitoring group, for the fairness report."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from matcher.fairness import Person, age_band, exposure
from matcher.store.inputs import POSITIVE_OUTCOMES
from models import (
    Claimant,
    Match,
    MatchingRun,
)


def fairness_people(session: Session, *, region: str, since: dt.datetime) -> list[Person]:
    """Return the claimants of the region's runs since a moment, for the fairness report."""
    runs = session.scalars(
        select(MatchingRun).where(MatchingRun.region == region, MatchingRun.started_at >= since)
    ).all()
    ids = {int(r["claimant_id"]) for run in runs for r in run.results}
    ranks: dict[int, list[int]] = {}
    for claimant_id, rank in session.execute(
        select(Match.claimant_id, Match.rank).where(Match.run_id.in_([r.id for r in runs]))
    ):
        ranks.setdefault(claimant_id, []).append(rank or 1)
    qualified = set(
        session.scalars(
            select(Match.claimant_id).where(
                Match.claimant_id.in_(ids), Match.status.in_(POSITIVE_OUTCOMES)
            )
        )
    )
    year = dt.date.today().year
    return [
        Person(
            groups={
                "sex": str(c.monitoring.get("sex") or "onbekend"),
                "age_band": age_band(c.monitoring.get("birth_year"), year),
                "restriction": "ja" if c.restrictions else "nee",
                "municipality": c.municipality or "onbekend",
            },
            selected=c.id in ranks,
            exposure=exposure(ranks.get(c.id, [])),
            qualified=c.id in qualified,
        )
        for c in session.scalars(select(Claimant).where(Claimant.id.in_(ids)))
    ]
