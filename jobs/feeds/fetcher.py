"""HTTP fetching with timeouts, a user agent, retries with backoff and a per-host delay."""

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from models.settings import Settings

# A feed larger than this is not a feed we want in memory.
MAX_BYTES = 50 * 1024 * 1024


class FetchError(Exception):
    """A URL could not be fetched, after the retries."""


def _retryable(error: Exception) -> bool:
    """Return whether another try may help: timeouts, connection trouble, 429 and 5xx."""
    if isinstance(error, urllib.error.HTTPError):
        return error.code == 429 or error.code >= 500
    return True


def _describe(error: Exception) -> str:
    """Return a short Dutch reason for the admin page."""
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code}"
    if isinstance(error, TimeoutError) or "timed out" in str(error):
        return "time-out"
    return f"{type(error).__name__}: {error}"


@dataclass
class Fetcher:
    """Fetch URLs politely; one instance per pull so the per-host delay spans all sources."""

    user_agent: str
    timeout_s: float
    retries: int
    host_delay_s: float
    backoff_s: float = 1.0
    # file:// sources are read only from this folder, so an admin cannot point at any file.
    files_root: Path | None = None
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last_request: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings, *, backoff_s: float = 1.0) -> "Fetcher":
        """Return a fetcher configured by the feed_* settings."""
        return cls(
            user_agent=settings.feed_user_agent,
            timeout_s=settings.feed_timeout_s,
            retries=settings.feed_retries,
            host_delay_s=settings.feed_host_delay_s,
            backoff_s=backoff_s,
            files_root=settings.instance_dir / "feeds",
        )

    def get(self, url: str) -> bytes:
        """Return the body of a URL, or raise FetchError with the last reason."""
        scheme = urlsplit(url).scheme
        if scheme == "file":
            return self._read_file(url)
        if scheme not in ("http", "https"):
            raise FetchError(f"alleen http-, https- en file-adressen: {url}")
        for attempt in range(self.retries + 1):
            self._wait_for_host(url)
            try:
                return self._get_once(url)
            except (urllib.error.URLError, OSError) as error:
                if isinstance(error, urllib.error.HTTPError):
                    error.close()  # it holds the open response
                if attempt == self.retries or not _retryable(error):
                    raise FetchError(_describe(error)) from None
                self.sleep(self.backoff_s * 2**attempt)
        raise FetchError("geen poging gedaan")  # only reached with negative retries

    def _read_file(self, url: str) -> bytes:
        """Read a file:// source from the feeds folder."""
        if self.files_root is None:
            raise FetchError("bestanden als bron staan uit")
        root = self.files_root.resolve()
        path = Path(unquote(urlsplit(url).path)).resolve()
        if root not in path.parents:
            raise FetchError(f"alleen bestanden in {root}")
        try:
            return path.read_bytes()
        except OSError as error:
            raise FetchError(f"bestand niet gelezen: {error.strerror}") from None

    def _wait_for_host(self, url: str) -> None:
        """Sleep until the host's delay since our last request to it has passed."""
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            remaining = self.host_delay_s - (self.clock() - last)
            if remaining > 0:
                self.sleep(remaining)
        self._last_request[host] = self.clock()

    def _get_once(self, url: str) -> bytes:
        """Do one GET with the user agent and timeout."""
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})  # noqa: S310  # nosec B310
        # Only http(s) reaches here: get() refuses other schemes (file:, ftp:).
        with urllib.request.urlopen(request, timeout=self.timeout_s) as response:  # noqa: S310  # nosec B310
            body: bytes = response.read(MAX_BYTES + 1)
            # A connection dropped half-way returns what came; the promised length tells.
            missing = getattr(response, "length", None)
        if missing:
            raise FetchError(f"onvolledig antwoord: {missing} bytes ontbreken")
        if len(body) > MAX_BYTES:
            raise FetchError(f"groter dan {MAX_BYTES // (1024 * 1024)} MB")
        return body
