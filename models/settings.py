"""All configuration, read from the environment in one place.

Both web and jobs read their settings here, so this sits in the lowest layer.
"""

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ENVIRONMENTS = ("demo", "test", "production")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class ConfigError(ValueError):
    """A setting is missing or has a value we cannot use."""


def _bool(value: str, name: str) -> bool:
    """Parse a yes/no environment value."""
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ConfigError(f"{name} must be true or false, not {value!r}")


def _int(value: str, name: str) -> int:
    """Parse a whole-number environment value."""
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {value!r}") from None


def _float(value: str, name: str) -> float:
    """Parse a decimal environment value."""
    try:
        return float(value)
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {value!r}") from None


def _date(value: str, name: str) -> date | None:
    """Parse an optional YYYY-MM-DD environment value."""
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"{name} must be a date YYYY-MM-DD, not {value!r}") from None


def _trusted_proxies(value: str) -> int:
    """Parse ZOW_TRUSTED_PROXIES: the number of proxies whose X-Forwarded-For is believed."""
    count = _int(value, "ZOW_TRUSTED_PROXIES")
    if not 0 <= count <= 5:
        raise ConfigError(f"ZOW_TRUSTED_PROXIES must be 0 to 5, not {count}")
    return count


def default_database_url(instance_dir: Path) -> str:
    """Return the embedded SQLite URL under the instance folder."""
    return f"sqlite:///{(instance_dir / 'zow.sqlite3').resolve()}"


def instance_secret_key(instance_dir: Path) -> str:
    """Return the random key kept in the instance folder, making it the first time.

    Outside production SECRET_KEY may be left out; a key known to anyone (or an empty one)
    would let anyone forge signed links and cookies, so each instance gets its own.
    """
    path = instance_dir / "secret_key"
    if not path.exists():
        instance_dir.mkdir(parents=True, exist_ok=True)
        try:
            # O_EXCL: of two processes starting at once, one writes and both read its key.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as file:
                file.write(secrets.token_urlsafe(48) + "\n")
    return path.read_text().strip()


@dataclass(frozen=True)
class Settings:
    """The service's configuration; see the table in README.md."""

    env: str = "demo"
    database_url: str = ""
    secret_key: str = ""
    instance_dir: Path = field(default_factory=lambda: Path("instance"))
    region: str = "gooi-en-vechtstreek"
    # Regions whose weekly runs this installation queues (ZOW_REGIONS, comma-separated);
    # empty means just ``region``.
    regions: tuple[str, ...] = ()
    store_bsn: bool = False
    base_url: str = "http://127.0.0.1:5000"
    host: str = "127.0.0.1"
    port: int = 5000
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    mail_from: str = "zicht-op-werk@localhost"
    feed_user_agent: str = "ZichtOpWerkMatcher/0.1 (+https://example.invalid/zow)"
    feed_timeout_s: float = 20.0
    feed_retries: int = 3
    feed_host_delay_s: float = 1.0
    scheduler_enabled: bool = True
    # Second factor for admins, mediators and employers; only demo and test may go without.
    totp_required: bool = True
    # Seals the TOTP secrets in the database; empty means derived from secret_key.
    totp_key: str = ""
    # The date the service takes for "today" (ZOW_TODAY), to replay a pull or a week;
    # None means the calendar. Never in production.
    today_override: date | None = None
    # How many reverse proxies in front of the app set X-Forwarded-For; 0 trusts none.
    trusted_proxies: int = 0

    @property
    def matching_regions(self) -> tuple[str, ...]:
        """Return the regions whose weekly matching runs this installation queues."""
        return self.regions or (self.region,)

    @property
    def is_demo(self) -> bool:
        """Return whether demo accounts and demo data are allowed."""
        return self.env == "demo"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        """Read settings from environment variables, refusing unsafe combinations."""
        env_vars = os.environ if environ is None else environ
        env = env_vars.get("ZOW_ENV", "demo")
        if env not in ENVIRONMENTS:
            raise ConfigError(f"ZOW_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
        instance_dir = Path(env_vars.get("ZOW_INSTANCE_DIR", "instance"))
        secret_key = env_vars.get("SECRET_KEY", "")
        if env == "production" and len(secret_key) < 32:
            raise ConfigError("SECRET_KEY must be set to at least 32 characters in production")
        secret_key = secret_key or instance_secret_key(instance_dir)
        totp_default = "false" if env in ("demo", "test") else "true"
        totp_required = _bool(env_vars.get("ZOW_TOTP", totp_default), "ZOW_TOTP")
        if env == "production" and not totp_required:
            raise ConfigError("ZOW_TOTP cannot be switched off in production")
        today_override = _date(env_vars.get("ZOW_TODAY", ""), "ZOW_TODAY")
        if env == "production" and today_override is not None:
            raise ConfigError("ZOW_TODAY cannot be set in production")
        totp_key = env_vars.get("ZOW_TOTP_KEY", "")
        if totp_key and len(totp_key) < 32:
            raise ConfigError("ZOW_TOTP_KEY must be at least 32 characters when set")

        def get(name: str, default: str) -> str:
            return env_vars.get(name, default)

        return cls(
            env=env,
            database_url=get("DATABASE_URL", default_database_url(instance_dir)),
            secret_key=secret_key,
            instance_dir=instance_dir,
            region=get("ZOW_REGION", cls.region),
            regions=tuple(r.strip() for r in get("ZOW_REGIONS", "").split(",") if r.strip()),
            store_bsn=_bool(get("ZOW_STORE_BSN", "false"), "ZOW_STORE_BSN"),
            base_url=get("ZOW_BASE_URL", cls.base_url),
            host=get("ZOW_HOST", cls.host),
            port=_int(get("ZOW_PORT", str(cls.port)), "ZOW_PORT"),
            smtp_host=get("SMTP_HOST", cls.smtp_host),
            smtp_port=_int(get("SMTP_PORT", str(cls.smtp_port)), "SMTP_PORT"),
            smtp_user=get("SMTP_USER", ""),
            smtp_password=get("SMTP_PASSWORD", ""),
            smtp_starttls=_bool(get("SMTP_STARTTLS", "false"), "SMTP_STARTTLS"),
            mail_from=get("MAIL_FROM", cls.mail_from),
            feed_user_agent=get("FEED_USER_AGENT", cls.feed_user_agent),
            feed_timeout_s=_float(get("FEED_TIMEOUT_S", "20"), "FEED_TIMEOUT_S"),
            feed_retries=_int(get("FEED_RETRIES", "3"), "FEED_RETRIES"),
            feed_host_delay_s=_float(get("FEED_HOST_DELAY_S", "1"), "FEED_HOST_DELAY_S"),
            scheduler_enabled=_bool(get("ZOW_SCHEDULER", "true"), "ZOW_SCHEDULER"),
            totp_required=totp_required,
            totp_key=totp_key,
            today_override=today_override,
            trusted_proxies=_trusted_proxies(get("ZOW_TRUSTED_PROXIES", "0")),
        )


def today(settings: Settings | None = None) -> date:
    """Return the date every job and page takes for today: ZOW_TODAY, else Amsterdam's date."""
    if settings is not None and settings.today_override is not None:
        return settings.today_override
    return datetime.now(UTC).astimezone(AMSTERDAM).date()
