"""Linked concepts kept in the database, so no run links a known title again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from matcher.linking import Concept
from models import LinkedConcept

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
                select(LinkedConcept.text, LinkedConcept.uri, LinkedConcept.label, LinkedConcept.isco)
                .where(
                    LinkedConcept.linker_version == version,
                    LinkedConcept.text.in_(wanted[start : start + _CHUNK]),
                )
            )
            found.update({text: Concept(uri, label, isco) for text, uri, label, isco in rows})
        return found

    def keep(self, version: str, concepts: Mapping[str, Concept]) -> None:
        """Add new concepts; texts another process stored meanwhile are left as they are."""
        fresh = {t: c for t, c in concepts.items() if len(t) <= LONGEST}
        if not fresh:
            return
        known = set(
            self.session.scalars(
                select(LinkedConcept.text).where(
                    tuple_(LinkedConcept.linker_version, LinkedConcept.text).in_(
                        [(version, t) for t in fresh]
                    )
                )
            )
        ) if len(fresh) <= _CHUNK else set(self.fetch(version, list(fresh)))
        self.session.add_all(
            LinkedConcept(
                linker_version=version, text=t, uri=c.uri, label=c.label[:300], isco=c.isco[:8]
            )
            for t, c in fresh.items()
            if t not in known
        )
        self.session.flush()
