"""ESCO occupations for vacancy titles, through the matcher's OccupationLinker."""

from collections.abc import Callable

from matcher.occupations import OccupationLinker

# Titles in, one (uri, label) or None per title out, in the same order.
TitleLinker = Callable[[list[str]], list[tuple[str, str] | None]]


def link_titles(titles: list[str]) -> list[tuple[str, str] | None]:
    """Return the best ESCO occupation (uri, label) of each title, or None."""
    if not titles:
        return []
    results = OccupationLinker.default().link_many(titles, k=1)
    return [(hits[0].uri, hits[0].label) if hits else None for hits in results]


def no_linking(titles: list[str]) -> list[tuple[str, str] | None]:
    """Link nothing (for tests and benchmarks that measure everything else)."""
    return [None] * len(titles)
