"""A real local HTTP server serving feed fixtures, and a real local SMTP server."""

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from models.settings import Settings

FEEDS = Path(__file__).parent.parent / "data" / "feeds"


@dataclass
class Route:
    """What the fixture server answers on one path."""

    body: bytes
    status: int = 200
    delay_s: float = 0.0
    content_type: str = "text/html; charset=utf-8"


@dataclass
class FeedServer:
    """Routes to serve and the requests that came in (path, user agent, time)."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, str, float]] = field(default_factory=list)

    def add(self, path: str, body: bytes | str, **options: Any) -> str:
        """Serve a body on a path and return its full URL."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)
        return self.base + path

    def add_fixture(self, path: str, name: str, **options: Any) -> str:
        """Serve a fixture file (with {base} filled in) on a path and return its URL."""
        data = (FEEDS / name).read_bytes().replace(b"{base}", self.base.encode())
        return self.add(path, data, **options)

    def hits(self, path: str) -> int:
        """Return how often a path was requested."""
        return sum(1 for requested, _, _ in self.requests if requested == path)


def _handler(server_state: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802  (the name http.server calls)
            agent = self.headers.get("User-Agent", "")
            server_state.requests.append((self.path, agent, time.monotonic()))
            route = server_state.routes.get(self.path, Route(b"niet gevonden", status=404))
            time.sleep(route.delay_s)
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a time-out test): nothing to answer

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Keep the test output quiet."""

    return Handler


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """Start a threaded HTTP server on 127.0.0.1 with an ephemeral port."""
    state = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def feed_settings(settings: Settings) -> Settings:
    """Test settings with short time-outs, one retry and no per-host delay."""
    return replace(settings, feed_timeout_s=0.5, feed_retries=1, feed_host_delay_s=0.0)


class Mailbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        """Store the message."""
        self.messages.append(message_from_bytes(envelope.content))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    """Start a real SMTP server on 127.0.0.1; yield its mailbox and port."""
    mailbox = Mailbox()
    port = _free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield mailbox, port
    controller.stop()
