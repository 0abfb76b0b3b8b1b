"""Explanations of stored matches for each audience, from the same facts.

A stored match keeps the claimant's sentences; the mediator's and the employer's words
are made when a page needs them, from the claimant's current profile and the place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from matcher.audiences import employer_reasons, mediator_reasons
from matcher.geo import Gazetteer
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.store.inputs import load_profiles, record_of
from models import Match, Opportunity

Audience = Literal["mediator", "employer"]
Explainer = Callable[..., list[str]]
EXPLAINERS: dict[str, Explainer] = {"mediator": mediator_reasons, "employer": employer_reasons}


def explanations(
    session: Session, *, match_ids: Sequence[int], audience: Audience
) -> dict[int, list[str]]:
    """Return, per match id, why the match fits in the words of one audience."""
    rows = session.execute(
        select(Match.id, Match.claimant_id, Opportunity)
        .join(Opportunity, Opportunity.id == Match.opportunity_id)
        .where(Match.id.in_(match_ids))
    ).all()
    profiles = {
        int(p.id): p
        for p in load_profiles(session, claimant_ids=sorted({r.claimant_id for r in rows}))
    }
    gazetteer = Gazetteer.default()
    out: dict[int, list[str]] = {}
    for match_id, claimant_id, opportunity in rows:
        record = record_of(opportunity, capacity_left=opportunity.capacity)
        profile = profiles.get(claimant_id)
        if record is None or profile is None:
            out[match_id] = []
            continue
        km = _distance(gazetteer, profile, record)
        out[match_id] = EXPLAINERS[audience](profile, record, distance_km=km)
    return out


def _distance(gazetteer: Gazetteer, claimant: ClaimantProfile, place: OpportunityRecord) -> float:
    """Return km between the two postcodes; unknown counts as out of reach."""
    try:
        return gazetteer.distance_km(claimant.postcode or "", place.postcode)
    except ValueError:
        return float("inf")
