"""What makes a feed source valid, checked the same way by the admin form, the API and the CLI."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.feed import FeedSource
from models.vocab import FEED_KINDS

NAME_MAX = 120
URL_MAX = 2000
REGION_MAX = 40


@dataclass(frozen=True)
class SourceProblem:
    """One field of a source that cannot be used: a code for forms, a Dutch message for people."""

    field: str
    code: str
    message: str


def url_problem(kind: str, url: str | None) -> str | None:
    """Return the code of what is wrong with a source's URL for its kind, or None."""
    if kind == "upload":
        return None
    if not url:
        return "missing"
    if len(url) > URL_MAX:
        return "too_long"
    parts = urlsplit(url)
    if parts.scheme == "file" and parts.path.startswith("/"):
        return None  # a file in the installation's feeds folder (the fetcher enforces the folder)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "scheme"
    return None


_URL_MESSAGES = {
    "missing": "Vul het adres van de bron in.",
    "too_long": f"Het adres is langer dan {URL_MAX} tekens.",
    "scheme": "Gebruik een adres dat begint met http://, https:// of file:///.",
}


def name_taken(session: Session, *, name: str, source_id: int | None = None) -> bool:
    """Return whether another source already has this name."""
    query = select(FeedSource.id).where(FeedSource.name == name)
    return any(found != source_id for found in session.scalars(query))


def source_problems(
    session: Session, values: Mapping[str, Any], *, source_id: int | None = None
) -> list[SourceProblem]:
    """Return every problem of a source's values (name, kind, url, region), in Dutch."""
    problems: list[SourceProblem] = []
    name = str(values.get("name") or "").strip()
    kind = str(values.get("kind") or "")
    region = str(values.get("region") or "").strip()
    if not name:
        problems.append(SourceProblem("name", "missing", "Vul een naam in."))
    elif len(name) > NAME_MAX:
        problems.append(SourceProblem("name", "too_long", f"Langer dan {NAME_MAX} tekens."))
    elif name_taken(session, name=name, source_id=source_id):
        problems.append(SourceProblem("name", "taken", "Er is al een bron met deze naam."))
    if kind not in FEED_KINDS:
        message = "Onbekende soort; kies uit " + ", ".join(FEED_KINDS) + "."
        problems.append(SourceProblem("kind", "unknown", message))
    else:
        code = url_problem(kind, values.get("url"))
        if code is not None:
            problems.append(SourceProblem("url", code, _URL_MESSAGES[code]))
    if not region:
        problems.append(SourceProblem("region", "missing", "Vul de regio in."))
    elif len(region) > REGION_MAX:
        problems.append(SourceProblem("region", "too_long", f"Langer dan {REGION_MAX} tekens."))
    return problems
