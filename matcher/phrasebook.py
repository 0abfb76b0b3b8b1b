"""The claimant's reasons for many matches at once, each sentence written once per key.

A run explains hundreds of thousands of matches, yet their sentences repeat: the same
title, the same asked skills against the same claimant's skills, the same hours. The
phrasebook finds each part's facts and words (matcher.explain) once per distinct key and
puts the reasons of a match together from them, in the order ``explain.reasons`` gives.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from matcher import explain
from matcher.records import ClaimantProfile, OpportunityRecord

Key = tuple[object, ...]


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
            out += self._say(key, lambda: explain.occupation_facts(features, title))
        # The sentence shows whole km (or "dichtbij"): the shown figure is the key.
        shown = "near" if distance_km < 1.0 else f"{distance_km:.0f}"
        out += self._say(("distance", shown), lambda: [_distance(distance_km)])
        skills = (tuple(claimant.skills), tuple(opportunity.skills))
        out += self._say(("skills", skills), lambda: explain.skill_facts(claimant, opportunity))
        if claimant.hours_per_week is not None:
            fits = features.get("hours", 0.0) >= 1.0
            key = ("hours", claimant.hours_per_week, fits, opportunity.hours_max or 0.0)
            out += self._say(key, lambda: explain.hours_facts(claimant, opportunity, features))
        if opportunity.education_level is not None:
            key = ("education", opportunity.education_level, claimant.education_level)
            out += self._say(key, lambda: explain.education_facts(claimant, opportunity))
        # Earlier outcomes and wishes hang on this very pair: nothing to share.
        out += explain.for_claimant(explain.preference_facts(claimant, opportunity, features))
        if features.get("covenant", 0.0) > 0:
            out += self._say(("covenant",), lambda: [explain.Fact("covenant")])
        if opportunity.kind in explain.KIND_SENTENCES:
            out.append(explain.KIND_SENTENCES[opportunity.kind])
        return out

    def _say(self, key: Key, found: Callable[[], list[explain.Fact]]) -> list[str]:
        said = self._said.get(key)
        if said is None:
            said = self._said[key] = explain.for_claimant(found())
        return said


def _distance(km: float) -> explain.Fact:
    # Whether it is within the claimant's limit is not said to the claimant.
    return explain.Fact("distance", {"km": km, "within": True})
