"""The lazy linker links as the shipped one and is not built while the store knows every title."""

import pytest

from matcher import lazy_linker
from matcher.lazy_linker import LazyLinker, linker_modules
from matcher.linking import Concept, ConceptCache, MemoryConcepts
from matcher.occupations import OccupationLinker

TITLES = ["Orderpicker (m/v)", "zelfstandig werkend kok", "Hovenier 32 uur"]


def test_its_version_covers_the_linkers_code_and_is_the_same_every_time() -> None:
    modules = linker_modules()
    assert {"matcher.occupations", "matcher.label_index", "matcher.lexicon"} <= modules
    assert "matcher.pipeline" not in modules  # unrelated code changes keep stored links
    lazy_linker.shipped_version.cache_clear()
    assert LazyLinker().version == LazyLinker().version != LazyLinker(rerank=False).version


def test_it_links_and_groups_as_the_shipped_linker() -> None:
    lazy, real = LazyLinker(), OccupationLinker.default()
    lazy_hits = lazy.link_many(TITLES, k=3)
    real_hits = real.link_many(TITLES, k=3)
    assert [[h.uri for h in hits] for hits in lazy_hits] == [
        [h.uri for h in hits] for hits in real_hits
    ]
    uri = real_hits[0][0].uri
    assert lazy.isco_code(uri) == real.isco_code(uri) != ""


def test_known_titles_need_no_linker(monkeypatch: pytest.MonkeyPatch) -> None:
    lazy = LazyLinker()
    store = MemoryConcepts()
    known = Concept("http://data.europa.eu/esco/occupation/x", "orderpicker", "9321")
    store.keep(lazy.version, {"orderpicker": known})

    def no_build() -> None:
        raise AssertionError("the linker was built")

    monkeypatch.setattr(lazy, "built", no_build)
    assert ConceptCache(lazy, store).link(["orderpicker"]) == [known]
    with pytest.raises(AssertionError, match="built"):
        ConceptCache(lazy, store).link(["kok"])
