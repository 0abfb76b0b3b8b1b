"""Pre-session match lists: the scheduled job around matcher.proposals."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from matcher.proposals import Progress, propose_for_sessions
from models.settings import Settings


def prepare_session_lists(
    session: Session, settings: Settings, progress: Progress | None = None
) -> dict[str, Any]:
    """Store proposals for everyone invited to the region's sessions of the coming week."""
    return propose_for_sessions(session, region=settings.region, progress=progress)
