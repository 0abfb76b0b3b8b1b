import datetime as dt
import gc
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matcher import explain
from matcher.audiences import for_mediator
from matcher.features import FEATURE_NAMES
from matcher.filters import UNKNOWN_TRAVEL_KM, excluded_demands
from matcher.geo import Gazetteer
from matcher.linking import Linker
from matcher.pipeline import best_first, rank
from matcher.ranker import LinearScorer
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.scales import dutch_rank, route
from models.lifecycle import MATCH_STATUSES
from tests.matcher.conftest import TODAY, KeywordLinker, make_claimant, make_opportunity

POSTCODES = ["1271", "1272AB", "1251", "1261", "1211", "1411", "3511", "3762", "1000", "9711"]
TITLES = ["orderpicker", "Kok (m/v)", "schoonmaker", "verkoper", "chauffeur", "hovenier", "xyz"]
DEMANDS = ["tillen", "staan", "zitten", "nachtwerk", "klantcontact"]
RESTRICTIONS = ["geen_tillen", "niet_lang_staan", "geen_nachtdienst", "geen_klantcontact"]
KINDS = ["vacancy", "placement", "coaching", "day_activity"]
LEVELS = ["A0", "A1", "A2", "B1", "B2", "C1", "C2"]


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


claimants = st.builds(
    lambda i, **fields: make_claimant(id=f"c{i}", **fields),
    st.integers(0, 10**6),
    postcode=maybe(st.sampled_from(POSTCODES)),
    max_travel_km=maybe(st.floats(0, 60)),
    hours_per_week=maybe(st.floats(0, 40)),
    driving_licence=maybe(st.booleans()),
    ladder_step=st.integers(1, 6),
    allowed_kinds=maybe(st.lists(st.sampled_from(KINDS), unique=True)),
    dutch_level=maybe(st.sampled_from(LEVELS)),
    restrictions=maybe(st.lists(st.sampled_from(RESTRICTIONS), unique=True)),
    desired_occupations=st.lists(st.sampled_from(TITLES), max_size=2),
)
opportunities = st.builds(
    lambda i, **fields: make_opportunity(id=f"o{i}", **fields),
    st.integers(0, 10**6),
    kind=st.sampled_from(KINDS),
    title=st.sampled_from(TITLES),
    postcode=st.sampled_from(POSTCODES),
    hours_min=st.floats(0, 40),
    hours_max=st.none(),
    requires_driving_licence=st.booleans(),
    dutch_level=maybe(st.sampled_from(LEVELS)),
    physical_demands=st.lists(st.sampled_from(DEMANDS), unique=True, max_size=2),
    capacity=st.integers(0, 3),
    closes_on=maybe(st.dates(dt.date(2026, 11, 1), dt.date(2026, 12, 31)).map(str)),
)


def violations(c: ClaimantProfile, o: OpportunityRecord, gazetteer: Gazetteer) -> list[str]:
    """Check one pair against docs/design.md's hard constraints, independently of the filters."""
    out = []
    limit = UNKNOWN_TRAVEL_KM if c.max_travel_km is None else c.max_travel_km
    known = c.postcode in gazetteer and o.postcode in gazetteer
    if not known or gazetteer.distance_km(c.postcode or "", o.postcode) > limit:
        out.append("distance")
    if o.hours_min > (c.hours_per_week or 0.0):
        out.append("hours")
    if o.requires_driving_licence and c.driving_licence is not True:
        out.append("licence")
    if dutch_rank(o.dutch_level or "A0") > dutch_rank(c.dutch_level or "A0"):
        out.append("dutch")
    if o.physical_demands and (
        c.restrictions is None or set(o.physical_demands) & excluded_demands(c.restrictions)
    ):
        out.append("demands")
    if o.capacity <= 0 or (o.closes_on is not None and o.closes_on < TODAY):
        out.append("open")
    if o.kind not in route(c.ladder_step, c.allowed_kinds):
        out.append("route")
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(claimants, min_size=1, max_size=6), st.lists(opportunities, min_size=1, max_size=25)
)
def test_no_match_violates_a_hard_constraint(
    linker: Linker, people: list[ClaimantProfile], places: list[OpportunityRecord]
) -> None:
    gazetteer = Gazetteer.default()
    places = list({o.id: o for o in places}.values())
    results = rank(people, places, today=TODAY, top=10, linker=linker, block_size=4)
    assert [r.claimant_id for r in results] == [c.id for c in people]
    by_id = {o.id: o for o in places}
    for claimant, result in zip(people, results, strict=True):
        feasible = [o for o in places if not violations(claimant, o, gazetteer)]
        assert len(result.matches) == min(10, len(feasible))
        for match in result.matches:
            assert violations(claimant, by_id[match.opportunity_id], gazetteer) == []
            assert match.reasons
        scores = [m.score for m in result.matches]
        assert scores == sorted(scores, reverse=True)


def test_the_closer_occupation_ranks_first(linker: Linker) -> None:
    claimant = make_claimant(desired_occupations=["kok"], work_history=[], skills=[])
    places = [
        make_opportunity(id="far", title="Kok", postcode="1251", skills=[]),
        make_opportunity(id="cook", title="Zelfstandig werkend kok", skills=[]),
        make_opportunity(id="other", title="Schoonmaker", skills=[]),
    ]
    result = rank([claimant], places, today=TODAY, top=3, linker=linker)[0]
    assert [m.opportunity_id for m in result.matches][-1] == "other"


def test_protected_attributes_change_nothing(linker: Linker) -> None:
    places = [make_opportunity(id=f"o{i}", title=t) for i, t in enumerate(TITLES)]
    plain = make_claimant()
    marked = make_claimant(age=61, gender="v", nationality="SY", origin="x", health="astma")
    assert marked.extra and not plain.extra
    first, second = (
        rank([c], places, today=TODAY, top=5, linker=linker)[0] for c in (plain, marked)
    )
    assert first.matches == second.matches


def test_preferences_and_feedback_move_the_ranking(linker: Linker) -> None:
    places = [
        make_opportunity(id="a", employer="Bakkerij"),
        make_opportunity(id="b", employer="Garage"),
    ]
    liked = make_claimant(preferences=["bakkerij"], feedback={"b": "declined"})
    result = rank([liked], places, today=TODAY, top=2, linker=linker)[0]
    assert [m.opportunity_id for m in result.matches] == ["a", "b"]
    assert any("Bakkerij" in r or "bakkerij" in r for r in result.matches[0].reasons)
    assert "Deze plek paste eerder niet. Daarom staat hij lager." in result.matches[1].reasons


def test_advice_counts_places_a_little_further(linker: Linker) -> None:
    claimant = make_claimant(max_travel_km=3)
    places = [make_opportunity(id="near"), make_opportunity(id="laren", postcode="1251")]
    result = rank([claimant], places, today=TODAY, top=5, linker=linker)[0]
    assert [m.opportunity_id for m in result.matches] == ["near"]
    assert "Als u 13 km wilt reizen, komt er 1 plek bij." in result.advice


def test_a_learned_model_ranks_by_its_own_weights(linker: Linker) -> None:
    # Weights that care only about distance put the nearest place first.
    weights = tuple(1.0 if name == "distance" else 0.0 for name in FEATURE_NAMES)
    model = LinearScorer(weights, intercept=0.0, logistic=True)
    claimant = make_claimant(desired_occupations=["kok"], work_history=[])
    places = [
        make_opportunity(id="cook", title="Kok", postcode="1251"),
        make_opportunity(id="near", title="Orderpicker"),
    ]
    result = rank([claimant], places, today=TODAY, top=2, linker=linker, model=model)[0]
    assert [m.opportunity_id for m in result.matches] == ["near", "cook"]
    assert all(0.0 < m.score < 1.0 for m in result.matches)


def test_empty_inputs(linker: Linker) -> None:
    assert rank([], [make_opportunity()], today=TODAY, top=3, linker=linker) == []
    alone = rank([make_claimant()], [], today=TODAY, top=3, linker=linker)[0]
    assert alone.matches == [] and alone.advice


def test_ranking_leaves_the_cycle_collector_as_it_found_it(linker: Linker) -> None:
    # Reasons are built with the collector paused; the caller's setting must survive that.
    people, places = [make_claimant()], [make_opportunity()]
    assert gc.isenabled()
    assert rank(people, places, today=TODAY, top=3, linker=linker)[0].matches
    assert gc.isenabled()
    gc.disable()
    try:
        assert rank(people, places, today=TODAY, top=3, linker=linker)[0].matches
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_best_first_orders_each_claimants_pairs_as_a_plain_sort_does() -> None:
    rng = np.random.default_rng(7)
    # Claimant 0 and 3 have no pairs (first and in the middle), 6 none at the end.
    rows = np.sort(rng.choice([1, 2, 4, 5], size=400)).astype(np.intp)
    # Ties, zero of both signs, negatives, extremes and NaN of both signs, as a learned
    # model's scores can be.
    pool = [0.5, 0.5, -0.0, 0.0, -0.25, 1e-30, -1e-30, 3.5, -7.0, np.inf, -np.inf, np.nan]
    scores = rng.choice(np.array(pool + [-np.nan], dtype=np.float32), size=400)
    expected = np.lexsort((-scores, rows))
    for top in (0, 5, 400):
        chosen = best_first(rows, scores, top, 7)
        assert len(chosen) == 7 and len(chosen[0]) == len(chosen[3]) == len(chosen[6]) == 0
        for row, got in enumerate(chosen):
            assert got.tolist() == [int(i) for i in expected if rows[i] == row][:top]
    empty = best_first(np.zeros(0, np.intp), np.zeros(0, np.float32), 5, 2)  # no pairs at all
    assert [c.tolist() for c in empty] == [[], []]


def test_each_match_names_the_claimants_title_that_fits_it() -> None:
    claimant = make_claimant(
        desired_occupations=["orderpicker"],
        work_history=[{"title": "kok", "years": 4}, {"title": "schoonmaker", "years": 1}],
    )
    places = [
        make_opportunity(id="o1", title="Kok", description="Koken", skills=[]),
        make_opportunity(id="o2", title="Orderpicker", skills=[]),
        make_opportunity(id="o3", title="Schoonmaker", description="Schoonmaken", skills=[]),
    ]
    [result] = rank([claimant], places, today=TODAY, top=3, linker=KeywordLinker())
    reasons = {m.opportunity_id: m.reasons[0] for m in result.matches}
    assert reasons == {
        "o1": "Dit past bij uw ervaring als kok.",
        "o2": "Dit past bij het werk dat u zoekt: orderpicker.",
        "o3": "Dit past bij uw ervaring als schoonmaker.",
    }


@pytest.mark.parametrize("status", MATCH_STATUSES)
def test_every_earlier_outcome_that_moves_a_place_is_said(linker: Linker, status: str) -> None:
    """A place the ranking lifts or lowers for an earlier outcome always says so."""
    places = [make_opportunity(id="a"), make_opportunity(id="b")]
    claimant = make_claimant(feedback={"b": status})
    result = rank([claimant], places, today=TODAY, top=2, linker=linker)[0]
    moved = {m.opportunity_id: m for m in result.matches}["b"]
    earlier = [r for r in moved.reasons if "eerder" in r]
    if moved.features["preferences"] < 0:
        assert [m.opportunity_id for m in result.matches] == ["a", "b"]
        assert earlier and earlier[0].endswith("Daarom staat hij lager.")
    elif moved.features["preferences"] > 0:
        assert [m.opportunity_id for m in result.matches] == ["b", "a"]
        assert earlier == ["U had eerder interesse in deze plek."]
    else:
        assert earlier == []


def test_a_no_show_is_named_to_the_claimant_and_the_mediator(linker: Linker) -> None:
    places = [make_opportunity(id="a"), make_opportunity(id="b")]
    claimant = make_claimant(feedback={"b": "no_show"})
    result = rank([claimant], places, today=TODAY, top=2, linker=linker)[0]
    assert result.matches[1].opportunity_id == "b"
    assert (
        "U kwam eerder niet op het gesprek voor deze plek. Daarom staat hij lager."
        in result.matches[1].reasons
    )
    fact = explain.preference_facts(claimant, places[1], result.matches[1].features)[0]
    assert for_mediator([fact]) == ["Eerder niet op gesprek verschenen."]
