"""Read what the what-if count needs for one claimant: their profile and the open places."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from matcher.geo import Gazetteer
from matcher.store.inputs import load_profiles
from matcher.store.requirements import requirement_table
from matcher.what_if import Change, changes_in


def changes_for(session: Session, *, claimant_id: int, region: str, today: dt.date) -> list[Change]:
    """Return per hard limit how many more of the region's open places would fit."""
    profiles = load_profiles(session, claimant_ids=[claimant_id])
    if not profiles or profiles[0].postcode is None:
        return []
    table = requirement_table(session, region=region, today=today)
    return changes_in(profiles[0], table, Gazetteer.default())
