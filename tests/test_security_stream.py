"""Security events reach standard error as JSON lines in every real runtime.

Each test starts a real process (the development server of `zow run`, gunicorn, and
`zow scheduler`), makes it refuse something, stops it and reads what it wrote.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
FIELDS = {"time", "event", "actor", "object", "outcome", "address"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def environ(tmp_path: Path) -> dict[str, str]:
    """Return the environment of a test instance on its own SQLite file, without SECRET_KEY."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZOW_", "SECRET_KEY"))}
    env |= {
        "ZOW_ENV": "test",
        "ZOW_INSTANCE_DIR": str(tmp_path / "instance"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'zow.sqlite3'}",
        "ZOW_SCHEDULER": "false",
        "ZOW_PORT": str(_free_port()),
    }
    return env


def _wait_for(port: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"process ended early: {process.communicate()}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2)  # noqa: S310
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise AssertionError("server did not start")


def _refusals(port: int) -> None:
    """Make the server refuse a guessed API token and a form without its CSRF token."""
    base = f"http://127.0.0.1:{port}"
    guess = urllib.request.Request(
        f"{base}/api/v1/claimants", headers={"Authorization": "Bearer " + "g" * 43}
    )
    form = urllib.request.Request(f"{base}/login", data=b"email=a%40b.nl&password=x")
    for request in (guess, form):
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=10)  # noqa: S310


def _events(stderr: str) -> list[dict[str, str]]:
    events = []
    for line in stderr.splitlines():
        if line.startswith("{") and '"event"' in line:
            events.append(json.loads(line))
    return events


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[str]]]:
    """Collect started processes and stop any left running."""
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.communicate()


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    return err


def _assert_refusals_logged(events: list[dict[str, str]]) -> None:
    seen = {(e["event"], e["outcome"]) for e in events}
    assert ("api_token", "refused") in seen and ("form", "csrf_failed") in seen, events
    for event in events:
        assert set(event) == FIELDS
        assert event["address"] == "127.0.0.1" and event["time"].endswith("+00:00")


def test_zow_run_writes_security_events_to_stderr(
    environ: dict[str, str], started: list[subprocess.Popen[str]]
) -> None:
    process = subprocess.Popen(
        [str(BIN / "zow"), "run"],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    started.append(process)
    port = int(environ["ZOW_PORT"])
    _wait_for(port, process)
    _refusals(port)
    _assert_refusals_logged(_events(_stop(process)))


def test_gunicorn_writes_security_events_to_stderr(
    environ: dict[str, str], started: list[subprocess.Popen[str]]
) -> None:
    subprocess.run(
        [str(BIN / "zow"), "db", "upgrade"], env=environ, check=True, capture_output=True
    )
    port = int(environ["ZOW_PORT"])
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "web:create_app()",
        ],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    started.append(process)
    _wait_for(port, process)
    _refusals(port)
    _assert_refusals_logged(_events(_stop(process)))


def test_the_scheduler_writes_its_start_and_stop_to_stderr(
    environ: dict[str, str], started: list[subprocess.Popen[str]]
) -> None:
    subprocess.run(
        [str(BIN / "zow"), "db", "upgrade"], env=environ, check=True, capture_output=True
    )
    process = subprocess.Popen(
        [str(BIN / "zow"), "scheduler"],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    started.append(process)
    assert process.stdout is not None
    assert "Scheduler started" in process.stdout.readline()
    events = _events(_stop(process))
    assert [(e["event"], e["outcome"]) for e in events] == [
        ("scheduler", "started"),
        ("scheduler", "stopped"),
    ]
    assert all(set(e) == FIELDS and e["actor"] == "system" for e in events)
