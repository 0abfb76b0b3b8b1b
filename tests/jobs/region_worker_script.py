"""A region worker in its own process, for the kill -9 test.

DATABASE_URL comes from the environment. Each regional run adds one marker vacancy in its
transaction and says so; the run of LINGER_REGION then waits before it commits, so the
test can kill the worker in the middle of that run.
"""

import os
import sys
import time
from typing import Any

from sqlalchemy.orm import Session

from jobs.region_worker import run_region_worker
from models import Opportunity
from models.settings import Settings


def marker_run(session: Session, region: str) -> dict[str, Any]:
    """Add one marker row for the region; linger inside the run of LINGER_REGION."""
    session.add(
        Opportunity(kind="vacancy", region=region, title=f"marker {region}", postcode="1271")
    )
    session.flush()
    print(f"running {region}", flush=True)
    if region == os.environ.get("LINGER_REGION"):
        time.sleep(60)
    return {"markers": 1}


if __name__ == "__main__":
    done = run_region_worker(Settings.from_env(), job=marker_run)
    print("done " + ",".join(done), flush=True)
    sys.exit(0)
