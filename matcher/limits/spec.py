"""The shape of a hard-limit description: sides, comparison, unknowns, words, fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from matcher.records import ClaimantProfile, OpportunityRecord

BoolMatrix = npt.NDArray[np.bool_]
Audience = Literal["claimant", "mediator", "employer"]
AUDIENCES: tuple[Audience, ...] = ("claimant", "mediator", "employer")
# Required: without it the profile cannot be matched; recommended: shown when missing.
Completeness = Literal["required", "recommended", "none"]


@dataclass(frozen=True)
class Wording:
    """One thing said to each audience: "u" to the claimant, short to the mediator, third
    person to the employer (who never reads a distance or what is unknown)."""

    claimant: str
    mediator: str
    employer: str

    def to(self, audience: Audience) -> str:
        """Return the words for one audience."""
        return str(getattr(self, audience))


@dataclass(frozen=True)
class Unknown:
    """A claimant field the limit needs, and how it is read when it was not given."""

    field: str
    means: str  # the cautious reading, in English, for the docs and the register
    sentence: str  # to the claimant: what we do not know and what that does to the search
    missing_name: str  # to the mediator, in "Ontbreekt in profiel: ..."
    completeness: Completeness


@dataclass(frozen=True)
class Ease:
    """What would change the result: the limit eased by one step, and how to say it."""

    field: str  # the claimant field it eases; a Change names it
    eased: Callable[[ClaimantProfile], tuple[ClaimantProfile, str] | None]  # profile, "to"
    claimant: str  # format with {to} and {places}
    mediator: str  # format with {to} and {more}
    priority: int  # ties in the number of places are shown in this order


@dataclass(frozen=True)
class FormText:
    """How a form asks one audience for the field (Dutch; the web translates it)."""

    label: str
    message: str = ""  # shown when the value is outside the bounds
    blank: str = ""  # label of the empty choice; a yes/no field with a blank is a select
    places: int | None = None  # decimals of a number field


@dataclass(frozen=True)
class FieldSpec:
    """One field on one side of a limit, as a form and an API model need it."""

    name: str
    side: Literal["claimant", "opportunity"]
    json_type: Literal["integer", "number", "boolean", "string", "strings", "date"]
    description: str  # English, for the API document
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    max_length: int | None = None
    required: bool = False  # the API refuses a record without it
    nullable: bool = True  # the API accepts null ("not known")
    forms: Mapping[Audience, FormText] = field(default_factory=dict)
    # Where the API has always accepted wider bounds than the forms, kept as it was.
    api_bounds: tuple[float, float] | None = None

    def bounds(self) -> tuple[float, float]:
        """Return (minimum, maximum) of a number field, both inclusive."""
        if self.minimum is None or self.maximum is None:
            raise ValueError(f"{self.side}.{self.name} has no bounds")
        return self.minimum, self.maximum


@dataclass(frozen=True)
class HardLimit:
    """One hard filter of the matcher, described once."""

    name: str
    claimant_fields: tuple[str, ...]
    opportunity_fields: tuple[str, ...]
    comparison: str  # the rule, in English, for the docs
    kept_out: Wording  # why a place is kept out, per audience
    fields: tuple[FieldSpec, ...]
    unknowns: tuple[Unknown, ...] = ()
    ease: Ease | None = None  # None: not the claimant's to change
    # The opportunity's side of the limit, one hashable value per opportunity; None when
    # the limit is not checked per requirement profile (travel distance: geography).
    need: Callable[[OpportunityRecord, dt.date], Hashable] | None = None
    # The values of ``need`` for the distinct profiles, as arrays built once per run.
    column: Callable[[list[Any]], Any] = lambda values: values
    # Which (claimant, profile) pairs the limit lets through.
    admits: Callable[[Sequence[ClaimantProfile], Any], BoolMatrix] | None = None
