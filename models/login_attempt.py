"""Failed logins, counted in the database so limits hold across all web workers."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class LoginFailure(Base):
    """One failed login: for which account (if it exists) and from which address (hashed)."""

    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_user_at", "user_id", "at"),
        Index("ix_login_failures_origin_at", "origin_hash", "at"),
        Index("ix_login_failures_account_at", "account_hash", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # A keyed hash of the account name as typed, so unknown names are counted like known ones.
    account_hash: Mapped[str | None] = mapped_column(String(64))
    # A keyed hash of the address: enough to count, not enough to tell who it was.
    origin_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
