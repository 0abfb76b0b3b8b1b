"""A weekly update that scores only the new pairs gives the lists a full run gives."""

import datetime as dt
import random

from matcher.geo import Gazetteer
from matcher.incremental import update_results
from matcher.linking import Linker
from matcher.pipeline import ClaimantResult, rank
from matcher.records import ClaimantProfile, OpportunityRecord
from tests.matcher.conftest import make_claimant, make_opportunity

TODAY = dt.date(2026, 11, 23)
# Ugly titles on purpose: the way Dutch vacancy sites and agencies write them.
TITLES = [
    "Orderpicker (m/v) 32 uur",
    "Magazijnmedewerker / heftruckchauffeur",
    "Medewerker bediening - Huizen",
    "Kok",
    "Hulpkok 24-32u",
    "Schoonmaker kantoren (avond)",
    "Verkoopmedewerker parttime",
    "Chauffeur C/CE",
    "Productiemedewerker 2-ploegen",
    "Tuinman/hovenier",
]
PLACES = ["1271", "1272", "1275", "1261", "1211", "1401", "1222"]


def _people(n: int, rng: random.Random) -> list[ClaimantProfile]:
    return [
        make_claimant(
            id=f"c{i}",
            postcode=rng.choice(PLACES),
            max_travel_km=rng.choice([5, 10, 20]),
            desired_occupations=[rng.choice(TITLES)],
            work_history=[{"title": rng.choice(TITLES), "years": rng.randint(0, 8)}],
            skills=rng.sample(["heftruck rijden", "koken", "kassa", "schoonmaken"], 2),
            preferences=rng.choice([[], ["magazijn"], ["avond", "keuken"]]),
        )
        for i in range(n)
    ]


def _places(n: int, rng: random.Random, start: int) -> list[OpportunityRecord]:
    return [
        make_opportunity(
            id=f"o{start + i}",
            title=rng.choice(TITLES),
            description=rng.choice(["", "Werken in een team.", "Avonddienst in de keuken."]),
            postcode=rng.choice(PLACES),
            hours_min=rng.choice([0, 16, 24]),
            skills=rng.sample(["heftruck rijden", "koken", "kassa", "hygiëne"], 1),
            capacity=rng.randint(1, 3),
        )
        for i in range(n)
    ]


def _lists(results: list[ClaimantResult]) -> dict[str, list[tuple[str, float]]]:
    return {r.claimant_id: [(m.opportunity_id, m.score) for m in r.matches] for r in results}


def test_an_update_with_new_vacancies_equals_a_full_run(linker: Linker) -> None:
    rng = random.Random(7)
    people = _people(40, rng)
    old, new = _places(120, rng, 0), _places(30, rng, 1000)
    gazetteer = Gazetteer.default()

    def ranked(opportunities: list[OpportunityRecord]) -> list[ClaimantResult]:
        return rank(people, opportunities, today=TODAY, top=8, linker=linker, gazetteer=gazetteer)

    gone = {"o3", "o17", "o42"}  # filled or withdrawn since last week
    still_open = [o for o in old if o.id not in gone]
    updated = update_results(ranked(old), ranked(new), gone=gone, top=8)
    full = ranked(still_open + new)
    # Lists that lost a match to `gone` may miss their ninth-best: compare the rest exactly.
    untouched = {
        r.claimant_id for r in ranked(old) if not gone & {m.opportunity_id for m in r.matches}
    }
    assert len(untouched) > 20
    assert {c: v for c, v in _lists(updated).items() if c in untouched} == {
        c: v for c, v in _lists(full).items() if c in untouched
    }
    assert any(m.opportunity_id.startswith("o10") for r in updated for m in r.matches)
    for mine, theirs in zip(_lists(updated).values(), _lists(full).values(), strict=True):
        assert mine == theirs[: len(mine)]
