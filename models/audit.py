"""The audit trail: who saw or changed which personal data, when and why."""

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, String, event
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column

from models.base import Base, utcnow


class AuditEvent(Base):
    """One read or change of personal data; rows are only ever added."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_role: Mapped[str | None] = mapped_column(String(10))
    action: Mapped[str] = mapped_column(String(20))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(40), index=True)
    reason: Mapped[str | None] = mapped_column(String(200))


class AuditChangeError(RuntimeError):
    """The application tried to change or remove an audit record."""


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _refuse_change(_mapper: Any, _connection: Any, _target: AuditEvent) -> None:
    """Refuse to update or delete an audit record through the ORM unit of work."""
    raise AuditChangeError("audit records can only be added")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_change(state: ORMExecuteState) -> None:
    """Refuse bulk UPDATE and DELETE statements on the audit table."""
    if (state.is_update or state.is_delete) and any(
        mapper.class_ is AuditEvent for mapper in state.all_mappers
    ):
        raise AuditChangeError("audit records can only be added")
