"""Training rows are the very features the ranking used for the same pairs."""

import datetime as dt

import numpy as np

from matcher.features import FEATURE_NAMES
from matcher.occupations import OccupationLinker
from matcher.pipeline import rank
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.training import pair_features

TODAY = dt.date(2026, 11, 23)


def test_pair_features_equal_the_features_behind_a_ranking() -> None:
    linker = OccupationLinker.default()
    claimants = [
        ClaimantProfile(
            id="a",
            ladder_step=6,
            postcode="1271",
            max_travel_km=20,
            hours_per_week=32,
            desired_occupations=("kok",),
            skills=("koken",),
            restrictions=(),
        ),
        ClaimantProfile(
            id="b",
            ladder_step=6,
            postcode="1211",
            max_travel_km=20,
            hours_per_week=24,
            desired_occupations=("orderpicker",),
            restrictions=(),
        ),
    ]
    records = [
        OpportunityRecord(
            id="1", kind="vacancy", title="Kok", postcode="1272", capacity=1, skills=("koken",)
        ),
        OpportunityRecord(
            id="2", kind="vacancy", title="Orderpicker", postcode="1213", capacity=1, hours_min=16
        ),
        OpportunityRecord(
            id="3", kind="placement", title="Magazijnmedewerker", postcode="1251", capacity=2
        ),
    ]
    results = rank(claimants, records, today=TODAY, top=3, linker=linker)
    pairs = [(r.claimant_id, m.opportunity_id) for r in results for m in r.matches]
    expected = [[m.features[name] for name in FEATURE_NAMES] for r in results for m in r.matches]
    assert len(pairs) >= 4
    rows = pair_features(claimants, records, pairs, today=TODAY, linker=linker)
    np.testing.assert_allclose(rows, np.array(expected, dtype=np.float32), atol=1e-5)
