"""The Dutch title set of bench/data: real URIs, no label look-alikes, a sealed third."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher.linking_eval import (
    concept_rank,
    label_like,
    read_title_set,
    scores,
    split_of,
    surface_forms,
)
from matcher.taxonomy import Taxonomy

DATA = Path(__file__).parents[2] / "bench" / "data"
# Each set with its minimum size: the mixed set and the occupation-list set.
SETS = {"titles_nl.tsv": 600, "titles_list_nl.tsv": 250}


@pytest.fixture(scope="module", params=sorted(SETS))
def named_items(request: pytest.FixtureRequest) -> tuple[str, list]:
    return request.param, read_title_set(DATA / request.param)


@pytest.fixture(scope="module")
def items(named_items: tuple[str, list]) -> list:
    return named_items[1]


def test_the_set_is_large_enough_and_every_uri_exists(named_items: tuple[str, list]) -> None:
    name, items = named_items
    taxonomy = Taxonomy.default()
    assert len(items) >= SETS[name]
    assert all(taxonomy.occupation(uri) is not None for item in items for uri in item.uris)
    assert len({item.title.lower() for item in items}) == len(items)


def test_no_title_is_in_two_sets() -> None:
    titles = [{item.title.lower() for item in read_title_set(DATA / name)} for name in sorted(SETS)]
    assert set.intersection(*titles) == set()


def test_no_title_is_an_esco_label_or_a_trivial_variant(items: list) -> None:
    taxonomy = Taxonomy.default()
    labels = [label for o in taxonomy.occupations for label in o.labels]
    labels += [group.label for group in taxonomy.isco_groups]
    assert label_like([item.title for item in items], labels) == []


def test_a_third_is_sealed_by_hash_and_nobody_moved_a_title(items: list) -> None:
    sealed = sum(item.split == "sealed" for item in items)
    assert 0.28 < sealed / len(items) < 0.40
    assert all(item.split == split_of(item.title) for item in items)


@pytest.mark.parametrize(
    ("title", "like"),
    [
        ("Magazijnmedewerker (m/v) 40 uur Utrecht", True),
        ("Medewerker magazijn", True),
        ("VRACHTWAGENCHAUFFEUR - fulltime", True),
        ("Vakkenvuller avonden", False),
        ("Magazijnmedewerker inslag/uitslag", False),
    ],
)
def test_label_like_catches_trivial_variants(title: str, like: bool) -> None:
    labels = ["magazijnmedewerker", "vrachtwagenchauffeur", "vakkenvuller"]
    assert bool(label_like([title], labels)) is like


def test_surface_forms_ignore_order_and_the_compound_space() -> None:
    assert "magazijnmedewerker" in surface_forms("Medewerker magazijn")
    assert surface_forms("(m/v)") == set()


def test_concept_metrics_count_each_concept_once() -> None:
    gold = frozenset({"b"})
    # Listing "a" three times does not push "b" down: it is the second concept.
    assert concept_rank(gold, ["a", "a", "a", "b"]) == 2
    assert concept_rank(gold, ["a", "c"]) is None
    summary = scores([1, 2, None, 10])
    assert summary.s1 == 0.25 and summary.s5 == 0.5 and summary.s10 == 0.75
    assert summary.mrr == pytest.approx((1 + 0.5 + 0 + 0.1) / 4)
