"""The request bodies the API accepts, as field specs (also used for the OpenAPI document)."""

from models.vocab import (
    CONTRACT_KINDS,
    DUTCH_LEVELS,
    EDUCATION_LEVELS,
    FEED_KINDS,
    INSTRUMENTS,
    MATCH_STATUSES,
    OPPORTUNITY_KINDS,
    OPPORTUNITY_STATUSES,
)
from web.api.fields import Field

EMPLOYER_STATUSES = ("open", "filled", "withdrawn")
POSTCODE = r"^[1-9][0-9]{3}( ?[A-Za-z]{2})?$"
NOT_BLANK = r"\S"
REASON_CODE = Field(
    "string",
    max_length=40,
    description="Why, as a short code such as not_suitable or needs_coaching_first.",
)

CLAIMANT_CREATE: dict[str, Field] = {
    "client_number": Field("string", required=True, max_length=32, pattern=NOT_BLANK),
    "first_name": Field("string", required=True, max_length=80, pattern=NOT_BLANK),
    "last_name": Field("string", required=True, max_length=120, pattern=NOT_BLANK),
    "email": Field("string", max_length=254),
    "bsn": Field("string", max_length=9, description="Only accepted when BSN storage is on."),
    "postcode": Field("string", max_length=7, pattern=POSTCODE, description="1234 or 1234 AB"),
    "municipality": Field("string", max_length=80),
    "max_travel_km": Field("number", minimum=0, maximum=300),
    "hours_per_week": Field("integer", minimum=0, maximum=60),
    "driving_licence": Field("boolean"),
    "ladder_step": Field("integer", required=True, minimum=1, maximum=6),
    "education_level": Field("string", enum=EDUCATION_LEVELS),
    "dutch_level": Field("string", enum=DUTCH_LEVELS),
    "desired_occupations": Field("strings"),
    "work_history": Field("history"),
    "skills": Field("strings"),
    "restrictions": Field("strings", description="Functional limitations, never a diagnosis."),
    "notes": Field("string", max_length=4000),
    "intake_on": Field("date", description="Defaults to today."),
}

CLAIMANT_EXAMPLE = {
    "client_number": "HZN-2026-0042",
    "first_name": "Anouk",
    "last_name": "de Vries",
    "postcode": "1271 AB",
    "ladder_step": 4,
    "hours_per_week": 24,
    "education_level": "mbo2",
    "dutch_level": "B1",
    "work_history": [{"title": "Kassamedewerker", "years": 2}],
    "skills": ["klantvriendelijk"],
}

_OPPORTUNITY_COMMON: dict[str, Field] = {
    "description": Field("string", max_length=20000),
    "municipality": Field("string", max_length=80),
    "hours_min": Field("integer", minimum=0, maximum=60),
    "hours_max": Field("integer", minimum=0, maximum=60),
    "requires_driving_licence": Field("boolean", nullable=False),
    "education_level": Field("string", enum=EDUCATION_LEVELS),
    "dutch_level": Field("string", enum=DUTCH_LEVELS),
    "physical_demands": Field("strings"),
    "skills": Field("strings"),
    "conditions": Field("string", max_length=4000),
    "closes_on": Field("date"),
    "esco_occupation": Field("string", max_length=120, description="ESCO occupation URI"),
    "wage_cost_subsidy": Field("boolean", nullable=False),
    "job_coaching": Field("boolean", nullable=False),
    "trial_placement": Field("boolean", nullable=False),
    "secondment": Field("boolean", nullable=False),
    "sheltered_work": Field("boolean", nullable=False),
    "jobs_agreement_register": Field("boolean", nullable=False),
}

OPPORTUNITY_CREATE: dict[str, Field] = {
    "kind": Field("string", required=True, enum=OPPORTUNITY_KINDS),
    "title": Field("string", required=True, max_length=300, pattern=NOT_BLANK),
    "postcode": Field(
        "string", required=True, max_length=7, pattern=POSTCODE, description="1234 or 1234 AB"
    ),
    "capacity": Field("integer", required=True, minimum=0, maximum=1000),
    **_OPPORTUNITY_COMMON,
}

OPPORTUNITY_EXAMPLE = {
    "kind": "placement",
    "title": "Leerwerkplek magazijn",
    "postcode": "1211",
    "capacity": 2,
    "hours_min": 16,
    "hours_max": 32,
    "job_coaching": True,
}

OPPORTUNITY_UPDATE: dict[str, Field] = {
    "kind": Field("string", enum=OPPORTUNITY_KINDS, nullable=False),
    "title": Field("string", max_length=300, nullable=False, pattern=NOT_BLANK),
    "postcode": Field("string", max_length=7, nullable=False, pattern=POSTCODE),
    "capacity": Field("integer", minimum=0, maximum=1000, nullable=False),
    "status": Field("string", enum=EMPLOYER_STATUSES, nullable=False),
    **_OPPORTUNITY_COMMON,
}

# A placement ("placed") carries its start date, hours, contract kind and instrument.
PLACEMENT: dict[str, Field] = {
    "start_on": Field("date", description="Placement: first working day."),
    "hours_per_week": Field("integer", minimum=1, maximum=60, description="Placement: hours."),
    "contract": Field("string", enum=CONTRACT_KINDS, description="Placement: contract kind."),
    "instrument": Field("string", enum=INSTRUMENTS, description="Placement: instrument used."),
}

STATUS_CHANGE: dict[str, Field] = {
    "to_status": Field("string", required=True, enum=MATCH_STATUSES),
    "reason_code": Field("string", required=True, max_length=40),
    "note": Field("string", max_length=2000),
    "follow_up_on": Field("date"),
    "applied_on": Field("date"),
    **PLACEMENT,
}

APPROVAL: dict[str, Field] = {"reason_code": REASON_CODE, "note": Field("string", max_length=2000)}

ANSWER: dict[str, Field] = {
    "decision": Field(
        "string",
        enum=("interview", "placed", "reject", "no_show"),
        description="Invite, hire (with the placement fields), not hire, or no-show.",
    ),
    "accept": Field("boolean", description="Older form: true invites, false declines."),
    "reason_code": Field("string", max_length=40, description="Required to reject or no-show."),
    **PLACEMENT,
}

CONSENT: dict[str, Field] = {
    "given": Field("boolean", required=True, description="true gives, false withdraws consent."),
}

INTEREST: dict[str, Field] = {
    "interested": Field("boolean", required=True),
    "reason_code": REASON_CODE,
}

# Query-string filters of the list endpoints (paging is in web.api.query).
MAX_ID = 999_999_999
SESSION_STATUSES = ("planned", "held", "cancelled")
_ID_FILTER = Field("integer", minimum=1, maximum=MAX_ID)
CLAIMANT_FILTERS = {"mine": Field("boolean", description="Only the mediator's own caseload.")}
OPPORTUNITY_FILTERS = {
    "kind": Field("string", enum=OPPORTUNITY_KINDS),
    "status": Field("string", enum=OPPORTUNITY_STATUSES),
}
# Employers may only use status and opportunity_id (web.api.services.matches).
MATCH_FILTERS = {
    "status": Field("string", enum=MATCH_STATUSES),
    "claimant_id": _ID_FILTER,
    "opportunity_id": _ID_FILTER,
    "session_id": _ID_FILTER,
}
SESSION_FILTERS = {"status": Field("string", enum=SESSION_STATUSES)}

SOURCE_CREATE: dict[str, Field] = {
    "name": Field("string", required=True, max_length=120, pattern=NOT_BLANK),
    "kind": Field("string", required=True, enum=FEED_KINDS),
    "url": Field("string", max_length=2000, description="http(s):// or file:/// (not for upload)"),
    "region": Field("string", max_length=40, description="default: the installation's region"),
    "enabled": Field("boolean", nullable=False),
    "full_feed": Field("boolean", nullable=False, description="a vacancy missing twice expires"),
}

SOURCE_EXAMPLE = {
    "name": "Vacaturebank Gooi",
    "kind": "rss",
    "url": "https://www.vacaturebank-gooi.example/vacatures.rss",
}
