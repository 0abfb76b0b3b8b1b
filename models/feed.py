"""Feed sources of vacancies and the record of every pull."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped, in_list, utcnow
from models.vocab import FEED_KINDS, RUN_STATUSES


class FeedSource(Timestamped, Base):
    """A place vacancies are pulled from, editable by an admin."""

    __tablename__ = "feed_sources"
    __table_args__ = (CheckConstraint(in_list("kind", FEED_KINDS), name="kind_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    url: Mapped[str | None] = mapped_column(String(2000))
    region: Mapped[str] = mapped_column(String(40))
    enabled: Mapped[bool] = mapped_column(default=True)
    # A full feed lists every open vacancy, so a vacancy missing from it may expire.
    full_feed: Mapped[bool] = mapped_column(default=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class FeedRun(Base):
    """One pull of one feed source, with its counts and errors."""

    __tablename__ = "feed_runs"
    __table_args__ = (CheckConstraint(in_list("status", RUN_STATUSES), name="status_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("feed_sources.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(10), default="running")
    fetched: Mapped[int] = mapped_column(default=0)
    new: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    duplicate: Mapped[int] = mapped_column(default=0)
    expired: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # Valid records of a document that was fetched and parsed whole (None: it was not);
    # recent counts are what the shrink guard compares a new read with.
    read_count: Mapped[int | None] = mapped_column()
    # Why this run expired nothing that went missing (shown on the admin page).
    expiry_note: Mapped[str | None] = mapped_column(String(300))
    # Cross-source merges of this run: which records, into which, and why.
    merges: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, default=list)
