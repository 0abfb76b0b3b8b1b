"""What each answer of the API looks like, as pydantic models (components of the document).

The presenters (web.api.present) build these answers as dicts; the schemathesis tests check
every answer against the schemas generated here.
"""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, WithJsonSchema, create_model

from models.vocab import DUTCH_LEVELS, EDUCATION_LEVELS, MATCH_STATUSES, OPPORTUNITY_KINDS

SOME: Any = None  # the default of a field an answer may leave out but never sends as null
EducationLevel = Annotated[str, WithJsonSchema({"type": "string", "enum": list(EDUCATION_LEVELS)})]
DutchLevel = Annotated[str, WithJsonSchema({"type": "string", "enum": list(DUTCH_LEVELS)})]
MatchStatus = Annotated[str, WithJsonSchema({"type": "string", "enum": list(MATCH_STATUSES)})]
OpportunityKind = Annotated[
    str, WithJsonSchema({"type": "string", "enum": list(OPPORTUNITY_KINDS)})
]


class Job(BaseModel):
    """One job of a work history."""

    title: str = SOME
    years: float = SOME


class Claimant(BaseModel):
    """Mediators see the whole profile; a claimant sees their own without BSN and notes; admins see
    only the id.
    """

    id: int
    client_number: str = SOME
    bsn: str | None = None
    first_name: str = SOME
    last_name: str = SOME
    email: str | None = None
    intake_on: date = SOME
    postcode: str | None = None
    municipality: str | None = None
    max_travel_km: float | None = None
    restrictions: list[str] = SOME
    status: Literal["active", "outflow", "ended"] = SOME
    notes: str | None = None
    mediator_id: int | None = None
    hours_per_week: int | None = None
    driving_licence: bool | None = None
    ladder_step: int = Field(SOME, ge=1, le=6)
    education_level: EducationLevel | None = None
    dutch_level: DutchLevel | None = None
    desired_occupations: list[str] = SOME
    work_history: list[Job] = SOME
    skills: list[str] = SOME


class Candidate(BaseModel):
    """A proposed candidate, as on the employer's candidate page (matcher.store.candidates): never
    an address, claimant id, ladder step or anything about restrictions; `name` and `email` only
    while the claimant's consent stands and the match and place are open.
    """

    match_id: int
    opportunity_id: int
    opportunity_title: str
    status: MatchStatus
    released_at: datetime | None = None
    hours_per_week: int | None = None
    distance_band: Literal["binnen_reisafstand", "buiten_reisafstand", "onbekend"]
    education_band: Literal["basis", "middelbaar", "hoger"] | None = None
    dutch_level: str | None = None
    experience: list[str] = SOME
    fit: list[str] = SOME
    name: str | None = None
    email: str | None = None


class Opportunity(BaseModel):
    """A placement, vacancy, coaching slot or day-activity place."""

    id: int
    kind: OpportunityKind
    title: str
    description: str = SOME
    employer_id: int | None = None
    employer_name: str | None = None
    region: str = SOME
    postcode: str | None = None
    municipality: str | None = None
    hours_min: int | None = None
    hours_max: int | None = None
    requires_driving_licence: bool = SOME
    education_level: str | None = None
    dutch_level: str | None = None
    physical_demands: list[str] = SOME
    skills: list[str] = SOME
    conditions: str | None = None
    capacity: int
    status: str
    esco_occupation: str | None = None
    instruments: list[str]
    posted_on: date | None = None
    closes_on: date | None = None


class StatusChange(BaseModel):
    """One step in a match's status history."""

    at: datetime
    actor_id: int | None = None
    from_status: str | None = None
    to_status: MatchStatus
    reason_code: str | None = None
    note: str | None = None


class Match(BaseModel):
    """Employers get `candidate` instead of `claimant_id`; claimants get `opportunity`; mediators
    and admins get `history` on the detail route.
    """

    id: int
    opportunity_id: int
    claimant_id: int = SOME
    session_id: int | None = None
    status: MatchStatus
    score: float = SOME
    rank: int | None = None
    reasons: list[str] = SOME
    approved_at: datetime | None = None
    claimant_consented_at: datetime | None = None
    released_to_employer_at: datetime | None = None
    follow_up_on: date | None = None
    applied_on: date | None = None
    candidate: Candidate | None = None
    opportunity: Opportunity | None = None
    history: list[StatusChange] = SOME


class Attendee(BaseModel):
    """A claimant invited to a session, and whether they came."""

    claimant_id: int
    attended: bool | None = None
    invited_at: datetime = SOME


class Session(BaseModel):
    """A weekly session with its attendees."""

    id: int
    region: str
    mediator_id: int = SOME
    starts_at: datetime
    location: str
    municipality: str | None = None
    seats: int
    status: Literal["planned", "held", "cancelled"]
    attendees: list[Attendee] = SOME


class ErrorItem(BaseModel):
    """One problem; `field` names the field for a 422."""

    field: str | None
    message: str


class Error(BaseModel):
    """Every error; for 422 each item names the field that is wrong."""

    errors: list[ErrorItem] = Field(min_length=1)


class Source(BaseModel):
    """A feed source of vacancies."""

    id: int
    name: str
    kind: str
    url: str | None = None
    region: str
    enabled: bool
    full_feed: bool


class SourceList(BaseModel):
    """Every feed source."""

    items: list[Source]


class FeedError(BaseModel):
    """An item of a feed that could not be read."""

    item: str
    reason: str
    raw: str = SOME


class FeedRun(BaseModel):
    """One pull of a feed source: counts, errors, why nothing expired."""

    id: int
    source_id: int
    status: Literal["running", "ok", "aborted", "failed"]
    fetched: int = SOME
    new: int = SOME
    updated: int = SOME
    duplicate: int = SOME
    expired: int = SOME
    rejected: int = SOME
    errors: list[FeedError]
    expiry_note: str | None = None
    merges: list[dict[str, Any]] = SOME


class _Page(BaseModel):
    """One page of a list and where it sits in the whole."""

    total: int = Field(ge=0)
    limit: int = Field(ge=1)
    offset: int = Field(ge=0)


def page_of(model: type[BaseModel]) -> type[BaseModel]:
    """Return the model of a page of these items."""
    name, items = f"{model.__name__}Page", (list[model], ...)  # type: ignore[valid-type]
    return create_model(name, __base__=_Page, __doc__=f"A page of {model.__name__}.", items=items)


ANSWERS: list[type[BaseModel]] = [
    Claimant, Opportunity, Match, Session, Source, SourceList, FeedRun, Error,
    *(page_of(model) for model in (Claimant, Opportunity, Match, Session)),
]  # fmt: skip
