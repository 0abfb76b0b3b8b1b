"""Every matching run: who started it, which model, which inputs, every score and rank."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class MatchingRun(Base):
    """A recorded matching run, kept so it can be replayed to the same ranking."""

    __tablename__ = "matching_runs"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None: scheduler
    region: Mapped[str] = mapped_column(String(40))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("group_sessions.id"))
    model_version: Mapped[str] = mapped_column(String(40))
    model_hash: Mapped[str] = mapped_column(String(64))
    input_hash: Mapped[str] = mapped_column(String(64))
    # The opportunities are kept once in shared snapshots; the run names their set.
    opportunity_set: Mapped[str | None] = mapped_column(String(64))
    linker_version: Mapped[str | None] = mapped_column(String(80))
    # The matcher's inputs (no names: the matcher never sees them) and its full output.
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    results: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
