"""Security events as JSON lines on standard error, in every runtime (web and scheduler).

One line per event: time (UTC), event, actor (a user id or a hashed name, never a name or
e-mail address), object, outcome and the client address. The stream is the process's
standard error, so `zow run`, gunicorn, `zow scheduler` and a container all hand them to
whatever collects the service's output. See docs/security.md.
"""

import json
import logging
import sys
from datetime import UTC, datetime

LOGGER_NAME = "zow.security"
logger = logging.getLogger(LOGGER_NAME)


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Write to whatever sys.stderr is at the moment of writing (it may be replaced)."""

    def emit(self, record: logging.LogRecord) -> None:
        """Write one line to the current standard error."""
        self.stream = sys.stderr
        super().emit(record)


def configure_stream() -> None:
    """Send security events to standard error at INFO, once per process."""
    if not any(isinstance(handler, StderrHandler) for handler in logger.handlers):
        handler = StderrHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)


def write_event(event: str, *, outcome: str, actor: str, obj: str = "", address: str = "") -> None:
    """Write one security event as a JSON line."""
    line = {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "event": event,
        "actor": actor,
        "object": obj,
        "outcome": outcome,
        "address": address,
    }
    logger.info(json.dumps(line, sort_keys=True))
