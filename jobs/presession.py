"""Pre-session match lists: the scheduled job around matcher.store.proposals."""

from __future__ import annotations

from typing import Any

from jobs.context import JobContext
from matcher.store.proposals import propose_for_sessions
from models.db import transaction
from models.settings import today


def prepare_session_lists(context: JobContext) -> dict[str, Any]:
    """Store proposals for everyone invited to the region's sessions of the coming week."""
    with transaction(context.sessions) as session:
        return propose_for_sessions(
            session,
            region=context.settings.region,
            today=today(context.settings),
            progress=context.progress,
        )
