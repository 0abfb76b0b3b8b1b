"""Matches (koppelingen) between claimants and opportunities, with their status history."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped, in_list, utcnow
from models.lifecycle import MATCH_STATUSES


class Match(Timestamped, Base):
    """A claimant paired with an opportunity, its score, reasons and current status."""

    __tablename__ = "matches"
    __table_args__ = (
        UniqueConstraint("claimant_id", "opportunity_id"),
        CheckConstraint(in_list("status", MATCH_STATUSES), name="status_known"),
        # The requirement table's fingerprint counts occupying matches and their last change.
        Index("ix_matches_status_updated_at", "status", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claimant_id: Mapped[int] = mapped_column(
        ForeignKey("claimants.id", ondelete="CASCADE"), index=True
    )
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    session_id: Mapped[int | None] = mapped_column(ForeignKey("group_sessions.id"), index=True)
    run_id: Mapped[str | None] = mapped_column(String(40), index=True)
    score: Mapped[float]
    rank: Mapped[int | None]
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(10), default="proposed")
    # Nothing reaches a claimant or employer before a mediator approved it.
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Consent to show the claimant to the employer lives in MatchConsent (models.consent).
    released_to_employer_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # When the weekly digest mailed this match to the claimant; each match is mailed once.
    digest_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    applied_on: Mapped[date | None] = mapped_column(Date)


class MatchStatusChange(Base):
    """One step in a match's history: who moved it from which status to which, and why."""

    __tablename__ = "match_status_changes"
    __table_args__ = (
        CheckConstraint(
            "from_status IS NULL OR " + in_list("from_status", MATCH_STATUSES),
            name="from_status_known",
        ),
        CheckConstraint(in_list("to_status", MATCH_STATUSES), name="to_status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    from_status: Mapped[str | None] = mapped_column(String(10))
    to_status: Mapped[str] = mapped_column(String(10))
    reason_code: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
