"""The same facts about a match in the words of the mediator and of the employer.

The mediator reads short notes, with the claimant data that is missing. The employer
reads about the candidate in the third person and only what the job needs: never the
exact distance, the claimant's wishes, earlier outcomes or what is unknown about them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matcher.explain import Fact, TitleEvidence, facts
from matcher.feedback import NO_SHOW
from matcher.filters import unknowns
from matcher.limits import LIMITS, Audience, unknown_fields
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.scales import education_name
from matcher.text import claimant_titles, normalise_title

# Names of the claimant fields a hard limit needs, as the mediator reads them.
MISSING_NAMES = {unknown.field: unknown.missing_name for unknown in unknown_fields()}


def for_mediator(found: list[Fact], missing: Sequence[str] = ()) -> list[str]:
    """Put facts into short notes for the mediator, ending with the missing data."""
    out = [text for fact in found if (text := _mediator_note(fact))]
    names = [MISSING_NAMES[name] for name in missing if name in MISSING_NAMES]
    if names:
        out.append(f"Ontbreekt in profiel: {', '.join(names)}.")
    return out


def kept_out(limits: Sequence[str], audience: Audience) -> list[str]:
    """Say to one audience why the named hard limits keep a place out (filters.refused_by)."""
    words = {limit.name: limit.kept_out for limit in LIMITS}
    return [words[name].to(audience) for name in limits]


def for_employer(found: list[Fact]) -> list[str]:
    """Put facts into minimised third-person sentences for the employer."""
    return [text for fact in found if (text := _employer_sentence(fact))]


def employer_reasons(
    claimant: ClaimantProfile,
    opportunity: OpportunityRecord,
    *,
    distance_km: float,
    features: Mapping[str, float] | None = None,
    title: TitleEvidence | None = None,
) -> list[str]:
    """Return why a candidate fits, as the employer may read it (no exact distance)."""
    known = _with_hours(claimant, opportunity, features)
    evidence = title or title_evidence(claimant, opportunity)
    return for_employer(facts(claimant, opportunity, known, distance_km, evidence))


def mediator_reasons(
    claimant: ClaimantProfile,
    opportunity: OpportunityRecord,
    *,
    distance_km: float,
    features: Mapping[str, float] | None = None,
    title: TitleEvidence | None = None,
) -> list[str]:
    """Return short notes on a match for the mediator, ending with the missing data."""
    known = _with_hours(claimant, opportunity, features)
    found = facts(
        claimant, opportunity, known, distance_km, title or title_evidence(claimant, opportunity)
    )
    return for_mediator(found, unknowns(claimant))


def title_evidence(
    claimant: ClaimantProfile, opportunity: OpportunityRecord
) -> TitleEvidence | None:
    """Return the claimant's title found in the opportunity's title, when features are not kept."""
    wanted = {normalise_title(t) for t in claimant.desired_occupations}
    job = normalise_title(opportunity.title)
    for name in claimant_titles(claimant):
        if name and (name == job or name in job.split() or name in job):
            return TitleEvidence(name, name in wanted)
    return None


def _with_hours(
    claimant: ClaimantProfile,
    opportunity: OpportunityRecord,
    features: Mapping[str, float] | None,
) -> dict[str, float]:
    """Return the features, with the hours judged from both sides when none were kept."""
    known = dict(features or {})
    if "hours" not in known and claimant.hours_per_week is not None:
        offered = opportunity.hours_max or claimant.hours_per_week
        known["hours"] = 1.0 if offered >= claimant.hours_per_week else 0.0
    if "occupation" not in known:
        known["occupation"] = 1.0  # a title found in the title is a close match
    return known


def _mediator_note(fact: Fact) -> str:
    v = fact.values
    match fact.code:
        case "occupation":
            source = "gewenst werk" if v["desired"] else "ervaring"
            strength = "past" if v["close"] else "lijkt op"
            return f"Beroep {strength} {source}: {v['title']}."
        case "distance":
            return "Afstand onbekend." if v["km"] == float("inf") else f"Afstand {v['km']:.1f} km."
        case "skills":
            return f"Vaardigheden {len(v['matched'])}/{v['asked']}: {', '.join(v['matched'][:5])}."
        case "skills_missing":
            return f"Mist: {', '.join(v['missing'][:5])}."
        case "hours":
            if v["fits"]:
                return f"Uren passen (wil {v['wanted']:g})."
            return f"Uren: wil {v['wanted']:g}, plek biedt {v['offered']:g}."
        case "education":
            return _mediator_education(v["needed"], v["have"], v["fits"])
        case "earlier":
            if v["liked"]:
                return "Eerder interesse getoond."
            return "Eerder niet op gesprek verschenen." if v.get(NO_SHOW) else "Paste eerder niet."
        case "preferences":
            return f"Sluit aan bij wensen: {', '.join(v['liked'][:3]) or 'wensen'}."
        case "covenant":
            return "Convenantwerkgever."
    return ""


def _mediator_education(needed: str, have: str | None, fits: bool) -> str:
    if have is None:
        return f"Vraagt {education_name(needed)}; opleiding onbekend."
    verdict = "voldoet" if fits else "lager"
    return f"Vraagt {education_name(needed)}; heeft {education_name(have)} ({verdict})."


def _employer_sentence(fact: Fact) -> str:
    v = fact.values
    match fact.code:
        case "occupation":
            return "Heeft ervaring met of belangstelling voor dit soort werk."
        case "distance":
            return "Woont binnen reisafstand." if v["within"] else ""
        case "skills":
            return f"Heeft {len(v['matched'])} van de {v['asked']} gevraagde vaardigheden."
        case "hours":
            return "Kan de uren van deze plek werken." if v["fits"] else ""
        case "education":
            return "Heeft het gevraagde opleidingsniveau." if v["fits"] else ""
    # Wishes, earlier outcomes, missing skills and unknowns are not the employer's business.
    return ""
