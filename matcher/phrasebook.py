"""The claimant's reasons for many matches at once, each sentence written once per key.

A run explains hundreds of thousands of matches, yet their sentences repeat: the same
title, the same asked skills of which the claimant has the same ones, the same hours.
The phrasebook finds each part's facts and words (matcher.explain) once per distinct key
and puts the reasons of a match together from them, in the order ``explain.reasons``
gives. One phrasebook serves a whole run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from matcher import explain
from matcher.records import ClaimantProfile, OpportunityRecord

Key = tuple[object, ...]
Said = tuple[str, ...]  # remembered sentences: shared, so they cannot be changed
NEAR = "near"


class Phrasebook:
    """Remembers the claimant's sentences of each part of a match by what decides them."""

    def __init__(self) -> None:
        self._said: dict[Key, Said] = {}

    def reasons(
        self,
        claimant: ClaimantProfile,
        opportunity: OpportunityRecord,
        features: Mapping[str, float],
        distance_km: float,
        title: explain.TitleEvidence | None,
    ) -> list[str]:
        """Return what ``explain.reasons`` returns for this match."""
        return [
            *self.occupation(features, title),
            *self.distance(distance_km),
            *self.skills(claimant, opportunity),
            *self.hours(claimant, opportunity, features),
            *self.education(claimant, opportunity),
            *self.wishes(claimant, opportunity, features),
            *self.tail(opportunity, features),
        ]

    def occupation(
        self, features: Mapping[str, float], title: explain.TitleEvidence | None
    ) -> Said:
        """Return the title sentence: decided by the title, if desired, and how close."""
        occupation, fuzzy = features.get("occupation", 0.0), features.get("title", 0.0)
        low = occupation < explain.TITLE_EVIDENCE[0] and fuzzy < explain.TITLE_EVIDENCE[1]
        if title is None or low:
            return ()
        close = occupation >= explain.TITLE_CLOSE[0] or fuzzy >= explain.TITLE_CLOSE[1]
        key: Key = ("occupation", title.title, title.desired, close)
        return self._phrases(key, explain.occupation_facts, features, title)

    def distance(self, distance_km: float) -> Said:
        """Return the distance sentence: it shows whole km (or "dichtbij"), its key."""
        key = ("distance", NEAR if distance_km < explain.NEAR_KM else f"{distance_km:.0f}")
        return self._phrases(key, _distance, distance_km)

    def skills(self, claimant: ClaimantProfile, opportunity: OpportunityRecord) -> Said:
        """Return the skill sentences: decided by which asked skills the claimant has."""
        if not opportunity.skills:
            return ()
        have = explain.skill_terms(tuple(claimant.skills))
        asked = explain.skill_terms(tuple(opportunity.skills))
        key = ("skills", tuple(opportunity.skills), *(term in have for term in asked))
        return self._phrases(key, explain.skill_facts, claimant, opportunity)

    def hours(
        self,
        claimant: ClaimantProfile,
        opportunity: OpportunityRecord,
        features: Mapping[str, float],
    ) -> Said:
        """Return the hours sentence: decided by the hours wanted and offered, and the fit."""
        if claimant.hours_per_week is None:
            return ()
        fits = features.get("hours", 0.0) >= explain.HOURS_FIT
        key = ("hours", claimant.hours_per_week, fits, explain.offered_hours(opportunity))
        return self._phrases(key, explain.hours_facts, claimant, opportunity, features)

    def education(self, claimant: ClaimantProfile, opportunity: OpportunityRecord) -> Said:
        """Return the education sentence: decided by the level asked and the claimant's."""
        if opportunity.education_level is None:
            return ()
        key = ("education", opportunity.education_level, claimant.education_level)
        return self._phrases(key, explain.education_facts, claimant, opportunity)

    @staticmethod
    def wishes(
        claimant: ClaimantProfile, opportunity: OpportunityRecord, features: Mapping[str, float]
    ) -> Said:
        """Return the sentence of an earlier outcome or of wishes met: one pair's own."""
        # Without either (most pairs, even of claimants with outcomes elsewhere) nothing.
        if not has_wishes(claimant, opportunity, features.get("preferences", 0.0)):
            return ()
        return tuple(
            explain.for_claimant(explain.preference_facts(claimant, opportunity, features))
        )

    def tail(self, opportunity: OpportunityRecord, features: Mapping[str, float]) -> Said:
        """Return the sentences after the wishes: covenant and kind of place."""
        covenant = features.get("covenant", 0.0) > 0
        out = self._phrases(("covenant",), _covenant) if covenant else ()
        if opportunity.kind in explain.KIND_SENTENCES:
            return (*out, explain.KIND_SENTENCES[opportunity.kind])
        return out

    def _phrases(self, key: Key, facts: Callable[..., list[explain.Fact]], *args: Any) -> Said:
        """Return the sentences of a key, finding its facts (``facts(*args)``) the first time."""
        said = self._said.get(key)
        if said is None:
            said = self._said[key] = tuple(explain.for_claimant(facts(*args)))
        return said


def has_wishes(
    claimant: ClaimantProfile, opportunity: OpportunityRecord, preferences: float
) -> bool:
    """Return whether a pair has an earlier outcome or wishes it meets, to be said."""
    return opportunity.id in claimant.feedback or preferences > 0


def _distance(km: float) -> list[explain.Fact]:
    # Whether it is within the claimant's limit is not said to the claimant.
    return [explain.Fact("distance", {"km": km, "within": True})]


def _covenant() -> list[explain.Fact]:
    return [explain.Fact("covenant")]
