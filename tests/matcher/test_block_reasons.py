"""The block's reasons equal the phrasebook's, pair by pair (and so ``explain.reasons``)."""

from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matcher import explain
from matcher.block_reasons import MASK_BITS, block_reasons
from matcher.features import FEATURE_NAMES, FeatureContext, PairBlock
from matcher.filters import unknowns
from matcher.geo import Gazetteer
from matcher.linking import Linker
from matcher.phrasebook import Phrasebook
from matcher.pipeline import top_blocks
from matcher.ranker import LinearScorer
from matcher.reason_keys import OpportunityKeys
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.text import claimant_titles, normalise_title
from tests.matcher.conftest import TODAY, make_claimant, make_opportunity

TITLES = ["Orderpicker", "Kok (m/v)", "Schoonmaker", "Verkoper", "Chauffeur C/CE", "xyz"]
# As vacancies write them: repeats in other case, spaces, near-equal spellings.
SKILLS = ["heftruck rijden", "Heftruck rijden", "kassa", "Kassa ", "koken", "HACCP", "plannen"]
LEVELS = ["vmbo", "mbo2", "mbo3", "havo", "hbo"]
KINDS = ["vacancy", "placement", "coaching", "day_activity"]
POSTCODES = ["1271AB", "1272", "1251", "1261", "1211", "1411"]
OUTCOMES = ["interested", "declined", "no_show", "placed", "proposed", "rejected"]


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


places = st.builds(
    lambda i, **fields: make_opportunity(id=f"o{i}", **fields),
    st.integers(0, 30),
    kind=st.sampled_from(KINDS),
    title=st.sampled_from(TITLES),
    postcode=st.sampled_from(POSTCODES),
    hours_min=st.sampled_from([0, 8, 16]),
    hours_max=maybe(st.sampled_from([16, 24, 32.5, 38])),
    skills=st.lists(st.sampled_from(SKILLS), max_size=5),
    education_level=maybe(st.sampled_from(LEVELS)),
    employer=st.sampled_from(["Bakkerij Jansen", "Garage", "AH"]),
    description=st.sampled_from(["Avondwerk in de keuken", "Magazijn", ""]),
    extra=st.sampled_from([{}, {"covenant": True}]),
)
people = st.builds(
    lambda i, **fields: make_claimant(id=f"c{i}", **fields),
    st.integers(0, 10**6),
    postcode=st.sampled_from(POSTCODES),
    hours_per_week=maybe(st.sampled_from([8, 16, 32, 40])),
    skills=st.lists(st.sampled_from(SKILLS), max_size=4),
    education_level=maybe(st.sampled_from([*LEVELS, "wo"])),
    desired_occupations=st.lists(st.sampled_from(TITLES), max_size=2),
    work_history=st.lists(
        st.builds(lambda t: {"title": t, "years": 2}, st.sampled_from(TITLES)), max_size=2
    ),
    preferences=st.lists(st.sampled_from(["bakkerij", "avond", "magazijn"]), max_size=2),
    feedback=st.dictionaries(
        st.sampled_from([f"o{i}" for i in range(31)]), st.sampled_from(OUTCOMES)
    ),
)


def expected(block: PairBlock, records: list[OpportunityRecord], best: Any) -> list[list[str]]:
    """Return the reasons pair by pair from one phrasebook, as the pipeline said them before."""
    phrases = Phrasebook()
    out = []
    for p, (row, col) in enumerate(zip(block.rows.tolist(), block.cols.tolist(), strict=True)):
        claimant = block.claimants[row]
        features = dict(zip(FEATURE_NAMES, block.features[:, p].tolist(), strict=True))
        names = claimant_titles(claimant)
        desired = {normalise_title(t) for t in claimant.desired_occupations}
        title = names[int(best[p])] if names else None
        evidence = explain.TitleEvidence(title, title in desired) if title else None
        km = float(block.distance[p])
        said = phrases.reasons(claimant, records[col], features, km, evidence)
        # The phrasebook says what explain says of this pair (it only shares sentences).
        assert said == explain.reasons(claimant, records[col], features, km, evidence)
        out.append(said + explain.unknown_reasons(unknowns(claimant)))
    return out


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(people, min_size=1, max_size=7), st.lists(places, min_size=1, max_size=20))
def test_a_block_says_what_the_phrasebook_says_pair_by_pair(
    linker: Linker, claimants: list[ClaimantProfile], opportunities: list[OpportunityRecord]
) -> None:
    opportunities = list({o.id: o for o in opportunities}.values())
    context = FeatureContext(
        claimants, opportunities, linker=linker, gazetteer=Gazetteer.default(), today=TODAY
    )
    blocks = top_blocks(context, claimants, top=8, scorer=LinearScorer.default(), block_size=3)
    for part in blocks:
        block = part.block
        best = context.titles.best_titles(block.claimants, block.rows, block.cols)
        extra = [explain.unknown_reasons(unknowns(c)) for c in block.claimants]
        said = block_reasons(context.phrases, context.reason_keys, block, best, extra)
        assert said == expected(block, opportunities, best)


def hand_block(
    claimants: list[ClaimantProfile], records: list[OpportunityRecord], km: list[float]
) -> PairBlock:
    """Return every claimant against every record, at the given distances (cycled)."""
    rows = np.repeat(np.arange(len(claimants)), len(records))
    cols = np.tile(np.arange(len(records)), len(claimants))
    features = np.zeros((len(FEATURE_NAMES), len(rows)), dtype=np.float32)
    features[FEATURE_NAMES.index("occupation")] = 0.8
    features[FEATURE_NAMES.index("hours")] = np.resize([1.0, 0.5], len(rows))
    distance = np.resize(np.array(km, dtype=np.float64), len(rows))
    further = np.zeros(len(claimants), dtype=np.int_)
    return PairBlock(claimants, rows, cols, features, distance, further)


def test_edges_of_the_shown_km_and_of_long_skill_lists() -> None:
    many = [f"vaardigheid {i}" for i in range(MASK_BITS + 8)]
    records = [
        make_opportunity(id="long", skills=many),
        make_opportunity(id="longer", skills=[*many, "koken"]),
        make_opportunity(id="short", skills=many[:3]),
    ]
    claimants = [
        make_claimant(id="a", skills=[many[0], many[MASK_BITS + 1]]),
        make_claimant(id="b", skills=[many[0], many[MASK_BITS + 2]]),
        make_claimant(id="c", skills=[many[0]], hours_per_week=None, education_level=None),
    ]
    # Under 1 km, halves that round down and up, just over, unknown and unreachable.
    km = [0.0, 0.99, 1.0, 1.5, 2.5, 2.5000001, 14.5, float("nan"), float("inf")]
    block = hand_block(claimants, records, km)
    best = np.zeros(len(block.rows), dtype=np.intp)
    extra = [explain.unknown_reasons(unknowns(c)) for c in claimants]
    keys = OpportunityKeys(records)
    said = block_reasons(Phrasebook(), keys, block, best, extra)
    assert said == expected(block, records, best)
    # The first two differ only past the mask's bits: so do their skill sentences.
    first, second = said[0], said[len(records)]
    assert [s for s in first if "vaardigheid" in s] != [s for s in second if "vaardigheid" in s]
    # Every pair gets a list of its own.
    said[0].append("changed")
    assert all(s[-1] != "changed" for s in said[1:])


def test_keys_are_found_only_for_the_places_a_run_shows(linker: Linker) -> None:
    claimants = [make_claimant(id="a", max_travel_km=3)]
    near = [make_opportunity(id=f"n{i}", skills=["kassa", SKILLS[i % 7]]) for i in range(4)]
    far = [make_opportunity(id=f"f{i}", postcode="9711") for i in range(50)]
    context = FeatureContext(
        claimants, far + near, linker=linker, gazetteer=Gazetteer.default(), today=TODAY
    )
    (part,) = top_blocks(context, claimants, top=2, scorer=LinearScorer.default())
    best = context.titles.best_titles(part.block.claimants, part.block.rows, part.block.cols)
    said = block_reasons(context.phrases, context.reason_keys, part.block, best, [[]])
    assert len(said) == 2
    assert sorted(np.flatnonzero(context.reason_keys.known).tolist()) == sorted(
        set(part.block.cols.tolist())
    )
    assert said == expected(part.block, far + near, best)
