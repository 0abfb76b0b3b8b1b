"""The scheduled jobs: name, schedule and the function that does the work."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apscheduler.triggers.cron import CronTrigger
from sqlalchemy.orm import Session

from jobs.context import JobContext
from jobs.digest import weekly_digest
from jobs.pull import vacancy_pull
from jobs.region_worker import prepare_session_lists
from jobs.retrain import retrain
from models.base import utcnow
from models.privacy import apply_retention
from models.settings import Settings

# A job that runs inside one transaction the runner opens and commits.
JobFunction = Callable[[Session, Settings], dict[str, Any]]
# A job that commits batch by batch itself and reports progress.
BatchJobFunction = Callable[[JobContext], dict[str, Any]]


@dataclass(frozen=True)
class JobSpec:
    """A scheduled job and its cron schedule (Europe/Amsterdam); give function or batches."""

    name: str
    description: str
    cron: dict[str, str]
    function: JobFunction | None = None
    batches: BatchJobFunction | None = None
    # A job whose run of the same week must have ended (ok or failed) before this one runs.
    after: str | None = None

    def __post_init__(self) -> None:
        if (self.function is None) == (self.batches is None):
            raise ValueError(f"job {self.name}: give exactly one of function and batches")

    def trigger(self) -> CronTrigger:
        """Return the APScheduler trigger of this job."""
        return CronTrigger(timezone="Europe/Amsterdam", **self.cron)


def retention_cleanup(session: Session, settings: Settings) -> dict[str, Any]:
    """Erase or delete what has passed its retention period (periods in models.privacy)."""
    return dict(apply_retention(session, now=utcnow()))


JOBS: dict[str, JobSpec] = {
    spec.name: spec
    for spec in (
        JobSpec(
            "vacancy_pull",
            "Vacatures ophalen uit alle bronnen",
            {"day_of_week": "mon", "hour": "5", "minute": "0"},
            batches=vacancy_pull,
        ),
        JobSpec(
            "pre_session",
            "Matchlijsten maken voor de groepsbijeenkomsten van deze week",
            {"day_of_week": "mon", "hour": "6", "minute": "0"},
            batches=prepare_session_lists,
            # That week's proposals need that week's vacancies.
            after="vacancy_pull",
        ),
        JobSpec(
            "digest",
            "Wekelijkse mail aan klanten met goedgekeurde vacatures",
            {"day_of_week": "mon", "hour": "8", "minute": "0"},
            batches=weekly_digest,
        ),
        JobSpec(
            "retention",
            "Bewaartermijnen toepassen",
            {"hour": "3", "minute": "30"},
            retention_cleanup,
        ),
        JobSpec(
            "retrain",
            "Rangschikking opnieuw leren van uitkomsten (alleen overnemen als niet slechter)",
            {"day_of_week": "sun", "hour": "2", "minute": "0"},
            retrain,
        ),
    )
}
