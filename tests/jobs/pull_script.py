"""Run the vacancy pull in its own process, for the kill -9 test.

DATABASE_URL comes from the environment; from LINGER_FROM stored records on, each batch
lingers after its commit, so the test can kill the process between or inside batches.
"""

import os
import sys
import time
from datetime import date

from jobs.feeds.fetcher import Fetcher
from jobs.ingest import IngestOptions
from jobs.linking import no_linking
from jobs.pull import pull_all
from models.db import make_engine, make_session_factory
from models.settings import Settings


def report(done: int, total: int) -> None:
    """Tell the test how far we are, then linger."""
    print(f"{done}/{total}", flush=True)
    linger_from = int(os.environ.get("LINGER_FROM") or 0)
    if linger_from and done >= linger_from:
        time.sleep(60)


def main() -> None:
    """Pull every source once."""
    settings = Settings.from_env()
    engine = make_engine(settings.database_url)
    options = IngestOptions(
        linker=no_linking, today=date(2026, 11, 23), batch_size=50, progress=report
    )
    totals = pull_all(make_session_factory(engine), Fetcher.from_settings(settings), options)
    engine.dispose()
    print(f"done {totals}", flush=True)


if __name__ == "__main__":
    main()
    sys.exit(0)
