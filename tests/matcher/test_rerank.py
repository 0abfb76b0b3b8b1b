"""The learned re-ranker: shipped, deterministic, versioned, and confined to the candidates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matcher.linking_eval import LabelledTitle, read_title_set, split_of
from matcher.occupations import OccupationLinker
from matcher.rerank import FEATURES, TOP_N, Candidate, Reranker, features
from matcher.rerank_build import examples, fit, list_style, training_titles

TITLE_SET = Path(__file__).parents[2] / "bench" / "data" / "titles_nl.tsv"
# Written like Dutch vacancy, CV and occupation-list titles, not taken from the title set.
TITLES = [
    "Medewerker bediening (horeca)",
    "Timmerman (bouw)",
    "Chauffeur touringcar",
    "Docent Nederlands (voortgezet onderwijs)",
    "verpleegkundige",
    "Orderpicker / reachtruckchauffeur 40 uur Tilburg",
    "schoonmaker",
    "Ervaring als lasser in Syrië",
]


@pytest.fixture(scope="module")
def linker() -> OccupationLinker:
    """The default linker, as the service uses it."""
    return OccupationLinker.default()


def _reversed_model() -> Reranker:
    """A model that prefers what the linker ranks last: the worst case for confinement."""
    return Reranker([0.0] * len(FEATURES), [1.0] * len(FEATURES), [-1.0] * len(FEATURES))


def test_default_linker_loads_the_shipped_model(linker: OccupationLinker) -> None:
    shipped = Reranker.load()
    assert shipped is not None
    assert linker.reranker is not None
    assert linker.reranker.version == shipped.version
    plain = OccupationLinker.default(rerank=False)
    assert plain.reranker is None
    assert plain.version != linker.version


def test_reranker_is_part_of_the_version(linker: OccupationLinker) -> None:
    plain = linker.with_reranker(None)
    other = linker.with_reranker(_reversed_model())
    assert len({plain.version, linker.version, other.version}) == 3
    assert linker.version.startswith(plain.version)


def test_links_are_deterministic(linker: OccupationLinker) -> None:
    first = linker.link_many(TITLES, k=10)
    again = linker.link_many(list(reversed(TITLES)), k=10)[::-1]
    assert first == again
    assert [linker.link(title, k=10) for title in TITLES] == first


@pytest.mark.parametrize("model", ["shipped", "reversed"])
def test_reranking_only_permutes_the_linker_candidates(
    linker: OccupationLinker, model: str
) -> None:
    reranker = linker.reranker if model == "shipped" else _reversed_model()
    plain = linker.with_reranker(None).link_many(TITLES, k=TOP_N)
    reranked = linker.with_reranker(reranker).link_many(TITLES, k=TOP_N)
    changed = 0
    for before, after in zip(plain, reranked, strict=True):
        assert sorted(h.uri for h in after) == sorted(h.uri for h in before)
        # ISCO groups (the fall-back for vague titles) keep their place; scores still fall.
        assert [("/isco/" in h.uri) for h in after] == [("/isco/" in h.uri) for h in before]
        assert [h.score for h in after] == [h.score for h in before]
        changed += [h.uri for h in after] != [h.uri for h in before]
    if model == "reversed":
        assert changed > 0


def test_first_hits_do_not_depend_on_k(linker: OccupationLinker) -> None:
    for title in TITLES:
        assert linker.link(title, k=3) == linker.link(title, k=10)[:3]


def test_model_for_other_features_is_refused(tmp_path: Path) -> None:
    data = _reversed_model().to_json()
    data["features"] = ["score"]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="bouw opnieuw"):
        Reranker.load(path)
    assert Reranker.load(tmp_path / "missing.json") is None


def test_training_never_sees_sealed_titles() -> None:
    items = read_title_set(TITLE_SET)
    sealed = {item.title for item in items if item.split == "sealed"}
    chosen = training_titles(items)
    assert sealed and chosen
    assert not sealed & {title for title, _ in chosen}
    assert len(chosen) == len(items) - len(sealed)
    # A sealed title mislabelled "dev" in the file is still kept out, by its hash.
    title = next(iter(sealed))
    forged = LabelledTitle(title, frozenset({"x"}), "", "vac", "dev")
    assert split_of(title) == "sealed"
    assert training_titles([forged]) == []


def test_training_learns_to_prefer_the_right_candidate(linker: OccupationLinker) -> None:
    plain = linker.with_reranker(None)
    # The right answer taken from the linker's own third candidate: a model trained on it
    # must learn to lift lower candidates, so it ranks that candidate higher than before.
    queries = []
    for title in TITLES:
        candidates = plain.candidates(title)
        if len(candidates) > 3:
            queries.append((title, frozenset([candidates[2][0]])))
    x, w = examples(plain, queries, 1.0)
    assert len(x) and len(x) == len(w)
    model = fit([(x, w)])
    lifted = linker.with_reranker(model)
    positions = []
    for title, gold in queries:
        uris = [h.uri for h in lifted.link(title, k=TOP_N) if "/isco/" not in h.uri]
        positions.append(uris.index(next(iter(gold))))
    # Each was third (position 2) before; a linear model cannot put all of them first.
    assert sum(positions) / len(positions) < 2


def test_features_have_one_column_each_and_ties_keep_linker_order() -> None:
    candidates = [Candidate(0.8, 0.7, 0.3, 1.0, 0.75, 4), Candidate(0.6, 0.6, 0.0, 0.8, 0.6, 9)]
    assert features(candidates).shape == (2, len(FEATURES))
    indifferent = Reranker([0.0] * len(FEATURES), [1.0] * len(FEATURES), [0.0] * len(FEATURES))
    assert indifferent.order(candidates) == [0, 1]
    assert _reversed_model().order(candidates) == [1, 0]


@pytest.mark.parametrize(
    ("label", "listed"),
    [
        ("kledingverkoper", "Verkoper, kleding"),
        ("schoenenverkoper", "Verkoper, schoenen"),  # the linking -en stays as written
        ("monteur dieselmotoren", "Monteur, dieselmotoren"),
        ("supervisor van een contactcentrum", "Supervisor, contactcentrum"),
        ("hoofd boekhouding", None),  # "hoofd" is no person noun of its own
        ("arts spoedeisende hulp", None),  # a person at both ends: no clear role
        ("netwerk- en telecommunicatiemanager", None),
        ("kok", None),
    ],
)
def test_esco_labels_are_written_as_an_occupation_list_would(
    linker: OccupationLinker, label: str, listed: str | None
) -> None:
    assert list_style(label, linker.scorer.index.lexicon) == listed
