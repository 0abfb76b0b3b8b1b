"""Small helpers every API view uses: the audit reason, the clock, 404."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from flask import abort, current_app, request
from sqlalchemy.orm import Session

from models.settings import today as service_today
from web.api.services.audit import record
from web.api.tokens import Caller

ID = "id"


def audit_reason() -> str:
    """Return why data was read: the endpoint and the caller's stated purpose, if any."""
    raw = request.headers.get("X-Purpose", "")
    purpose = "".join(char for char in raw if char.isprintable()).strip()
    reason = f"api {request.method} {request.path}"
    return f"{reason}: {purpose}" if purpose else reason


def today() -> date:
    """Return the service's today (models.settings.today: ZOW_TODAY or Amsterdam's date)."""
    return service_today(current_app.config["SETTINGS"])


def found(value: Any) -> Any:
    """Return the value, or answer 404 when it is None (someone else's or missing)."""
    if value is None:
        abort(404)
    return value


def audit(
    db: Session, caller: Caller, object_type: str, ids: Iterable[int], action: str = "read"
) -> None:
    """Write one audit event per object for this request."""
    record(
        db,
        caller=caller,
        action=action,
        object_type=object_type,
        object_ids=ids,
        reason=audit_reason(),
    )
