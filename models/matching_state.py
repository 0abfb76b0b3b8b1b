"""What matching keeps between runs: linked concepts and shared opportunity snapshots."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, utcnow


class LinkedConcept(Base):
    """The ESCO concept a linker version gave a normalised title or skill."""

    __tablename__ = "linked_concepts"

    linker_version: Mapped[str] = mapped_column(String(80), primary_key=True)
    text: Mapped[str] = mapped_column(String(300), primary_key=True)
    uri: Mapped[str] = mapped_column(String(200), default="")
    label: Mapped[str] = mapped_column(String(300), default="")
    isco: Mapped[str] = mapped_column(String(8), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class OpportunitySnapshot(Base):
    """One opportunity exactly as a run saw it, stored once per distinct content."""

    __tablename__ = "opportunity_snapshots"

    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class OpportunitySet(Base):
    """The opportunities of a run as snapshot hashes; runs of one week share one set."""

    __tablename__ = "opportunity_sets"

    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    members: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def drop_unused_snapshots(session: Session) -> dict[str, int]:
    """Delete opportunity sets no run names and snapshots no set lists (after run retention)."""
    from models.matching_run import MatchingRun

    named = select(MatchingRun.opportunity_set).where(MatchingRun.opportunity_set.is_not(None))
    sets = session.execute(delete(OpportunitySet).where(OpportunitySet.hash.not_in(named)))
    listed = {h for members in session.scalars(select(OpportunitySet.members)) for h in members}
    unused = [h for h in session.scalars(select(OpportunitySnapshot.hash)) if h not in listed]
    for start in range(0, len(unused), 500):
        session.execute(
            delete(OpportunitySnapshot).where(
                OpportunitySnapshot.hash.in_(unused[start : start + 500])
            )
        )
    return {
        "opportunity_sets": int(getattr(sets, "rowcount", 0) or 0),
        "opportunity_snapshots": len(unused),
    }
