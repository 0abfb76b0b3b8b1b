"""Read what the what-if count needs for one claimant: their profile and the open places."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from matcher.store.inputs import load_open_opportunities, load_profiles
from matcher.what_if import Change, changes


def changes_for(session: Session, *, claimant_id: int, region: str, today: dt.date) -> list[Change]:
    """Return per hard limit how many more of the region's open places would fit."""
    profiles = load_profiles(session, claimant_ids=[claimant_id])
    if not profiles:
        return []
    places = load_open_opportunities(session, region=region, today=today)
    return changes(profiles[0], places, today=today)
