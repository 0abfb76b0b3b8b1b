"""Run the scheduled vacancy_pull job through the runner, in its own process, for kill -9 tests.

DATABASE_URL comes from the environment, argv[1] is the slot. After each stored batch the
process prints a line; with LINGER set it then waits, so the test can kill it there.
"""

import os
import sys
import time
from typing import Any

from jobs import ingest, pull
from jobs.linking import no_linking
from jobs.runner import run_job
from models.settings import Settings

_store_batch = ingest._store_batch


def lingering_batch(*args: Any) -> None:
    """Store a batch as the job does, tell the test, and linger if asked."""
    _store_batch(*args)
    print("batch", flush=True)
    if os.environ.get("LINGER"):
        time.sleep(60)


def main() -> None:
    """Run the job for the slot."""
    ingest._store_batch = lingering_batch  # type: ignore[assignment]
    pull.link_titles = no_linking  # the taxonomy is not what this test is about
    run = run_job("vacancy_pull", Settings.from_env(), slot=sys.argv[1])
    print(f"done {run.status if run else None}", flush=True)


if __name__ == "__main__":
    main()
    sys.exit(0)
