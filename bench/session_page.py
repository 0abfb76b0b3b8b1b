"""Benchmark the mediator's session page for a 30-person session: server time and bytes.

Run: .venv/bin/python bench/session_page.py [--database-url URL] [--requests N]

Builds a session of 30 attendees with 8 proposals each (a third approved, with follow-ups)
in a fresh SQLite database (or the given PostgreSQL database, which must be empty), logs in
as the mediator and requests each page N times through the WSGI app in this process (no
network, no browser: server time only). The baseline in the same run is a static file
(/static/app.css) served by the same app, so the ratio says what the page costs beyond a
request's fixed cost. Figures: median and p90 milliseconds, and bytes of the body.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from models import Base, SessionAttendance  # noqa: E402
from models.db import make_engine, make_session_factory  # noqa: E402
from models.settings import Settings  # noqa: E402
from tests.conftest import login  # noqa: E402
from tests.e2e.scenario import add_attendees, build_week  # noqa: E402
from web import create_app  # noqa: E402

ATTENDEES = 30
PROPOSALS_EACH = 8


def build(url: str) -> tuple[str, int, int]:
    """Fill the database; return the mediator's e-mail, the session id and one attendance id."""
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    with make_session_factory(engine)() as db:
        week = build_week(db)
        add_attendees(db, week, count=ATTENDEES - 1, proposals_each=PROPOSALS_EACH)
        db.commit()
        attendance = db.scalars(select(SessionAttendance.id).limit(1)).one()
        found = (week.mediator.email, week.weekly_session.id, attendance)
    engine.dispose()
    return found


def measure(client: object, path: str, n: int) -> tuple[float, float, int] | None:
    """Return median ms, p90 ms and bytes of n GETs of path (after one warm-up), None if absent."""
    get = client.get  # type: ignore[attr-defined]
    first = get(path)
    if first.status_code == 404:  # the code before issue 13 had no attendee page
        return None
    size = len(first.get_data())
    times = []
    for _ in range(n):
        start = time.perf_counter()
        response = get(path)
        response.get_data()
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9) - 1], size


def main() -> None:
    """Build, log in, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        email, session_id, attendance_id = build(url)
        settings = Settings(
            env="test",
            database_url=url,
            secret_key="b" * 32,
            instance_dir=Path(tmp),
            totp_required=False,
        )
        app = create_app({"SETTINGS": settings, "TESTING": True})
        client = app.test_client()
        login(client, email)
        pages = [
            ("static file (baseline)", "/static/app.css"),
            ("session overview, 30 people", f"/bemiddelaar/sessies/{session_id}"),
            (
                "one attendee's page",
                f"/bemiddelaar/sessies/{session_id}/deelnemers/{attendance_id}",
            ),
            ("printable agenda, 30 people", f"/bemiddelaar/sessies/{session_id}/agenda"),
            ("projector", f"/bemiddelaar/sessies/{session_id}/scherm"),
        ]
        print(f"{ATTENDEES} attendees x {PROPOSALS_EACH} proposals, {args.requests} requests each")
        print(f"{'page':32} {'median ms':>10} {'p90 ms':>8} {'bytes':>8} {'x static':>9}")
        base = 0.0
        for name, path in pages:
            found = measure(client, path, args.requests)
            if found is None:
                print(f"{name:32} {'(no such page)':>10}")
                continue
            median, p90, size = found
            base = base or median
            print(f"{name:32} {median:10.1f} {p90:8.1f} {size:8d} {median / base:9.1f}")
        app.extensions["zow.engine"].dispose()


if __name__ == "__main__":
    main()
