"""What a job that manages its own transactions gets from the runner."""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from models.settings import Settings

# Progress of a job: (done, total), in whatever unit the job counts.
Progress = Callable[[int, int], None]


def no_progress(done: int, total: int) -> None:
    """Ignore progress (scheduled runs have nobody watching)."""


@dataclass(frozen=True)
class JobContext:
    """Settings, a session factory (one transaction per batch) and a progress callback."""

    settings: Settings
    sessions: sessionmaker[Session]
    slot: str
    progress: Progress = no_progress
