"""Titles are linked once per linker version; the database remembers them between runs."""

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matcher.linking import (
    Concept,
    ConceptCache,
    Hit,
    LayeredConcepts,
    MemoryConcepts,
    linker_version,
)
from matcher.store.concepts import DatabaseConcepts
from models import LinkedConcept
from tests.matcher.conftest import KeywordLinker


class CountingLinker:
    """Links like the stand-in linker and counts the texts it was asked about."""

    def __init__(self, version: str) -> None:
        self.version = version
        self.asked: list[str] = []

    def link_many(self, texts: list[str], k: int = 10) -> Sequence[Sequence[Hit]]:
        self.asked.extend(texts)
        return KeywordLinker().link_many(texts, k)


TITLES = ["orderpicker", "magazijnmedewerker", "kok", "medewerker bediening"]


def test_a_second_run_links_nothing_it_linked_before(db: Session) -> None:
    first = CountingLinker("v1")
    before = ConceptCache(first, DatabaseConcepts(db)).link(TITLES)
    db.commit()
    again = CountingLinker("v1")  # another run, another process: only the database is shared
    after = ConceptCache(again, DatabaseConcepts(db)).link([*TITLES, "hovenier"])
    assert first.asked == TITLES and again.asked == ["hovenier"]
    assert after[:4] == before


def test_a_new_linker_version_links_everything_again(db: Session) -> None:
    ConceptCache(CountingLinker("v1"), DatabaseConcepts(db)).link(TITLES)
    newer = CountingLinker("v2")
    ConceptCache(newer, DatabaseConcepts(db)).link(TITLES)
    assert newer.asked == TITLES
    assert db.scalar(select(func.count()).select_from(LinkedConcept)) == 2 * len(TITLES)


def test_two_workers_keeping_the_same_title_do_not_collide(db: Session) -> None:
    store = DatabaseConcepts(db)
    store.keep("v1", {"kok": Concept("http://data.europa.eu/esco/occupation/x", "kok", "5120")})
    store.keep("v1", {"kok": Concept("http://other", "kok", "5120")})
    assert store.fetch("v1", ["kok"])["kok"].uri.endswith("/x")


def test_the_fast_store_is_filled_from_the_database(db: Session) -> None:
    ConceptCache(CountingLinker("v1"), DatabaseConcepts(db)).link(TITLES)
    memory = MemoryConcepts()
    layered = LayeredConcepts(memory, DatabaseConcepts(db))
    assert set(layered.fetch("v1", TITLES)) == set(TITLES)
    assert set(memory.fetch("v1", TITLES)) == set(TITLES)


def test_a_linker_is_known_by_its_version_or_else_by_a_fingerprint_of_its_code() -> None:
    from matcher.linking import NullLinker
    from matcher.occupations import OccupationLinker

    shipped = OccupationLinker.default()
    assert linker_version(shipped) == shipped.version
    fingerprint = linker_version(NullLinker())
    assert fingerprint.startswith("NullLinker-") and fingerprint != linker_version(KeywordLinker())
    assert linker_version(CountingLinker("2026.12")) == "2026.12"
