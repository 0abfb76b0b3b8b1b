"""Linked concepts kept in the database, so no run links a known title again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from matcher.linking import Concept
from models import LinkedConcept
from models.base import utcnow

# Texts longer than a column holds are linked every time: rare, and never wrong.
LONGEST = 300
_CHUNK = 500


class DatabaseConcepts:
    """A concept store in the linked_concepts table; the caller's transaction keeps them."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def fetch(self, version: str, texts: Sequence[str]) -> Mapping[str, Concept]:
        """Return the concepts this linker version gave these texts before."""
        wanted = [t for t in dict.fromkeys(texts) if len(t) <= LONGEST]
        found: dict[str, Concept] = {}
        for start in range(0, len(wanted), _CHUNK):
            rows = self.session.execute(
                select(
                    LinkedConcept.text, LinkedConcept.uri, LinkedConcept.label, LinkedConcept.isco
                ).where(
                    LinkedConcept.linker_version == version,
                    LinkedConcept.text.in_(wanted[start : start + _CHUNK]),
                )
            )
            found.update({text: Concept(uri, label, isco) for text, uri, label, isco in rows})
        return found

    def keep(self, version: str, concepts: Mapping[str, Concept]) -> None:
        """Add new concepts; a text another process stored meanwhile is left as it is."""
        rows = [
            {
                "linker_version": version,
                "text": text,
                "uri": concept.uri,
                "label": concept.label[:LONGEST],
                "isco": concept.isco[:8],
                "created_at": utcnow(),
            }
            for text, concept in concepts.items()
            if len(text) <= LONGEST
        ]
        for start in range(0, len(rows), _CHUNK):
            self.session.execute(_insert_new(self.session, rows[start : start + _CHUNK]))


def _insert_new(session: Session, rows: list[dict[str, object]]) -> Executable:
    """Return an INSERT that skips rows whose key exists (two workers may link one title)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(LinkedConcept).values(rows).on_conflict_do_nothing()
