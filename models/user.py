"""Accounts of admins, mediators, employers and claimants."""

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped, in_list
from models.vocab import ROLES


class User(Timestamped, Base):
    """A login with exactly one role."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(in_list("role", ROLES), name="role_known"),
        CheckConstraint(
            "role != 'employer' OR employer_id IS NOT NULL", name="employer_user_has_employer"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    region: Mapped[str] = mapped_column(String(40))
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employers.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # Demo accounts exist only in demo mode; the app refuses them otherwise.
    is_demo: Mapped[bool] = mapped_column(default=False)
    # Sealed (encrypted) by web.auth.totp_secrets; never the plain secret.
    totp_secret: Mapped[str | None] = mapped_column(String(200))
    # The time step of the last accepted one-time code: a code is accepted only once.
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
