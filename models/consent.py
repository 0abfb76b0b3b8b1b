"""A claimant's consent that one employer may see who they are, for one match."""

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, in_list

# Where consent was given or withdrawn: in the claimant's portal, or by the mediator in the
# session with the claimant present. "ended": the match closed, which ends consent at once.
CONSENT_CHANNELS = ("portal", "session", "migrated")
WITHDRAWAL_CHANNELS = ("portal", "session", "ended")


class MatchConsent(Base):
    """Consent given for one match; it stands until withdrawn_at is set."""

    __tablename__ = "match_consents"
    __table_args__ = (
        CheckConstraint(in_list("given_via", CONSENT_CHANNELS), name="given_via_known"),
        CheckConstraint(
            "withdrawn_via IS NULL OR " + in_list("withdrawn_via", WITHDRAWAL_CHANNELS),
            name="withdrawn_via_known",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    given_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    given_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    given_via: Mapped[str] = mapped_column(String(10))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    withdrawn_via: Mapped[str | None] = mapped_column(String(10))
    # Why it ended when not withdrawn by a person: the closing status of the match.
    ended_by: Mapped[str | None] = mapped_column(String(40))
