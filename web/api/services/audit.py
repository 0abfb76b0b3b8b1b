"""Audit records for every read or change of a claimant's data through the API."""

from collections.abc import Iterable

from sqlalchemy.orm import Session

from models import AuditEvent
from web.api.tokens import Caller


def record(
    session: Session,
    *,
    caller: Caller,
    action: str,
    object_type: str,
    object_ids: Iterable[int],
    reason: str,
) -> None:
    """Add one audit event per object: who, what, when (now) and why."""
    for object_id in object_ids:
        session.add(
            AuditEvent(
                actor_id=caller.user_id,
                actor_role=caller.role,
                action=action,
                object_type=object_type,
                object_id=str(object_id),
                reason=reason[:200],
            )
        )
