"""Opportunities: vacancies, covenant placements, coaching slots and day-activity places."""

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

from models.base import Base, Timestamped, in_list
from models.vocab import (
    DUTCH_LEVELS,
    EDUCATION_LEVELS,
    INSTRUMENTS,
    OPPORTUNITY_KINDS,
    OPPORTUNITY_STATUSES,
)


class Opportunity(Timestamped, Base):
    """Anything a claimant can be matched to."""

    __tablename__ = "opportunities"
    __table_args__ = (
        # Feeds upsert on this key; employer-posted rows have no source and no clash.
        UniqueConstraint("source_id", "external_id"),
        # The requirement table's fingerprint: a region's places and their last change.
        Index("ix_opportunities_region_updated_at", "region", "updated_at"),
        CheckConstraint(in_list("kind", OPPORTUNITY_KINDS), name="kind_known"),
        CheckConstraint(in_list("status", OPPORTUNITY_STATUSES), name="status_known"),
        CheckConstraint("capacity >= 0", name="capacity_not_negative"),
        CheckConstraint("hours_min IS NULL OR hours_min >= 0", name="hours_min_not_negative"),
        CheckConstraint(
            "hours_min IS NULL OR hours_max IS NULL OR hours_min <= hours_max",
            name="hours_min_le_max",
        ),
        CheckConstraint(
            "education_level IS NULL OR " + in_list("education_level", EDUCATION_LEVELS),
            name="education_level_known",
        ),
        CheckConstraint(
            "dutch_level IS NULL OR " + in_list("dutch_level", DUTCH_LEVELS),
            name="dutch_level_known",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("feed_sources.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(200))
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employers.id"), index=True)
    employer_name: Mapped[str | None] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str | None] = mapped_column(String(7))
    municipality: Mapped[str | None] = mapped_column(String(80))
    hours_min: Mapped[int | None]
    hours_max: Mapped[int | None]
    requires_driving_licence: Mapped[bool] = mapped_column(default=False)
    education_level: Mapped[str | None] = mapped_column(String(12))
    dutch_level: Mapped[str | None] = mapped_column(String(2))
    physical_demands: Mapped[list[str]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    conditions: Mapped[str | None] = mapped_column(Text)
    capacity: Mapped[int] = mapped_column(default=1)
    posted_on: Mapped[date | None] = mapped_column(Date)
    closes_on: Mapped[date | None] = mapped_column(Date)
    esco_uri: Mapped[str | None] = mapped_column(String(120))
    esco_label: Mapped[str | None] = mapped_column(String(300))
    # Harmonised instruments of the region.
    wage_cost_subsidy: Mapped[bool] = mapped_column(default=False)
    job_coaching: Mapped[bool] = mapped_column(default=False)
    trial_placement: Mapped[bool] = mapped_column(default=False)
    secondment: Mapped[bool] = mapped_column(default=False)
    sheltered_work: Mapped[bool] = mapped_column(default=False)
    jobs_agreement_register: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    status_reason: Mapped[str | None] = mapped_column(String(200))
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("opportunities.id"))
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    missed_runs: Mapped[int] = mapped_column(default=0)
    # Opportunity ids a mediator said are a different job: never merged with these again.
    not_duplicate_of: Mapped[list[int] | None] = mapped_column(JSON, default=list)
    raw: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    def split_from(self, kept: "Opportunity") -> None:
        """Undo a wrong merge: this row is open again and never merged with `kept` again."""
        self.status, self.duplicate_of_id = "open", None
        self.status_reason = f"Gesplitst van vacature {kept.id}: een andere baan"
        self.not_duplicate_of = sorted({*(self.not_duplicate_of or []), kept.id})
        kept.not_duplicate_of = sorted({*(kept.not_duplicate_of or []), self.id})

    @property
    def instruments(self) -> list[str]:
        """Return the names of the instruments this opportunity offers."""
        return [name for name in INSTRUMENTS if getattr(self, name)]
