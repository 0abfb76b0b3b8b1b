"""Feed sources as an admin manages them: list, create, edit, disable."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import FeedSource

EDITABLE = ("name", "kind", "url", "region", "enabled", "full_feed")


def list_sources(session: Session) -> list[FeedSource]:
    """Return every feed source, active ones first."""
    query = select(FeedSource).order_by(FeedSource.enabled.desc(), FeedSource.name)
    return list(session.scalars(query))


def get_source(session: Session, *, source_id: int) -> FeedSource | None:
    """Return one feed source."""
    return session.get(FeedSource, source_id)


def save_source(
    session: Session, *, values: dict[str, Any], source: FeedSource | None = None
) -> FeedSource:
    """Create a source, or update one, from form values."""
    source = source or FeedSource(settings={})
    for name in EDITABLE:
        setattr(source, name, values[name])
    if source.kind == "upload":
        source.url = None
    session.add(source)
    session.flush()
    return source


def disable_source(session: Session, *, source: FeedSource) -> None:
    """Stop pulling a source; its vacancies and runs stay."""
    source.enabled = False


def upload_choices(session: Session) -> list[tuple[int, str]]:
    """Return (id, name) of the active upload sources."""
    query = (
        select(FeedSource.id, FeedSource.name)
        .where(FeedSource.kind == "upload", FeedSource.enabled.is_(True))
        .order_by(FeedSource.name)
    )
    return [(id_, name) for id_, name in session.execute(query)]
