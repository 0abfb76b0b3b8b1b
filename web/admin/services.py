"""Queries behind the admin pages."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import FeedRun, FeedSource, JobRun, User


def users_per_role(session: Session) -> dict[str, int]:
    """Return how many active accounts each role has."""
    rows = session.execute(
        select(User.role, func.count()).where(User.active.is_(True)).group_by(User.role)
    ).all()
    return {role: count for role, count in rows}


def recent_feed_runs(session: Session, *, limit: int = 20) -> list[FeedRun]:
    """Return the latest feed runs."""
    return list(session.scalars(select(FeedRun).order_by(FeedRun.id.desc()).limit(limit)))


def recent_job_runs(session: Session, *, limit: int = 20) -> list[JobRun]:
    """Return the latest scheduled job runs."""
    return list(session.scalars(select(JobRun).order_by(JobRun.id.desc()).limit(limit)))


def source_names(session: Session) -> dict[int, str]:
    """Return the name of every feed source by id."""
    return {id_: name for id_, name in session.execute(select(FeedSource.id, FeedSource.name))}


def feed_run(session: Session, *, run_id: int) -> FeedRun | None:
    """Return one feed run."""
    return session.get(FeedRun, run_id)
