"""Regional matching runs as a queue of rows that worker processes claim one at a time."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, in_list, utcnow

REGION_RUN_STATUSES = ("queued", "running", "done", "failed")


class RegionRun(Base):
    """One region's run for one time slot; a worker claims it with FOR UPDATE SKIP LOCKED."""

    __tablename__ = "region_runs"
    __table_args__ = (
        UniqueConstraint("region", "slot"),
        CheckConstraint(in_list("status", REGION_RUN_STATUSES), name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(String(40))
    slot: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), default="queued")
    worker: Mapped[str | None] = mapped_column(String(80))
    queued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[str | None] = mapped_column(Text)
