"""Ordinal scales of the interchange format: education, Dutch level, ladder step, kinds.

The same vocabularies as models.vocab (the matcher must not import models);
tests/test_vocabularies.py keeps the two equal.
"""

from __future__ import annotations

OPPORTUNITY_KINDS = ("vacancy", "placement", "coaching", "day_activity")

EDUCATION_LEVELS = ("geen", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo_vwo", "hbo", "wo")
# Spellings seen in files and forms, mapped to the canonical level.
_EDUCATION_ALIASES = {"havo/vwo": "havo_vwo", "havo": "havo_vwo", "vwo": "havo_vwo"}

# A0 means "no Dutch yet"; CEFR itself starts at A1.
DUTCH_LEVELS = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")

LADDER_STEPS = range(1, 7)

# Which kinds of opportunity each participation-ladder step is matched to by default.
# Steps 1-2 (isolated, social contacts) first need a place in society; steps 3-4
# (organised activities, unpaid work) get coaching, day activity and covenant
# placements (which are often unpaid work-experience places); step 5 (paid work with
# support) gets placements, coaching and vacancies; step 6 (paid work) vacancies and
# placements. A mediator overrides this per claimant with ``allowed_kinds``.
ROUTES: dict[int, tuple[str, ...]] = {
    1: ("day_activity",),
    2: ("day_activity",),
    3: ("coaching", "day_activity", "placement"),
    4: ("coaching", "day_activity", "placement"),
    5: ("placement", "coaching", "vacancy"),
    6: ("vacancy", "placement"),
}


def education_rank(level: str) -> int:
    """Return the position of an education level on the scale (geen = 0)."""
    return EDUCATION_LEVELS.index(normalise_education(level))


def normalise_education(level: str) -> str:
    """Return the canonical spelling of an education level; raise ValueError if unknown."""
    key = level.strip().lower()
    key = _EDUCATION_ALIASES.get(key, key)
    if key not in EDUCATION_LEVELS:
        raise ValueError(
            f"unknown education level {level!r}; use one of {', '.join(EDUCATION_LEVELS)}"
        )
    return key


def dutch_rank(level: str) -> int:
    """Return the position of a CEFR level on the scale (A0 = 0)."""
    return DUTCH_LEVELS.index(normalise_dutch(level))


def normalise_dutch(level: str) -> str:
    """Return the canonical spelling of a CEFR level; raise ValueError if unknown."""
    key = level.strip().upper()
    if key not in DUTCH_LEVELS:
        raise ValueError(f"unknown Dutch level {level!r}; use one of {', '.join(DUTCH_LEVELS)}")
    return key


def route(ladder_step: int, allowed_kinds: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Return the opportunity kinds a claimant is matched to; a mediator's override wins."""
    if allowed_kinds is not None:
        return allowed_kinds
    return ROUTES[ladder_step]


# Dutch names of the education levels, for the sentences the matcher writes.
EDUCATION_NAMES = {
    "geen": "geen diploma",
    "vmbo": "vmbo",
    "mbo1": "mbo niveau 1",
    "mbo2": "mbo niveau 2",
    "mbo3": "mbo niveau 3",
    "mbo4": "mbo niveau 4",
    "havo_vwo": "havo of vwo",
    "hbo": "hbo",
    "wo": "wo (universiteit)",
}


def education_name(level: str) -> str:
    """Return the Dutch name of an education level (the code itself when unknown)."""
    return EDUCATION_NAMES.get(level, level)
