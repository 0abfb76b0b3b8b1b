"""A real browser (Debian's Chromium through Playwright) against the app on a local server."""

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import make_server

from tests.factories import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Start headless Chromium once; skip (or fail with REQUIRE_BROWSER=1) when it is missing."""
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def live_server(app: Flask) -> Iterator[str]:
    """Serve the test app on a free local port in a thread; return its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


@pytest.fixture
def page(browser: object, live_server: str) -> Iterator[object]:
    """Return a fresh browser page whose relative URLs go to the live server."""
    context = browser.new_context(  # type: ignore[attr-defined]
        base_url=live_server, viewport={"width": 1280, "height": 900}, locale="nl-NL"
    )
    tab = context.new_page()
    yield tab
    context.close()


def log_in(page: object, email: str) -> None:
    """Log in through the form."""
    page.goto("/login")  # type: ignore[attr-defined]
    page.get_by_label("E-mailadres").fill(email)  # type: ignore[attr-defined]
    page.get_by_label("Wachtwoord").fill(PASSWORD)  # type: ignore[attr-defined]
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.get_by_role("button", name="Inloggen").click()  # type: ignore[attr-defined]


def screenshot(page: object, name: str) -> None:
    """Save a full-page screenshot under test-output/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def assert_accessible(page: object, name: str) -> None:
    """Run axe-core on the page and fail on any WCAG violation; keep a screenshot."""
    from axe_playwright_python.sync_playwright import Axe

    screenshot(page, name)
    results = Axe().run(page)
    problems = [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    assert results.violations_count == 0, f"{name}: {problems}"
