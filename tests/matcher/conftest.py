"""Fixtures for the matcher tests: a linker, a gazetteer and record factories."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from matcher.geo import Gazetteer
from matcher.linking import Linker
from matcher.records import (
    ClaimantProfile,
    OpportunityRecord,
    claimant_from_dict,
    opportunity_from_dict,
)

TODAY = dt.date(2026, 11, 23)
ESCO = "http://data.europa.eu/esco/occupation/"


@dataclass(frozen=True)
class KeywordHit:
    uri: str
    label: str
    score: float
    isco_code: str


class KeywordLinker:
    """A tiny stand-in linker for the few tests that must not depend on the taxonomy."""

    OCCUPATIONS = {
        "orderpicker": ("orderpicker", "9321"),
        "magazijn": ("magazijnmedewerker", "4321"),
        "kok": ("kok", "5120"),
        "schoonma": ("schoonmaker", "9112"),
        "verkoper": ("verkoper", "5223"),
        "chauffeur": ("chauffeur", "8322"),
        "tuin": ("hovenier", "6113"),
    }

    def link_many(self, texts: list[str], k: int = 10) -> list[list[KeywordHit]]:
        return [self._link(text)[:k] for text in texts]

    def _link(self, text: str) -> list[KeywordHit]:
        for key, (label, isco) in self.OCCUPATIONS.items():
            if key in text.lower():
                return [KeywordHit(ESCO + label, label, 1.0, isco)]
        return []


@pytest.fixture(scope="session")
def linker() -> Linker:
    """Return the real occupation linker when the taxonomy is there, else the stand-in."""
    try:
        from matcher.occupations import OccupationLinker
    except ImportError:
        return KeywordLinker()
    return OccupationLinker.default()


@pytest.fixture(scope="session")
def keyword_linker() -> KeywordLinker:
    """Return the stand-in linker, for tests about the feature arithmetic itself."""
    return KeywordLinker()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def make_claimant(**fields: Any) -> ClaimantProfile:
    """Return a valid claimant in Huizen with everything known, overridden by ``fields``."""
    data: dict[str, Any] = {
        "id": "c1",
        "postcode": "1271AB",
        "max_travel_km": 15,
        "hours_per_week": 32,
        "driving_licence": True,
        "ladder_step": 6,
        "desired_occupations": ["orderpicker"],
        "work_history": [{"title": "magazijnmedewerker", "years": 3}],
        "skills": ["heftruck rijden"],
        "education_level": "mbo2",
        "dutch_level": "B1",
        "restrictions": [],
    }
    data.update(fields)
    result = claimant_from_dict(data)
    assert isinstance(result, ClaimantProfile), result
    return result


def make_opportunity(**fields: Any) -> OpportunityRecord:
    """Return a valid open vacancy in Huizen, overridden by ``fields``."""
    data: dict[str, Any] = {
        "id": "o1",
        "kind": "vacancy",
        "title": "Orderpicker",
        "description": "Orders verzamelen in het magazijn",
        "employer": "Logistiek BV",
        "postcode": "1271",
        "hours_min": 24,
        "hours_max": 38,
        "capacity": 1,
        "skills": ["heftruck rijden"],
    }
    data.update(fields)
    result = opportunity_from_dict(data)
    assert isinstance(result, OpportunityRecord), result
    return result
