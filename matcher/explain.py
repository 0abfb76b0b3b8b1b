"""Reasons for a match in plain Dutch (B1), addressed to the claimant as "u".

One sentence per feature that matters for the pair, the things we do not know, and what
would change the result. Identifiers stay English; only these sentences are Dutch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from matcher.filters import UNKNOWN_TRAVEL_KM
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.scales import education_rank
from matcher.text import normalise_term

UNKNOWN_SENTENCES = {
    "postcode": "We weten uw postcode niet. Daarom kunnen we geen plekken in de buurt zoeken.",
    "max_travel_km": (
        f"We weten niet hoe ver u wilt reizen. Daarom zoeken we binnen {UNKNOWN_TRAVEL_KM:g} km."
    ),
    "hours_per_week": (
        "We weten niet hoeveel uur u per week kunt werken. "
        "Daarom ziet u alleen plekken zonder een minimum aantal uren."
    ),
    "driving_licence": (
        "We weten niet of u een rijbewijs heeft. "
        "Daarom ziet u alleen plekken waarvoor u geen rijbewijs nodig heeft."
    ),
    "dutch_level": (
        "We weten niet hoe goed u Nederlands spreekt. Daarom ziet u alleen plekken zonder taaleis."
    ),
    "restrictions": (
        "We weten niet of u lichamelijke beperkingen heeft. "
        "Daarom ziet u alleen plekken zonder lichamelijke eisen."
    ),
}

_KIND_SENTENCES = {
    "placement": "Dit is een werkplek bij een werkgever die mensen een kans wil geven.",
    "coaching": "Dit is begeleiding door een jobcoach.",
    "day_activity": "Dit is een plek voor dagbesteding.",
}


@dataclass(frozen=True)
class TitleEvidence:
    """The claimant's title that fits the opportunity best, and where it came from."""

    title: str
    desired: bool


def reasons(
    claimant: ClaimantProfile,
    opportunity: OpportunityRecord,
    features: Mapping[str, float],
    distance_km: float,
    title: TitleEvidence | None,
) -> list[str]:
    """Return the reasons for one match, most telling first."""
    out = [*_occupation(features, title), _distance(distance_km)]
    out += _skills(claimant, opportunity)
    out += _hours(claimant, opportunity, features)
    out += _education(claimant, opportunity)
    out += _preferences(claimant, opportunity, features)
    if features.get("covenant", 0.0) > 0:
        out.append("Dit is een plek bij een convenantwerkgever.")
    if opportunity.kind in _KIND_SENTENCES:
        out.append(_KIND_SENTENCES[opportunity.kind])
    return out


def unknown_reasons(missing: list[str]) -> list[str]:
    """Return one sentence per unknown claimant value that limits the search."""
    return [UNKNOWN_SENTENCES[name] for name in missing if name in UNKNOWN_SENTENCES]


def advice(claimant: ClaimantProfile, matches: int, further: int, extra_km: float) -> list[str]:
    """Return what would change the result for this claimant as a whole."""
    out = []
    if matches == 0:
        out.append("Er zijn nu geen plekken die bij u passen. Uw werkcoach kijkt met u verder.")
    if further > 0 and claimant.postcode is not None:
        limit = claimant.max_travel_km if claimant.max_travel_km is not None else UNKNOWN_TRAVEL_KM
        places = "komt er 1 plek" if further == 1 else f"komen er {further} plekken"
        out.append(f"Als u {limit + extra_km:g} km wilt reizen, {places} bij.")
    return out


def _occupation(features: Mapping[str, float], title: TitleEvidence | None) -> list[str]:
    occupation, fuzzy = features.get("occupation", 0.0), features.get("title", 0.0)
    # A shared ISCO group is evidence at any level; a fuzzy title only when it is close.
    if title is None or (occupation < 0.25 and fuzzy < 0.6):
        return []
    if occupation >= 0.75 or fuzzy >= 0.85:
        if title.desired:
            return [f"Dit past bij het werk dat u zoekt: {title.title}."]
        return [f"Dit past bij uw ervaring als {title.title}."]
    return [f"Dit lijkt op werk dat u kent: {title.title}."]


def _distance(km: float) -> str:
    if km < 1.0:
        return "Deze plek is dichtbij: minder dan 1 km van uw huis."
    return f"U woont {km:.0f} km van deze plek."


def _skills(claimant: ClaimantProfile, opportunity: OpportunityRecord) -> list[str]:
    asked = {normalise_term(s): s for s in opportunity.skills}
    have = {normalise_term(s) for s in claimant.skills}
    matched = [label for key, label in asked.items() if key in have]
    missing = [label for key, label in asked.items() if key not in have]
    out = []
    if matched:
        out.append(
            f"U heeft {len(matched)} van de {len(asked)} gevraagde vaardigheden: "
            f"{', '.join(matched[:3])}."
        )
    if missing:
        out.append(f"Als u ook dit kunt, past de plek beter: {', '.join(missing[:3])}.")
    return out


def _hours(
    claimant: ClaimantProfile, opportunity: OpportunityRecord, features: Mapping[str, float]
) -> list[str]:
    wanted = claimant.hours_per_week
    if wanted is None:
        return []
    if features.get("hours", 0.0) >= 1.0:
        return [f"De uren passen bij u: u wilt {wanted:g} uur per week werken."]
    offered = opportunity.hours_max or 0.0
    return [f"Deze plek heeft minder uren ({offered:g} per week) dan u wilt ({wanted:g})."]


def _education(claimant: ClaimantProfile, opportunity: OpportunityRecord) -> list[str]:
    needed = opportunity.education_level
    if needed is None:
        return []
    if claimant.education_level is None:
        return [f"Deze plek vraagt opleiding {needed}. We weten uw opleiding niet."]
    if education_rank(claimant.education_level) >= education_rank(needed):
        return ["Uw opleiding past bij deze plek."]
    return [f"Deze plek vraagt opleiding {needed}. Met die opleiding past de plek beter bij u."]


def _preferences(
    claimant: ClaimantProfile, opportunity: OpportunityRecord, features: Mapping[str, float]
) -> list[str]:
    outcome = claimant.feedback.get(opportunity.id)
    if outcome in {"interested", "applied", "interview", "placed"}:
        return ["U had eerder interesse in deze plek."]
    if outcome in {"declined", "rejected"}:
        return ["Deze plek paste eerder niet. Daarom staat hij lager."]
    if features.get("preferences", 0.0) <= 0:
        return []
    text = f"{opportunity.title} {opportunity.description} {opportunity.employer}".lower()
    liked = [word for word in claimant.preferences if word.lower() in text]
    return [f"Dit past bij wat u zoekt: {', '.join(liked[:3]) or 'uw wensen'}."]
