"""A synthetic region for the benchmarks: claimants and places as a Dutch region has them.

Titles are ESCO's preferred labels (a fixed list without the taxonomy), postcodes mostly
Gooi and Utrecht, and the rest drawn from small lists; one seed gives the same region.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from matcher.geo import Gazetteer
from matcher.linking import Linker, NullLinker
from matcher.records import ClaimantProfile, OpportunityRecord, WorkExperience
from matcher.scales import DUTCH_LEVELS, EDUCATION_LEVELS, OPPORTUNITY_KINDS

TODAY = dt.date(2026, 11, 23)
FALLBACK_TITLES = [
    "orderpicker",
    "magazijnmedewerker",
    "kok",
    "zelfstandig werkend kok",
    "schoonmaker",
    "verkoper",
    "kassamedewerker",
    "vakkenvuller",
    "chauffeur",
    "hovenier",
    "tuinman",
    "productiemedewerker",
    "heftruckchauffeur",
    "administratief medewerker",
    "receptionist",
    "thuiszorgmedewerker",
    "helpende zorg",
    "bouwvakker",
    "schilder",
    "timmerman",
]
DEMANDS = ["tillen", "staan", "lopen", "nachtwerk", "klantcontact", "buitenwerk"]
RESTRICTIONS = ["geen_tillen", "niet_lang_staan", "beperkt_lopen", "geen_nachtdienst"]
SKILLS = [
    "heftruck rijden",
    "kassa",
    "koken",
    "hygiëne",
    "scannen",
    "plannen",
    "excel",
    "klantvriendelijk",
    "rijbewijs c",
    "snoeien",
    "schoonmaken",
    "voorraadbeheer",
]
WISHES = ["magazijn", "avond", "buiten", "keuken", "zorg", "dichtbij", "parttime", "team"]
OUTCOMES = ["interested", "declined", "applied", "rejected"]


def titles(linker_available: bool) -> list[str]:
    """Return job titles: ESCO preferred labels when the taxonomy is shipped."""
    if not linker_available:
        return FALLBACK_TITLES
    from matcher.taxonomy import Taxonomy

    return sorted({o.label for o in Taxonomy.default().occupations})


def region_postcodes(
    gazetteer: Gazetteer, rng: np.random.Generator
) -> tuple[list[str], np.ndarray]:
    """Return PC4s with weights: mostly Gooi (12xx, 14xx) and Utrecht (35xx-39xx), some beyond."""
    codes = gazetteer.codes
    weights = np.array(
        [8.0 if c[:2] in {"12", "14"} else 4.0 if "35" <= c[:2] <= "39" else 0.3 for c in codes]
    )
    return codes, weights / weights.sum()


def make_claimants(
    n: int, rng: np.random.Generator, names: list[str], places: Any
) -> list[ClaimantProfile]:
    """Return n synthetic claimants."""
    codes, weights = places
    postcodes = rng.choice(codes, size=n, p=weights)
    return [
        ClaimantProfile(
            id=f"c{i}",
            ladder_step=int(rng.integers(1, 7)),
            postcode=str(postcodes[i]),
            max_travel_km=float(rng.choice([5, 10, 15, 25, 40])),
            hours_per_week=float(rng.choice([8, 16, 24, 32, 36, 40])),
            driving_licence=bool(rng.random() < 0.6),
            desired_occupations=tuple(rng.choice(names, size=int(rng.integers(1, 3)))),
            work_history=tuple(
                WorkExperience(str(t), float(rng.integers(0, 10)))
                for t in rng.choice(names, size=int(rng.integers(0, 3)))
            ),
            skills=tuple(rng.choice(SKILLS, size=int(rng.integers(0, 4)), replace=False)),
            education_level=str(rng.choice(EDUCATION_LEVELS)),
            dutch_level=str(rng.choice(DUTCH_LEVELS[1:])),
            restrictions=tuple(
                rng.choice(RESTRICTIONS, size=int(rng.integers(0, 2)), replace=False)
            ),
            notes="",
            preferences=tuple(rng.choice(WISHES, size=int(rng.integers(0, 3)), replace=False)),
            feedback={f"o{int(rng.integers(0, 4 * n))}": str(rng.choice(OUTCOMES))}
            if rng.random() < 0.3
            else {},
        )
        for i in range(n)
    ]


def make_opportunities(
    n: int, rng: np.random.Generator, names: list[str], places: Any
) -> list[OpportunityRecord]:
    """Return n synthetic opportunities, a few of them closed or full."""
    codes, weights = places
    postcodes = rng.choice(codes, size=n, p=weights)
    kinds = rng.choice(OPPORTUNITY_KINDS, size=n, p=[0.6, 0.2, 0.1, 0.1])
    noise = ["", "", " (m/v)", " 32 uur", " parttime", " in Hilversum"]
    out = []
    for i in range(n):
        title = str(rng.choice(names)) + str(rng.choice(noise))
        hours_min = float(rng.choice([0, 8, 16, 24, 32]))
        out.append(
            OpportunityRecord(
                id=f"o{i}",
                kind=str(kinds[i]),
                title=title,
                postcode=str(postcodes[i]),
                capacity=int(rng.integers(0, 4)),
                description=f"{title} gezocht. Werken in een team, {int(hours_min)} tot 40 uur.",
                employer=f"Werkgever {int(rng.integers(0, 2000))}",
                hours_min=hours_min,
                hours_max=hours_min + float(rng.choice([0, 8, 16])),
                requires_driving_licence=bool(rng.random() < 0.15),
                education_level=str(rng.choice(EDUCATION_LEVELS)) if rng.random() < 0.5 else None,
                dutch_level=str(rng.choice(DUTCH_LEVELS[1:5])) if rng.random() < 0.5 else None,
                physical_demands=tuple(
                    rng.choice(DEMANDS, size=int(rng.integers(0, 3)), replace=False)
                ),
                closes_on=TODAY + dt.timedelta(days=int(rng.integers(-10, 60)))
                if rng.random() < 0.7
                else None,
                skills=tuple(rng.choice(SKILLS, size=int(rng.integers(0, 4)), replace=False)),
            )
        )
    return out


def default_linker() -> tuple[Linker, bool]:
    """Return the shipped occupation linker, or a null linker when there is no taxonomy."""
    try:
        from matcher.occupations import OccupationLinker
    except ImportError:
        return NullLinker(), False
    linker: Linker = OccupationLinker.default()
    return linker, True
