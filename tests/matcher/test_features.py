import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from matcher.features import FEATURE_NAMES, FeatureContext
from matcher.geo import Gazetteer
from matcher.linking import Concept, Linker, isco_code, level_matrix
from matcher.pair_columns import distinct_columns
from matcher.records import ClaimantProfile, OpportunityRecord
from tests.matcher.conftest import TODAY, KeywordLinker, make_claimant, make_opportunity


def features(
    linker: Linker, claimants: list[ClaimantProfile], places: list[OpportunityRecord]
) -> dict[str, np.ndarray]:
    context = FeatureContext(
        claimants, places, linker=linker, gazetteer=Gazetteer.default(), today=TODAY
    )
    block = context.block(claimants)
    return {name: block.features[i] for i, name in enumerate(FEATURE_NAMES)}


def test_occupation_levels() -> None:
    concepts = [
        Concept("u1", "a", "9321"),
        Concept("u2", "b", "9321"),
        Concept("u3", "c", "9329"),
        Concept("u4", "d", "9333"),
        Concept("u5", "e", "5120"),
        Concept(),
    ]
    assert level_matrix(concepts[:1], concepts).tolist() == [[1.0, 0.75, 0.5, 0.25, 0.0, 0.0]]
    assert level_matrix([Concept()], [Concept()]).tolist() == [[0.0]]


def closest_level(a: Concept, b: Concept) -> float:
    """The credit by the rule itself: same occupation 1, same 4/3/2 ISCO digits less."""
    if a.uri and a.uri == b.uri:
        return 1.0
    for digits, credit in ((4, 0.75), (3, 0.5), (2, 0.25)):
        if len(a.isco) >= digits and a.isco[:digits] == b.isco[:digits]:
            return credit
    return 0.0


concepts = st.builds(
    Concept,
    st.sampled_from(["", "u1", "u2", "u3"]),
    st.just(""),
    st.sampled_from(["", "9", "93", "932", "9321", "9329", "9333", "5120", "51"]),
)


@given(st.lists(concepts, max_size=12), st.lists(concepts, max_size=12))
def test_occupation_levels_follow_the_rule_for_every_pair(
    rows: list[Concept], cols: list[Concept]
) -> None:
    expected = [[closest_level(a, b) for b in cols] for a in rows]
    matrix = level_matrix(rows, cols)
    assert matrix.shape == (len(rows), len(cols)) and matrix.dtype == np.float32
    assert matrix.tolist() == expected


def test_isco_code_sources() -> None:
    assert isco_code(Concept(uri="http://data.europa.eu/esco/isco/C9321")) == "9321"
    assert isco_code(KeywordLinker().link_many(["kok"])[0][0]) == "5120"


def test_features_per_pair(keyword_linker: KeywordLinker) -> None:
    claimants = [
        make_claimant(id="a", hours_per_week=40, education_level="mbo1"),
        make_claimant(
            id="b",
            hours_per_week=None,
            education_level=None,
            desired_occupations=[],
            work_history=[],
        ),
        make_claimant(
            id="r",
            work_history=[{"title": "Orderpicker", "years": 1}, {"title": "kok", "years": 9}],
        ),
    ]
    places = [
        make_opportunity(
            id="same",
            hours_min=8,
            hours_max=20,
            education_level="mbo2",
            skills=["heftruck rijden", "scannen"],
        ),
        make_opportunity(id="far", title="Kok", postcode="1251", kind="placement", skills=[]),
    ]
    f = features(keyword_linker, claimants, places)
    assert all(f[name].shape == (3, 2) for name in FEATURE_NAMES)
    # The most recent job (orderpicker) counts, not the older one (kok).
    assert f["recency"][2, 0] == 1.0 and f["recency"][2, 1] < 0.5
    f = {name: np.delete(values, 2, axis=0) for name, values in f.items()}
    assert f["occupation"][0].tolist() == [1.0, 0.0]
    assert f["title"][0, 0] == 1.0 and f["title"][1].tolist() == [0.0, 0.0]
    assert f["recency"][0, 0] < 1.0 and f["recency"][1].tolist() == [0.0, 0.0]
    assert f["skills"][0].tolist() == [0.5, 0.0]
    assert f["distance"][0, 0] == pytest.approx(1.0, abs=0.01) and f["distance"][0, 1] < 0.7
    assert f["hours"][0] == pytest.approx([0.5, 38 / 40]) and f["hours"][1].tolist() == [0.5, 0.5]
    assert f["education"][0, 0] == pytest.approx(2 / 3) and f["education"][1, 0] == 0.5
    assert f["covenant"][0].tolist() == [0.0, 1.0]
    assert ((f["text"] >= 0) & (f["text"] <= 1.0001)).all()


def test_a_claimant_fits_as_well_as_their_best_title(keyword_linker: KeywordLinker) -> None:
    # Someone who wants to cook and once picked orders fits a cook's job as a cook would,
    # and an order picker's job as an order picker would, whatever the order of titles.
    both = make_claimant(
        id="both", desired_occupations=["kok"], work_history=[{"title": "orderpicker"}]
    )
    cook = make_claimant(id="cook", desired_occupations=["kok"], work_history=[])
    picker = make_claimant(id="picker", desired_occupations=["orderpicker"], work_history=[])
    nobody = make_claimant(id="none", desired_occupations=[], work_history=[])
    places = [
        make_opportunity(id="kok", title="Kok"),
        make_opportunity(id="pick", title="Orderpicker (m/v)"),
        make_opportunity(id="clean", title="Schoonmaker"),
    ]
    f = features(keyword_linker, [both, cook, picker, nobody], places)
    for name in ("occupation", "title"):
        assert f[name][0].tolist() == np.maximum(f[name][1], f[name][2]).tolist()
        assert f[name][3].tolist() == [0.0, 0.0, 0.0]
    assert f["occupation"][0].tolist() == [1.0, 1.0, 0.0]


def test_feedback_reaches_every_pair_it_was_given_for(keyword_linker: KeywordLinker) -> None:
    # The training set asks for pairs in any order, some twice; each gets its own outcome.
    claimants = [
        make_claimant(id="a", feedback={"o1": "applied", "o2": "declined", "gone": "applied"}),
        make_claimant(id="b", feedback={"o2": "interested"}),
    ]
    places = [make_opportunity(id="o1"), make_opportunity(id="o2"), make_opportunity(id="o3")]
    context = FeatureContext(
        claimants, places, linker=keyword_linker, gazetteer=Gazetteer.default(), today=TODAY
    )
    rows = np.array([1, 0, 0, 1, 0, 0, 1], dtype=np.intp)
    cols = np.array([1, 2, 1, 0, 0, 1, 2], dtype=np.intp)
    distance = np.zeros(len(rows))
    preferences = context.pair_features(claimants, rows, cols, distance)[
        FEATURE_NAMES.index("preferences")
    ]
    assert preferences.tolist() == [1.0, 0.0, -1.0, 0.0, 1.0, -1.0, 0.0]


@given(st.lists(st.integers(0, 30), max_size=80))
def test_distinct_columns_are_what_np_unique_gives(columns: list[int]) -> None:
    cols = np.array(columns, dtype=np.intp)
    needed, position = distinct_columns(cols, 31)
    expected, inverse = np.unique(cols, return_inverse=True)
    assert needed.tolist() == expected.tolist()
    assert position.tolist() == inverse.tolist()
