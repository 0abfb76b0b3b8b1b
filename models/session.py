"""Weekly sessions (wekelijkse sessies) and who attends them.

The glossary's weekly session is `WeeklySession` in code, never plain `Session`, so it
is not confused with a database session; ids that point at one are `session_id`.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped, utcnow


class WeeklySession(Timestamped, Base):
    """A weekly session (wekelijkse sessie) run by a mediator.

    Its table keeps the first name, group_sessions: renaming a table needs a migration
    on SQLite and PostgreSQL and changes nothing a reader of the code sees.
    """

    __tablename__ = "group_sessions"
    __table_args__ = (
        CheckConstraint("seats >= 0", name="seats_not_negative"),
        CheckConstraint("status IN ('planned', 'held', 'cancelled')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(String(40), index=True)
    mediator_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    location: Mapped[str] = mapped_column(String(200))
    municipality: Mapped[str | None] = mapped_column(String(80))
    seats: Mapped[int] = mapped_column(default=12)
    status: Mapped[str] = mapped_column(String(10), default="planned")
    # When "Sessie afronden" was confirmed; a session can be reopened on that same day.
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SessionAttendance(Base):
    """A claimant invited to a session, and whether they came."""

    __tablename__ = "session_attendances"
    __table_args__ = (UniqueConstraint("session_id", "claimant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("group_sessions.id", ondelete="CASCADE"), index=True
    )
    claimant_id: Mapped[int] = mapped_column(
        ForeignKey("claimants.id", ondelete="CASCADE"), index=True
    )
    invited_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    attended: Mapped[bool | None]
