"""Every page type of the demo, for every role, in Chromium: axe finds nothing to fix.

The demo runs in demo mode (the banner on every page, where axe's region rule caught it
outside the landmarks) on the full demo region, so pages carry realistic content.
Screenshots of every page type are kept in test-output/screenshots/.
"""

import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from flask import Flask
from werkzeug.serving import make_server

from tests.conftest import login
from tests.crawl import crawl
from tests.e2e.conftest import assert_accessible
from web.demo import demo_logins

pytestmark = pytest.mark.slow


@pytest.fixture
def demo_server(demo_app: Flask) -> Iterator[str]:
    """Serve the demo app on a free local port in a thread; return its base URL."""
    server = make_server("127.0.0.1", 0, demo_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


def _page_types(app: Flask, email: str, password: str) -> dict[str, str]:
    """Return one URL per endpoint the user reaches by links."""
    client = app.test_client()
    start = login(client, email, password)
    adapter = app.url_map.bind("localhost")
    found: dict[str, str] = {}
    for path, _text in crawl(app, client, start):
        endpoint = adapter.match(urlsplit(path).path)[0]
        found.setdefault(endpoint, path)
    return found


@pytest.mark.parametrize("role", ["admin", "mediator", "employer", "claimant"])
def test_every_page_type_has_no_axe_violation(
    browser: object, demo_app: Flask, demo_server: str, role: str
) -> None:
    account = next(a for a in demo_logins() if a.role == role)
    pages = _page_types(demo_app, account.email, account.password)
    assert len(pages) >= 2, pages
    context = browser.new_context(  # type: ignore[attr-defined]
        base_url=demo_server, viewport={"width": 1280, "height": 900}, locale="nl-NL"
    )
    tab = context.new_page()
    tab.goto("/login")
    assert_accessible(tab, "demo-login")
    tab.get_by_label("E-mailadres").fill(account.email)
    tab.get_by_label("Wachtwoord").fill(account.password)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Inloggen").click()
    for endpoint, path in sorted(pages.items()):
        tab.goto(path)
        assert_accessible(tab, f"demo-{role}-{endpoint.replace('.', '-')}")
    tab.goto("/bestaat-niet")
    assert tab.get_by_role("heading", name="Pagina niet gevonden").is_visible()
    assert_accessible(tab, f"demo-{role}-404")
    context.close()
