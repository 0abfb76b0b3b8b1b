"""Benchmark: the web service at the load of a real region, on PostgreSQL with gunicorn.

Builds region-scale data (``zow demo --scale region``: 5,600 claimants, 50 mediators,
600 employer users, 20,000 places) in its own database, starts gunicorn with 4 workers,
logs in users of every role, and drives them open-loop at each rate (requests are sent
on schedule whether or not earlier ones have returned) for a fixed time. Prints p50, p95
and p99 per page next to a static file served in the same run, after each page's time
when asked alone (``--single`` requests per page, one at a time: no queue).

Run: ``.venv/bin/python bench/web.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/zow_bench_web``
(``--rates 10,25 --seconds 30 --workers 4 --port 8765``). The database is created if it is
missing. gunicorn's output (its security events included) goes to ``--log`` (default:
``bench-web.log`` in the temporary folder). Errors are timeouts (60 s), refusals and
answers other than 200.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PASSWORD = "zicht-op-werk-demo"  # noqa: S105  (the demo password, demo mode only)
BIN = os.path.dirname(sys.executable)


@dataclass(frozen=True)
class Visit:
    """A page and who asks for it."""

    label: str
    url: str
    user: str


def ensure_database(url: str) -> None:
    """Create the benchmark database if it does not exist."""
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
        ).scalar()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def environment(url: str) -> dict[str, str]:
    """Return the environment of the service under test."""
    return {
        **os.environ,
        "ZOW_ENV": "demo",
        "DATABASE_URL": url,
        "SECRET_KEY": "bench-" + "x" * 40,
        "ZOW_SCHEDULER": "false",
    }


def load_data(env: dict[str, str]) -> None:
    """Load region-scale data once (an existing load is reused)."""
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603
        [f"{BIN}/zow", "demo", "--scale", "region"], env=env, capture_output=True, text=True
    )
    said = (done.stdout + done.stderr).strip().splitlines()[-1]
    print("region data already loaded: reused" if "already has data" in said else said)
    print(f"data ready in {time.perf_counter() - started:.1f} s")


def analyse(url: str) -> None:
    """Refresh the planner's statistics, as autovacuum would soon after a bulk load."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("ANALYZE"))
    engine.dispose()


def start_server(env: dict[str, str], port: int, workers: int, log: str) -> subprocess.Popen[bytes]:
    """Start gunicorn (its output, security events included, to the log) and wait for it."""
    with open(log, "ab") as out:
        server = subprocess.Popen(  # noqa: S603
            [
                f"{BIN}/gunicorn",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                "web:create_app()",
            ],
            env=env,
            stdout=out,
            stderr=out,
        )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10)  # noqa: S310
            return server
        except OSError:  # refused, reset or timed out while the workers boot
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def login(base: str, email: str) -> urllib.request.OpenerDirector:
    """Log in through the form and return an opener that keeps the session cookie."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    page = opener.open(f"{base}/login").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    form = {"email": email, "password": PASSWORD, "csrf_token": token.group(1) if token else ""}
    landed = opener.open(f"{base}/login", urllib.parse.urlencode(form).encode())
    if urllib.parse.urlparse(landed.geturl()).path == "/login":
        raise SystemExit(f"login failed for {email}")
    return opener


def visits(n_mediators: int = 5, n_employers: int = 10, n_claimants: int = 10) -> list[Visit]:
    """Return the page mix: mostly mediators, then employers and claimants, one admin."""
    out = [Visit("static css", "/static/vendor/utrecht/design-tokens.css", "")]
    for i in range(n_mediators):
        who = f"coach{i}@region.zow"
        out += [
            Visit("mediator home", "/bemiddelaar/", who),
            Visit("mediator sessions", "/bemiddelaar/sessies", who),
            Visit("mediator session page", f"/bemiddelaar/sessies/{i + 1}", who),
            Visit("mediator claimant", f"/bemiddelaar/klanten/{i + 1}", who),
            Visit("mediator places", "/bemiddelaar/aanbod", who),
        ]
    for i in range(n_employers):
        who = f"werkgever{i}@region.zow"
        out += [
            Visit("employer home", "/werkgever/", who),
            Visit("employer candidates", "/werkgever/kandidaten", who),
        ]
    out += [Visit("claimant home", "/mijn/", f"klant{i}@region.zow") for i in range(n_claimants)]
    out += [Visit("admin home", "/beheer/", "beheer@region.zow")]
    return out


def drive(
    base: str,
    openers: dict[str, urllib.request.OpenerDirector],
    mix: list[Visit],
    rate: float,
    seconds: float,
) -> dict[str, list[float]]:
    """Send requests on an open-loop schedule; return latencies (s) per page, -1 for errors."""
    rng = random.Random(rate)  # noqa: S311
    plan = [rng.choice(mix) for _ in range(int(rate * seconds))]
    times: dict[str, list[float]] = {}
    lock = threading.Lock()
    plain = urllib.request.build_opener()
    start = time.perf_counter() + 0.5

    def one(k: int, visit: Visit) -> None:
        time.sleep(max(0.0, start + k / rate - time.perf_counter()))
        began = time.perf_counter()
        try:
            with (openers.get(visit.user) or plain).open(base + visit.url, timeout=60) as page:
                page.read()
                took = time.perf_counter() - began if page.status == 200 else -1.0
        except OSError:  # refused, reset, timed out, or an HTTP error status
            took = -1.0
        with lock:
            times.setdefault(visit.label, []).append(took)

    with ThreadPoolExecutor(max_workers=128) as pool:
        list(pool.map(lambda kv: one(*kv), enumerate(plan)))
    return times


def one_at_a_time(
    base: str, openers: dict[str, urllib.request.OpenerDirector], mix: list[Visit], times: int
) -> None:
    """Print each page's time when it is asked alone (no queue): what one request costs."""
    print(f"--- one request at a time, {times} per page")
    print(f"{'page':<24} {'p50 ms':>8} {'max ms':>8}")
    pages = {visit.label: visit for visit in mix}
    for label in sorted(pages, key=lambda name: (name != "static css", name)):
        visit = pages[label]
        took = []
        for _ in range(times):
            began = time.perf_counter()
            with (openers.get(visit.user) or urllib.request.build_opener()).open(
                base + visit.url, timeout=60
            ) as page:
                page.read()
            took.append((time.perf_counter() - began) * 1000)
        print(f"{label:<24} {np.median(took):8.0f} {max(took):8.0f}")
    began = time.perf_counter()
    login(base, mix[-1].user)
    print(f"{'login (admin)':<24} {(time.perf_counter() - began) * 1000:8.0f}")


def load_average() -> str:
    """Return the machine's load average over 1, 5 and 15 minutes."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def report(rate: float, times: dict[str, list[float]], took: float) -> None:
    """Print percentiles per page, the static file first, and the load while it ran."""
    sent = sum(len(values) for values in times.values())
    print(f"--- {rate:g} requests/s: {sent} requests answered within {took:.0f} s")
    print(f"load average after it (1, 5, 15 min): {load_average()}")
    print(f"{'page':<24} {'n':>5} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for label in sorted(times, key=lambda name: (name != "static css", name)):
        ok = np.array([t for t in times[label] if t >= 0]) * 1000
        errors = sum(1 for t in times[label] if t < 0)
        p50, p95, p99 = np.percentile(ok, [50, 95, 99]) if len(ok) else (np.nan,) * 3
        print(f"{label:<24} {len(times[label]):5d} {errors:6d} {p50:8.0f} {p95:8.0f} {p99:8.0f}")


def main() -> None:
    """Build the data, start the server, drive it at each rate, report."""
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress as it goes
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rates", default="10,25")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--single", type=int, default=5, help="requests per page one at a time")
    parser.add_argument("--log", default=os.path.join(tempfile.gettempdir(), "bench-web.log"))
    args = parser.parse_args()
    ensure_database(args.database_url)
    env = environment(args.database_url)
    load_data(env)
    analyse(args.database_url)  # without it the first minutes measure plans made blind
    print(f"load average before (1, 5, 15 min): {load_average()}; {os.cpu_count()} cores")
    server = start_server(env, args.port, args.workers, args.log)
    print(f"gunicorn ({args.workers} workers) logs to {args.log}")
    base = f"http://127.0.0.1:{args.port}"
    try:
        # One request per worker and page first: the first request of a worker is slow.
        warm = visits()
        openers = {user: login(base, user) for user in dict.fromkeys(v.user for v in warm) if user}
        drive(base, openers, warm, 5.0, len(warm) / 5.0)
        mix = warm
        one_at_a_time(base, openers, mix, args.single)
        for rate in (float(r) for r in args.rates.split(",") if r):
            began = time.perf_counter()
            times = drive(base, openers, mix, rate, args.seconds)
            report(rate, times, time.perf_counter() - began)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
