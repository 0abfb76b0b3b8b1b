"""Switches an admin flips at run time, such as stopping automatic matching."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow

AUTOMATIC_MATCHING = "automatic_matching"


class SystemFlag(Base):
    """A named on/off switch and who last changed it."""

    __tablename__ = "system_flags"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    enabled: Mapped[bool]
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def flag_enabled(session: Session, name: str, *, default: bool = True) -> bool:
    """Return whether a switch is on; a switch never set has its default."""
    enabled = session.scalar(select(SystemFlag.enabled).where(SystemFlag.name == name))
    return default if enabled is None else bool(enabled)


def set_flag(session: Session, name: str, *, enabled: bool, actor_id: int | None) -> None:
    """Turn a switch on or off."""
    flag = session.get(SystemFlag, name) or SystemFlag(name=name)
    flag.enabled, flag.changed_by_id, flag.changed_at = enabled, actor_id, utcnow()
    session.add(flag)
