"""The audit trail can be added to, never changed or removed through the application."""

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from models import AuditEvent
from models.audit import AuditChangeError


def _event(db: Session) -> AuditEvent:
    row = AuditEvent(action="read", object_type="claimant", object_id="1", reason="sessie")
    db.add(row)
    db.commit()
    return row


def test_audit_records_can_be_added(db: Session) -> None:
    _event(db)
    assert db.scalars(select(AuditEvent)).one().reason == "sessie"


def test_an_audit_record_cannot_be_changed(db: Session) -> None:
    row = _event(db)
    row.reason = "iets anders"
    with pytest.raises(AuditChangeError):
        db.flush()
    db.rollback()


def test_an_audit_record_cannot_be_deleted(db: Session) -> None:
    row = _event(db)
    db.delete(row)
    with pytest.raises(AuditChangeError):
        db.flush()
    db.rollback()


@pytest.mark.parametrize(
    "statement",
    [update(AuditEvent).values(reason="x"), delete(AuditEvent)],
    ids=["bulk update", "bulk delete"],
)
def test_bulk_statements_on_the_audit_table_are_refused(db: Session, statement: object) -> None:
    _event(db)
    with pytest.raises(AuditChangeError):
        db.execute(statement)  # type: ignore[call-overload]
    db.rollback()
    assert db.scalars(select(AuditEvent)).one().reason == "sessie"
