"""Reasons for a match: facts first, then words for the claimant in plain Dutch (B1).

``facts`` finds what speaks for or against a pair; ``for_claimant`` says it to the
claimant as "u". The mediator's and the employer's words come from the same facts
(matcher.audiences). Identifiers stay English; only the sentences are Dutch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from matcher.feedback import NO_SHOW, outcome_sign
from matcher.limits import unknown_fields
from matcher.limits.checks import travel_limit
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.scales import education_name, education_rank
from matcher.text import normalise_term, wish_text
from matcher.words import wishes_met

# What the claimant reads about each missing value a hard limit needs (matcher.limits).
UNKNOWN_SENTENCES = {unknown.field: unknown.sentence for unknown in unknown_fields()}

# One place for each rule that decides a sentence: the phrasebook and the block's reasons
# (matcher.phrasebook, matcher.block_reasons) key their sentences by the same rules.
# A title is evidence from this occupation credit or fuzzy title similarity on,
TITLE_EVIDENCE = (0.25, 0.6)
# and close evidence from these.
TITLE_CLOSE = (0.75, 0.85)
HOURS_FIT = 1.0  # the hours feature at which the hours fit
NEAR_KM = 1.0  # closer than this, a place is "dichtbij"

KIND_SENTENCES = {
    "placement": "Dit is een werkplek bij een werkgever die mensen een kans wil geven.",
    "coaching": "Dit is begeleiding door een jobcoach.",
    "day_activity": "Dit is een plek voor dagbesteding.",
}


@dataclass(frozen=True)
class Fact:
    """One thing that speaks for or against a match, before it is put into words."""

    code: str
    values: Mapping[str, Any] = field(default_factory=dict)


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
    """Return the reasons for one match addressed to the claimant, most telling first."""
    return for_claimant(facts(claimant, opportunity, features, distance_km, title))


def facts(
    claimant: ClaimantProfile,
    opportunity: OpportunityRecord,
    features: Mapping[str, float],
    distance_km: float,
    title: TitleEvidence | None,
) -> list[Fact]:
    """Return what speaks for or against one match, before it is put into words."""
    limit = travel_limit(claimant)
    out = [*occupation_facts(features, title)]
    out.append(Fact("distance", {"km": distance_km, "within": distance_km <= limit}))
    out += skill_facts(claimant, opportunity)
    out += hours_facts(claimant, opportunity, features)
    out += education_facts(claimant, opportunity)
    out += preference_facts(claimant, opportunity, features)
    if features.get("covenant", 0.0) > 0:
        out.append(Fact("covenant"))
    if opportunity.kind in KIND_SENTENCES:
        out.append(Fact("kind", {"kind": opportunity.kind}))
    return out


def for_claimant(found: list[Fact]) -> list[str]:
    """Put facts into B1 Dutch for the claimant, addressed as "u"."""
    return [text for fact in found if (text := _claimant_sentence(fact))]


def unknown_reasons(missing: list[str]) -> list[str]:
    """Return one sentence per unknown claimant value that limits the search."""
    return [UNKNOWN_SENTENCES[name] for name in missing if name in UNKNOWN_SENTENCES]


def advice(claimant: ClaimantProfile, matches: int, further: int, extra_km: float) -> list[str]:
    """Return what would change the result for this claimant as a whole."""
    out = []
    if matches == 0:
        out.append("Er zijn nu geen plekken die bij u passen. Uw werkcoach kijkt met u verder.")
    if further > 0 and claimant.postcode is not None:
        limit = travel_limit(claimant)
        places = "komt er 1 plek" if further == 1 else f"komen er {further} plekken"
        out.append(f"Als u {limit + extra_km:g} km wilt reizen, {places} bij.")
    return out


def occupation_facts(features: Mapping[str, float], title: TitleEvidence | None) -> list[Fact]:
    """Return the occupation fact: the claimant's title, when it is evidence for the match."""
    occupation, fuzzy = features.get("occupation", 0.0), features.get("title", 0.0)
    # A shared ISCO group is evidence at any level; a fuzzy title only when it is close.
    if title is None or (occupation < TITLE_EVIDENCE[0] and fuzzy < TITLE_EVIDENCE[1]):
        return []
    close = occupation >= TITLE_CLOSE[0] or fuzzy >= TITLE_CLOSE[1]
    return [Fact("occupation", {"title": title.title, "desired": title.desired, "close": close})]


def skill_facts(claimant: ClaimantProfile, opportunity: OpportunityRecord) -> list[Fact]:
    """Return the asked skills the claimant has, and those they lack."""
    asked = skill_terms(tuple(opportunity.skills))
    if not asked:
        return []
    have = skill_terms(tuple(claimant.skills))
    matched = [label for key, label in asked.items() if key in have]
    missing = [label for key, label in asked.items() if key not in have]
    out = [Fact("skills", {"matched": matched, "asked": len(asked)})] if matched else []
    if missing:
        out.append(Fact("skills_missing", {"missing": missing, "asked": len(asked)}))
    return out


@lru_cache(maxsize=4096)
def skill_terms(skills: tuple[str, ...]) -> dict[str, str]:
    """Return skills by their comparable spelling (the last label of each), in order."""
    return {normalise_term(s): s for s in skills}


def hours_facts(
    claimant: ClaimantProfile, opportunity: OpportunityRecord, features: Mapping[str, float]
) -> list[Fact]:
    """Return whether the place offers the hours the claimant wants."""
    wanted = claimant.hours_per_week
    if wanted is None:
        return []
    fits = features.get("hours", 0.0) >= HOURS_FIT
    offered = offered_hours(opportunity)
    return [Fact("hours", {"wanted": wanted, "offered": offered, "fits": fits})]


def offered_hours(opportunity: OpportunityRecord) -> float:
    """Return the hours a place offers as the sentences say them (0 when unknown)."""
    return opportunity.hours_max or 0.0


def education_facts(claimant: ClaimantProfile, opportunity: OpportunityRecord) -> list[Fact]:
    """Return whether the claimant's education meets the level asked."""
    needed = opportunity.education_level
    if needed is None:
        return []
    have = claimant.education_level
    fits = have is not None and education_rank(have) >= education_rank(needed)
    return [Fact("education", {"needed": needed, "have": have, "fits": fits})]


def preference_facts(
    claimant: ClaimantProfile, opportunity: OpportunityRecord, features: Mapping[str, float]
) -> list[Fact]:
    """Return the claimant's earlier outcome with the place, or the wishes it meets."""
    outcome = claimant.feedback.get(opportunity.id)
    sign = outcome_sign(outcome)
    if sign != 0:
        # The same rule as the ranking feature: a place ranked lower always says why.
        return [Fact("earlier", {"liked": sign > 0, NO_SHOW: outcome == NO_SHOW})]
    if features.get("preferences", 0.0) <= 0:
        return []
    liked = wishes_met(claimant.preferences, wish_text(opportunity))  # the feature's rule
    return [Fact("preferences", {"liked": liked})] if liked else []


def _claimant_sentence(fact: Fact) -> str:
    v = fact.values
    match fact.code:
        case "occupation":
            if not v["close"]:
                return f"Dit lijkt op werk dat u kent: {v['title']}."
            if v["desired"]:
                return f"Dit past bij het werk dat u zoekt: {v['title']}."
            return f"Dit past bij uw ervaring als {v['title']}."
        case "distance":
            if v["km"] < NEAR_KM:
                return "Deze plek is dichtbij: minder dan 1 km van uw huis."
            return f"U woont {v['km']:.0f} km van deze plek."
        case "skills":
            return (
                f"U heeft {len(v['matched'])} van de {v['asked']} gevraagde vaardigheden: "
                f"{', '.join(v['matched'][:3])}."
            )
        case "skills_missing":
            return f"Als u ook dit kunt, past de plek beter: {', '.join(v['missing'][:3])}."
        case "hours":
            if v["fits"]:
                return f"De uren passen bij u: u wilt {v['wanted']:g} uur per week werken."
            return (
                f"Deze plek heeft minder uren ({v['offered']:g} per week) "
                f"dan u wilt ({v['wanted']:g})."
            )
        case "education":
            return _claimant_education(v["needed"], v["have"], v["fits"])
        case "earlier":
            if v["liked"]:
                return "U had eerder interesse in deze plek."
            if v.get(NO_SHOW):
                return "U kwam eerder niet op het gesprek voor deze plek. Daarom staat hij lager."
            return "Deze plek paste eerder niet. Daarom staat hij lager."
        case "preferences":
            return f"Dit past bij wat u zoekt: {', '.join(v['liked'][:3]) or 'uw wensen'}."
        case "covenant":
            return "Dit is een plek bij een convenantwerkgever."
        case "kind":
            return KIND_SENTENCES[v["kind"]]
    return ""


def _claimant_education(needed: str, have: str | None, fits: bool) -> str:
    if have is None:
        return f"Deze plek vraagt opleiding {education_name(needed)}. We weten uw opleiding niet."
    if fits:
        return "Uw opleiding past bij deze plek."
    return (
        f"Deze plek vraagt opleiding {education_name(needed)}. "
        "Met die opleiding past de plek beter bij u."
    )
