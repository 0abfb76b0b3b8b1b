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
NEAR = "near"


class Phrasebook:
    """Remembers the claimant's sentences of each part of a match by what decides them."""

    def __init__(self) -> None:
        self._said: dict[Key, list[str]] = {}

    def reasons(
        self,
        claimant: ClaimantProfile,
        opportunity: OpportunityRecord,
        features: Mapping[str, float],
        distance_km: float,
        title: explain.TitleEvidence | None,
    ) -> list[str]:
        """Return what ``explain.reasons`` returns for this match."""
        out: list[str] = []
        occupation, fuzzy = features.get("occupation", 0.0), features.get("title", 0.0)
        if title is not None and not (occupation < 0.25 and fuzzy < 0.6):
            close = occupation >= 0.75 or fuzzy >= 0.85
            key: Key = ("occupation", title.title, title.desired, close)
            out += self._phrases(key, explain.occupation_facts, features, title)
        # The sentence shows whole km (or "dichtbij"): the shown figure is the key.
        key = ("distance", NEAR if distance_km < 1.0 else f"{distance_km:.0f}")
        out += self._phrases(key, _distance, distance_km)
        if opportunity.skills:
            # Which asked skills the claimant has decides both skill sentences.
            have = explain.skill_terms(tuple(claimant.skills))
            asked = explain.skill_terms(tuple(opportunity.skills))
            key = ("skills", tuple(opportunity.skills), *(term in have for term in asked))
            out += self._phrases(key, explain.skill_facts, claimant, opportunity)
        if claimant.hours_per_week is not None:
            fits = features.get("hours", 0.0) >= 1.0
            key = ("hours", claimant.hours_per_week, fits, opportunity.hours_max or 0.0)
            out += self._phrases(key, explain.hours_facts, claimant, opportunity, features)
        if opportunity.education_level is not None:
            key = ("education", opportunity.education_level, claimant.education_level)
            out += self._phrases(key, explain.education_facts, claimant, opportunity)
        # Earlier outcomes and wishes hang on this very pair: nothing to share. Without
        # either (most pairs, even of claimants with outcomes elsewhere) nothing to say.
        if opportunity.id in claimant.feedback or features.get("preferences", 0.0) > 0:
            out += explain.for_claimant(explain.preference_facts(claimant, opportunity, features))
        if features.get("covenant", 0.0) > 0:
            out += self._phrases(("covenant",), _covenant)
        if opportunity.kind in explain.KIND_SENTENCES:
            out.append(explain.KIND_SENTENCES[opportunity.kind])
        return out

    def _phrases(self, key: Key, facts: Callable[..., list[explain.Fact]], *args: Any) -> list[str]:
        """Return the sentences of a key, finding its facts (``facts(*args)``) the first time."""
        said = self._said.get(key)
        if said is None:
            said = self._said[key] = explain.for_claimant(facts(*args))
        return said


def _distance(km: float) -> list[explain.Fact]:
    # Whether it is within the claimant's limit is not said to the claimant.
    return [explain.Fact("distance", {"km": km, "within": True})]


def _covenant() -> list[explain.Fact]:
    return [explain.Fact("covenant")]
