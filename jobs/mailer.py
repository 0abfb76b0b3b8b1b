"""SMTP delivery with the smtp_* settings."""

import smtplib
from collections.abc import Iterator
from contextlib import contextmanager

from models.settings import Settings

SMTP_TIMEOUT_S = 30


@contextmanager
def smtp_connection(settings: Settings) -> Iterator[smtplib.SMTP]:
    """Open one SMTP connection for a batch of mails, with STARTTLS and login if configured."""
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_S) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password)
        yield smtp
