"""Component schemas of the OpenAPI document: what each response looks like."""

from typing import Any

from models.vocab import DUTCH_LEVELS, EDUCATION_LEVELS, MATCH_STATUSES, OPPORTUNITY_KINDS

JsonSchema = dict[str, Any]


def ref(name: str) -> JsonSchema:
    """Return a reference to a component schema."""
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: JsonSchema) -> JsonSchema:
    """Return a schema that also allows null."""
    return {"anyOf": [schema, {"type": "null"}]}


TEXT: JsonSchema = {"type": "string"}
INT: JsonSchema = {"type": "integer"}
NUMBER: JsonSchema = {"type": "number"}
BOOL: JsonSchema = {"type": "boolean"}
DATE: JsonSchema = {"type": "string", "format": "date"}
DATETIME: JsonSchema = {"type": "string", "format": "date-time"}
TEXTS: JsonSchema = {"type": "array", "items": TEXT}
HISTORY: JsonSchema = {
    "type": "array",
    "items": {"type": "object", "properties": {"title": TEXT, "years": NUMBER}},
}


def _object(required: list[str], properties: dict[str, JsonSchema]) -> JsonSchema:
    return {"type": "object", "required": required, "properties": properties}


_PROFILE: dict[str, JsonSchema] = {
    "hours_per_week": nullable(INT),
    "driving_licence": nullable(BOOL),
    "ladder_step": {"type": "integer", "minimum": 1, "maximum": 6},
    "education_level": nullable({"type": "string", "enum": list(EDUCATION_LEVELS)}),
    "dutch_level": nullable({"type": "string", "enum": list(DUTCH_LEVELS)}),
    "desired_occupations": TEXTS,
    "work_history": HISTORY,
    "skills": TEXTS,
}

CLAIMANT = _object(
    ["id"],
    {
        "id": INT,
        "client_number": TEXT,
        "bsn": nullable(TEXT),
        "first_name": TEXT,
        "last_name": TEXT,
        "email": nullable(TEXT),
        "intake_on": DATE,
        "postcode": nullable(TEXT),
        "municipality": nullable(TEXT),
        "max_travel_km": nullable(NUMBER),
        "restrictions": TEXTS,
        "status": {"type": "string", "enum": ["active", "outflow", "ended"]},
        "notes": nullable(TEXT),
        "mediator_id": nullable(INT),
        **_PROFILE,
    },
)
CLAIMANT["description"] = (
    "Mediators see the whole profile; a claimant sees their own without BSN and notes; "
    "admins see only the id."
)

CANDIDATE = _object(
    ["match_id", "opportunity_id", "opportunity_title", "status", "distance_band"],
    {
        "match_id": INT,
        "opportunity_id": INT,
        "opportunity_title": TEXT,
        "status": {"type": "string", "enum": list(MATCH_STATUSES)},
        "released_at": nullable(DATETIME),
        "hours_per_week": nullable(INT),
        "distance_band": {
            "type": "string",
            "enum": ["binnen_reisafstand", "buiten_reisafstand", "onbekend"],
        },
        "education_band": nullable({"type": "string", "enum": ["basis", "middelbaar", "hoger"]}),
        "dutch_level": nullable(TEXT),
        "experience": TEXTS,
        "name": nullable(TEXT),
        "email": nullable(TEXT),
    },
)
CANDIDATE["description"] = (
    "A proposed candidate, as on the employer's candidate page (matcher.store.candidates): "
    "never an address, claimant id, ladder step or anything about restrictions; `name` and "
    "`email` only while the claimant's consent stands and the match and place are open."
)

OPPORTUNITY = _object(
    ["id", "kind", "title", "capacity", "status", "instruments"],
    {
        "id": INT,
        "kind": {"type": "string", "enum": list(OPPORTUNITY_KINDS)},
        "title": TEXT,
        "description": TEXT,
        "employer_id": nullable(INT),
        "employer_name": nullable(TEXT),
        "region": TEXT,
        "postcode": nullable(TEXT),
        "municipality": nullable(TEXT),
        "hours_min": nullable(INT),
        "hours_max": nullable(INT),
        "requires_driving_licence": BOOL,
        "education_level": nullable(TEXT),
        "dutch_level": nullable(TEXT),
        "physical_demands": TEXTS,
        "skills": TEXTS,
        "conditions": nullable(TEXT),
        "capacity": INT,
        "status": TEXT,
        "esco_occupation": nullable(TEXT),
        "instruments": TEXTS,
        "posted_on": nullable(DATE),
        "closes_on": nullable(DATE),
    },
)

STATUS_CHANGE = _object(
    ["at", "to_status"],
    {
        "at": DATETIME,
        "actor_id": nullable(INT),
        "from_status": nullable(TEXT),
        "to_status": {"type": "string", "enum": list(MATCH_STATUSES)},
        "reason_code": nullable(TEXT),
        "note": nullable(TEXT),
    },
)

MATCH = _object(
    ["id", "opportunity_id", "status"],
    {
        "id": INT,
        "opportunity_id": INT,
        "claimant_id": INT,
        "session_id": nullable(INT),
        "status": {"type": "string", "enum": list(MATCH_STATUSES)},
        "score": NUMBER,
        "rank": nullable(INT),
        "reasons": TEXTS,
        "approved_at": nullable(DATETIME),
        "claimant_consented_at": nullable(DATETIME),
        "released_to_employer_at": nullable(DATETIME),
        "follow_up_on": nullable(DATE),
        "applied_on": nullable(DATE),
        "candidate": nullable(ref("Candidate")),
        "opportunity": nullable(ref("Opportunity")),
        "history": {"type": "array", "items": ref("StatusChange")},
    },
)
MATCH["description"] = (
    "Employers get `candidate` instead of `claimant_id`; claimants get `opportunity`; "
    "mediators and admins get `history` on the detail route."
)

SESSION = _object(
    ["id", "region", "starts_at", "location", "seats", "status"],
    {
        "id": INT,
        "region": TEXT,
        "mediator_id": INT,
        "starts_at": DATETIME,
        "location": TEXT,
        "municipality": nullable(TEXT),
        "seats": INT,
        "status": {"type": "string", "enum": ["planned", "held", "cancelled"]},
        "attendees": {
            "type": "array",
            "items": _object(
                ["claimant_id"],
                {"claimant_id": INT, "attended": nullable(BOOL), "invited_at": DATETIME},
            ),
        },
    },
)

ERROR = _object(
    ["errors"],
    {
        "errors": {
            "type": "array",
            "minItems": 1,
            "items": _object(
                ["field", "message"],
                {"field": nullable(TEXT), "message": TEXT},
            ),
        }
    },
)
ERROR["description"] = "Every error; for 422 each item names the field that is wrong."


def page_of(name: str) -> JsonSchema:
    """Return the schema of a page of items."""
    return _object(
        ["items", "total", "limit", "offset"],
        {
            "items": {"type": "array", "items": ref(name)},
            "total": {"type": "integer", "minimum": 0},
            "limit": {"type": "integer", "minimum": 1},
            "offset": {"type": "integer", "minimum": 0},
        },
    )


SOURCE = _object(
    ["id", "name", "kind", "region", "enabled", "full_feed"],
    {
        "id": INT,
        "name": TEXT,
        "kind": TEXT,
        "url": nullable(TEXT),
        "region": TEXT,
        "enabled": BOOL,
        "full_feed": BOOL,
    },
)
FEED_RUN = _object(
    ["id", "source_id", "status", "errors"],
    {
        "id": INT,
        "source_id": INT,
        "status": {"type": "string", "enum": ["running", "ok", "aborted", "failed"]},
        "fetched": INT,
        "new": INT,
        "updated": INT,
        "duplicate": INT,
        "expired": INT,
        "rejected": INT,
        "errors": {
            "type": "array",
            "items": _object(["item", "reason"], {"item": TEXT, "reason": TEXT, "raw": TEXT}),
        },
        "expiry_note": nullable(TEXT),
        "merges": {"type": "array", "items": {"type": "object"}},
    },
)

SCHEMAS: dict[str, JsonSchema] = {
    "Source": SOURCE,
    "SourceList": _object(["items"], {"items": {"type": "array", "items": ref("Source")}}),
    "FeedRun": FEED_RUN,
    "Claimant": CLAIMANT,
    "Candidate": CANDIDATE,
    "Opportunity": OPPORTUNITY,
    "StatusChange": STATUS_CHANGE,
    "Match": MATCH,
    "Session": SESSION,
    "Error": ERROR,
    "ClaimantPage": page_of("Claimant"),
    "OpportunityPage": page_of("Opportunity"),
    "MatchPage": page_of("Match"),
    "SessionPage": page_of("Session"),
}
