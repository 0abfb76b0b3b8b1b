"""Hard limits on the place: its kind on the claimant's route, its distance, its openness."""

from __future__ import annotations

from dataclasses import replace

from matcher.limits import checks as ck
from matcher.limits.spec import Ease, FieldSpec, FormText, HardLimit, Unknown, Wording
from matcher.records import ClaimantProfile
from matcher.scales import OPPORTUNITY_KINDS

EXTRA_KM = 10.0
POSTCODE = r"^[1-9][0-9]{3}( ?[A-Za-z]{2})?$"


def _more_km(c: ClaimantProfile) -> tuple[ClaimantProfile, str]:
    km = ck.travel_limit(c) + EXTRA_KM
    return replace(c, max_travel_km=km), f"{km:g} km"


ROUTE = HardLimit(
    name="route",
    claimant_fields=("ladder_step", "allowed_kinds"),
    opportunity_fields=("kind",),
    comparison="kind in route(ladder_step, allowed_kinds)",
    kept_out=Wording(
        claimant="Dit soort plek past nu niet bij uw stap naar werk.",
        mediator="Soort plek valt buiten de route.",
        employer="Dit soort plek past nu niet bij de kandidaat.",
    ),
    fields=(
        FieldSpec(
            "ladder_step",
            "claimant",
            "integer",
            "Participation ladder step; sets the route.",
            minimum=1,
            maximum=6,
            required=True,
            nullable=False,
            forms={"mediator": FormText("Trede op de participatieladder", "Kies een trede.")},
        ),
        FieldSpec(
            "kind",
            "opportunity",
            "string",
            "Kind of opportunity.",
            choices=OPPORTUNITY_KINDS,
            required=True,
            nullable=False,
            forms={"employer": FormText("Soort")},
        ),
    ),
    need=lambda record, today: record.kind,
    column=ck.kind_column,
    admits=ck.route_admits,
)

DISTANCE = HardLimit(
    name="distance",
    claimant_fields=("postcode", "max_travel_km"),
    opportunity_fields=("postcode",),
    comparison="distance(postcode, postcode) <= max_travel_km",
    kept_out=Wording(
        claimant="Deze plek is verder weg dan u wilt reizen.",
        mediator="Buiten reisafstand.",
        employer="Woont buiten reisafstand.",
    ),
    unknowns=(
        Unknown(
            "postcode",
            "nothing is feasible",
            "We weten uw postcode niet. Daarom kunnen we geen plekken in de buurt zoeken.",
            "postcode",
            "required",
        ),
        Unknown(
            "max_travel_km",
            f"search within {ck.UNKNOWN_TRAVEL_KM:g} km",
            "We weten niet hoe ver u wilt reizen. "
            f"Daarom zoeken we binnen {ck.UNKNOWN_TRAVEL_KM:g} km.",
            "reisafstand",
            "required",
        ),
    ),
    ease=Ease(
        "max_travel_km",
        _more_km,
        "Als u {to} wilt reizen: {places} meer.",
        "Reisafstand {to}: +{more}.",
        1,
    ),
    fields=(
        FieldSpec(
            "postcode",
            "claimant",
            "string",
            "1234 or 1234 AB",
            pattern=POSTCODE,
            max_length=7,
            forms={"mediator": FormText("Postcode", "Gebruik de vorm 1234 AB.")},
        ),
        FieldSpec(
            "max_travel_km",
            "claimant",
            "number",
            "Furthest the claimant will travel, in km.",
            minimum=0,
            maximum=200,
            api_bounds=(0, 300),
            forms={
                "claimant": FormText(
                    "Hoe ver wilt u reizen? (in km)", "Vul een getal van 0 tot 200 in.", places=0
                ),
                "mediator": FormText(
                    "Maximale reisafstand (km)", "Kies een afstand tussen 0 en 200 km.", places=1
                ),
            },
        ),
        FieldSpec(
            "postcode",
            "opportunity",
            "string",
            "1234 or 1234 AB",
            pattern=POSTCODE,
            max_length=7,
            required=True,
            nullable=False,
            forms={"employer": FormText("Postcode van de werkplek", "Gebruik de vorm 1234 AB.")},
        ),
    ),
)

OPEN = HardLimit(
    name="open",
    claimant_fields=(),
    opportunity_fields=("capacity", "closes_on"),
    comparison="capacity > 0 and (closes_on is None or closes_on >= today)",
    kept_out=Wording(
        claimant="Deze plek is vol of gesloten. U kunt er niet meer op reageren.",
        mediator="Plek vol of gesloten.",
        employer="Deze plek is vol of gesloten.",
    ),
    fields=(
        FieldSpec(
            "capacity",
            "opportunity",
            "integer",
            "Places left to fill.",
            minimum=1,
            maximum=100,
            api_bounds=(0, 1000),
            required=True,
            nullable=False,
            forms={"employer": FormText("Aantal plaatsen", "Kies tussen 1 en 100 plaatsen.")},
        ),
        FieldSpec(
            "closes_on",
            "opportunity",
            "date",
            "Last day to respond.",
            forms={"employer": FormText("Sluit op")},
        ),
    ),
    need=ck.open_need,
    column=ck.bool_column,
    admits=ck.open_admits,
)

# Before the limits on the person in LIMITS, so postcode and travel distance are named first.
PLACE_LIMITS: tuple[HardLimit, ...] = (ROUTE, DISTANCE, OPEN)
