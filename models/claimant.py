"""Claimants (uitkeringsgerechtigden) and their participation-ladder history."""

import re
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, validates

from models.base import Base, Timestamped, in_list, utcnow
from models.vocab import DUTCH_LEVELS, EDUCATION_LEVELS, FUNCTIONAL_RESTRICTION


class Claimant(Timestamped, Base):
    """A person on a benefit who is coupled to work or activity."""

    __tablename__ = "claimants"
    __table_args__ = (
        CheckConstraint("ladder_step BETWEEN 1 AND 6", name="ladder_step_1_to_6"),
        CheckConstraint("max_travel_km IS NULL OR max_travel_km >= 0", name="travel_not_negative"),
        CheckConstraint(
            "hours_per_week IS NULL OR hours_per_week BETWEEN 0 AND 60", name="hours_0_to_60"
        ),
        CheckConstraint(
            "education_level IS NULL OR " + in_list("education_level", EDUCATION_LEVELS),
            name="education_level_known",
        ),
        CheckConstraint(
            "dutch_level IS NULL OR " + in_list("dutch_level", DUTCH_LEVELS),
            name="dutch_level_known",
        ),
        CheckConstraint("status IN ('active', 'outflow', 'ended')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The municipality's own client number; the BSN is only kept when configured.
    client_number: Mapped[str] = mapped_column(String(32), unique=True)
    bsn: Mapped[str | None] = mapped_column(String(9))
    region: Mapped[str] = mapped_column(String(40), index=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    postcode: Mapped[str | None] = mapped_column(String(7))
    municipality: Mapped[str | None] = mapped_column(String(80))
    max_travel_km: Mapped[float | None]
    hours_per_week: Mapped[int | None]
    driving_licence: Mapped[bool | None]
    ladder_step: Mapped[int]
    education_level: Mapped[str | None] = mapped_column(String(12))
    dutch_level: Mapped[str | None] = mapped_column(String(2))
    desired_occupations: Mapped[list[str]] = mapped_column(JSON, default=list)
    work_history: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Functional limitations only (e.g. "geen_tillen"), never a diagnosis.
    restrictions: Mapped[list[str]] = mapped_column(JSON, default=list)
    # A mediator's override of the routing by ladder step; None means "route by step".
    allowed_kinds: Mapped[list[str] | None] = mapped_column(JSON)
    notes: Mapped[str | None] = mapped_column(Text)
    # Recorded for fairness monitoring only; never an input to ranking.
    monitoring: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    intake_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="active")
    digest_opt_out: Mapped[bool] = mapped_column(default=False)
    erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    mediator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), unique=True)

    @validates("restrictions")
    def _functional_only(self, _key: str, values: list[str] | None) -> list[str]:
        """Refuse anything that is not a functional limitation (such as a diagnosis)."""
        for number, value in enumerate(values or [], start=1):
            if not re.fullmatch(FUNCTIONAL_RESTRICTION, value):
                # The value itself stays out of the message: it may be a diagnosis, and
                # error messages end up in logs.
                raise ValueError(
                    f"restriction {number} is not a functional limitation "
                    "(write e.g. geen_tillen, niet_lang_staan, beperkt_lopen; never a diagnosis)"
                )
        return list(values or [])

    @property
    def display_name(self) -> str:
        """Return the name a mediator sees."""
        return f"{self.first_name} {self.last_name}"


class LadderStepChange(Base):
    """One move of a claimant on the participation ladder."""

    __tablename__ = "ladder_step_changes"
    __table_args__ = (
        CheckConstraint("to_step BETWEEN 1 AND 6", name="to_step_1_to_6"),
        CheckConstraint("from_step IS NULL OR from_step BETWEEN 1 AND 6", name="from_step_1_to_6"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claimant_id: Mapped[int] = mapped_column(
        ForeignKey("claimants.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    from_step: Mapped[int | None]
    to_step: Mapped[int]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
