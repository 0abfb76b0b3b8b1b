"""Employers, the covenant and each member's pledge of placements."""

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped


class Employer(Timestamped, Base):
    """An employer, possibly a covenant member."""

    __tablename__ = "employers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(40), index=True)
    municipality: Mapped[str | None] = mapped_column(String(80))
    postcode: Mapped[str | None] = mapped_column(String(7))
    covenant_member: Mapped[bool] = mapped_column(default=False)
    contact_email: Mapped[str | None] = mapped_column(String(254))


class Covenant(Base):
    """A regional agreement in which employers pledge placements."""

    __tablename__ = "covenants"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    region: Mapped[str] = mapped_column(String(40))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)


class Pledge(Base):
    """An employer's promise to offer a number of placements in a year."""

    __tablename__ = "pledges"
    __table_args__ = (
        UniqueConstraint("covenant_id", "employer_id", "year"),
        CheckConstraint("placements >= 0", name="placements_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    covenant_id: Mapped[int] = mapped_column(ForeignKey("covenants.id", ondelete="CASCADE"))
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id", ondelete="CASCADE"))
    year: Mapped[int]
    placements: Mapped[int]
