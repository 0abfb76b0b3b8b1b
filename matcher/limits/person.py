"""Hard limits on what the person can: hours, driving licence, Dutch, physical demands."""

from __future__ import annotations

from dataclasses import replace

from matcher.limits import checks as ck
from matcher.limits.spec import Ease, FieldSpec, FormText, HardLimit, Unknown, Wording
from matcher.records import ClaimantProfile
from matcher.scales import DUTCH_LEVELS, dutch_rank

EXTRA_HOURS = 8.0


def _more_hours(c: ClaimantProfile) -> tuple[ClaimantProfile, str] | None:
    if c.hours_per_week is None:
        return None
    hours = c.hours_per_week + EXTRA_HOURS
    return replace(c, hours_per_week=hours), f"{hours:g} uur"


def _licence(c: ClaimantProfile) -> tuple[ClaimantProfile, str] | None:
    return None if c.driving_licence else (replace(c, driving_licence=True), "rijbewijs B")


def _more_dutch(c: ClaimantProfile) -> tuple[ClaimantProfile, str] | None:
    rank = dutch_rank(c.dutch_level or "A0")
    if rank + 1 >= len(DUTCH_LEVELS):
        return None
    return replace(c, dutch_level=DUTCH_LEVELS[rank + 1]), DUTCH_LEVELS[rank + 1]


HOURS = HardLimit(
    name="hours",
    claimant_fields=("hours_per_week",),
    opportunity_fields=("hours_min",),
    comparison="hours_min <= hours_per_week",
    kept_out=Wording(
        claimant="Voor deze plek moet u meer uren per week werken dan u kunt.",
        mediator="Minimum uren te hoog.",
        employer="Kan minder uren werken dan deze plek vraagt.",
    ),
    unknowns=(
        Unknown(
            "hours_per_week",
            "only places without minimum hours",
            "We weten niet hoeveel uur u per week kunt werken. "
            "Daarom ziet u alleen plekken zonder een minimum aantal uren.",
            "uren per week",
            "required",
        ),
    ),
    ease=Ease(
        "hours_per_week",
        _more_hours,
        "Als u {to} per week kunt werken: {places} meer.",
        "{to} per week: +{more}.",
        2,
    ),
    fields=(
        FieldSpec(
            "hours_per_week",
            "claimant",
            "integer",
            "Hours a week the claimant can work.",
            minimum=0,
            maximum=60,
            forms={
                "claimant": FormText(
                    "Hoeveel uur per week kunt u werken?", "Vul een getal van 0 tot 60 in."
                ),
                "mediator": FormText("Uren per week", "Kies een aantal uren tussen 0 en 60."),
            },
        ),
        FieldSpec(
            "hours_min",
            "opportunity",
            "integer",
            "Minimum hours a week.",
            minimum=0,
            maximum=60,
            forms={"employer": FormText("Minimaal uren per week", "Kies tussen 0 en 60 uur.")},
        ),
    ),
    need=lambda record, today: record.hours_min,
    column=ck.float_column,
    admits=ck.hours_admits,
)

LICENCE = HardLimit(
    name="licence",
    claimant_fields=("driving_licence",),
    opportunity_fields=("requires_driving_licence",),
    comparison="not requires_driving_licence or driving_licence",
    kept_out=Wording(
        claimant="Voor deze plek heeft u een rijbewijs nodig.",
        mediator="Rijbewijs nodig.",
        employer="Heeft geen rijbewijs.",
    ),
    unknowns=(
        Unknown(
            "driving_licence",
            "treated as no licence",
            "We weten niet of u een rijbewijs heeft. "
            "Daarom ziet u alleen plekken waarvoor u geen rijbewijs nodig heeft.",
            "rijbewijs",
            "recommended",
        ),
    ),
    ease=Ease(
        "driving_licence", _licence, "Met {to} passen {places} meer.", "Met {to}: +{more}.", 0
    ),
    fields=(
        FieldSpec(
            "driving_licence",
            "claimant",
            "boolean",
            "Holds a driving licence B.",
            forms={"mediator": FormText("Rijbewijs B", blank="Onbekend")},
        ),
        FieldSpec(
            "requires_driving_licence",
            "opportunity",
            "boolean",
            "A driving licence B is needed.",
            nullable=False,
            forms={"employer": FormText("Rijbewijs B nodig")},
        ),
    ),
    need=lambda record, today: record.requires_driving_licence,
    column=ck.bool_column,
    admits=ck.licence_admits,
)

DUTCH = HardLimit(
    name="dutch",
    claimant_fields=("dutch_level",),
    opportunity_fields=("dutch_level",),
    comparison="rank(opportunity.dutch_level or A0) <= rank(claimant.dutch_level or A0)",
    kept_out=Wording(
        claimant="Deze plek vraagt meer Nederlands dan u nu spreekt.",
        mediator="Taalniveau te laag.",
        employer="Spreekt minder Nederlands dan deze plek vraagt.",
    ),
    unknowns=(
        Unknown(
            "dutch_level",
            "treated as A0 (no Dutch yet)",
            "We weten niet hoe goed u Nederlands spreekt. "
            "Daarom ziet u alleen plekken zonder taaleis.",
            "taalniveau",
            "recommended",
        ),
    ),
    ease=Ease(
        "dutch_level",
        _more_dutch,
        "Met Nederlands op niveau {to}: {places} meer.",
        "Taalniveau {to}: +{more}.",
        3,
    ),
    fields=(
        FieldSpec(
            "dutch_level",
            "claimant",
            "string",
            "CEFR level of Dutch (A0: none yet).",
            choices=DUTCH_LEVELS,
            forms={"mediator": FormText("Taalniveau Nederlands", blank="Onbekend")},
        ),
        FieldSpec(
            "dutch_level",
            "opportunity",
            "string",
            "CEFR level of Dutch needed.",
            choices=DUTCH_LEVELS,
            forms={"employer": FormText("Taalniveau Nederlands", blank="Geen eis")},
        ),
    ),
    need=ck.dutch_need,
    column=ck.int_column,
    admits=ck.dutch_admits,
)

DEMANDS = HardLimit(
    name="demands",
    claimant_fields=("restrictions",),
    opportunity_fields=("physical_demands",),
    comparison="no physical demand is ruled out by a restriction (RESTRICTION_EXCLUDES)",
    kept_out=Wording(
        claimant="Deze plek vraagt iets wat u lichamelijk niet kunt.",
        mediator="Belasting past niet bij beperkingen.",
        employer="Kan niet aan alle lichamelijke eisen van deze plek voldoen.",
    ),
    unknowns=(
        Unknown(
            "restrictions",
            "no place with physical demands",
            "We weten niet of u lichamelijke beperkingen heeft. "
            "Daarom ziet u alleen plekken zonder lichamelijke eisen.",
            "beperkingen",
            "none",
        ),
    ),
    fields=(
        FieldSpec(
            "restrictions",
            "claimant",
            "strings",
            "Functional limitations, never a diagnosis.",
            forms={"mediator": FormText("Beperkingen in werk (geen diagnose, met komma's)")},
        ),
        FieldSpec("physical_demands", "opportunity", "strings", "Physical demands of the work."),
    ),
    need=ck.demands_need,
    column=ck.demands_column,
    admits=ck.demands_admits,
)

PERSON_LIMITS: tuple[HardLimit, ...] = (HOURS, LICENCE, DUTCH, DEMANDS)
