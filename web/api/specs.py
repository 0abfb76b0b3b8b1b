"""The request bodies and query strings the API accepts: one pydantic model each.

Each model is the one declaration of its resource: the routes validate against it and
the OpenAPI document is generated from it (web.api.openapi).
"""

from typing import Literal

from matcher.limits.api import api_fields
from models.vocab import (
    CONTRACT_KINDS,
    EDUCATION_LEVELS,
    FEED_KINDS,
    INSTRUMENTS,
    MATCH_STATUSES,
    OPPORTUNITY_KINDS,
    OPPORTUNITY_STATUSES,
)
from web.api.fields import Declared, body_model, field, query, query_model
from web.api.services.paging import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET

# fmt: off
EMPLOYER_STATUSES = ("open", "filled", "withdrawn")
SESSION_STATUSES = ("planned", "held", "cancelled")
NOT_BLANK, MAX_ID = r"\S", 999_999_999
WHY = "Why, as a short code such as not_suitable or needs_coaching_first."


# ---- Hard limits: the fields the matcher filters on come from matcher.limits (described once).
def _limit_fields(side: Literal["claimant", "opportunity"], *, update: bool) -> dict[str, Declared]:
    """Return one side's hard-limit fields as the matcher describes them."""
    return {
        f.name: field(f.json_type, required=f.required and not update, nullable=f.nullable,
                      enum=f.enum, **f.constraints())
        for f in api_fields(side).values()
    }


def claimant_limits() -> dict[str, Declared]:
    """Return the claimant's hard-limit fields (travel, hours, licence, Dutch, restrictions)."""
    return _limit_fields("claimant", update=False)


def opportunity_limits(*, update: bool = False) -> dict[str, Declared]:
    """Return an opportunity's hard-limit fields; on update none is required."""
    return _limit_fields("opportunity", update=update)
# ---- End of the hard limits. ----


CLAIMANT_EXAMPLE = {
    "client_number": "HZN-2026-0042", "first_name": "Anouk", "last_name": "de Vries",
    "postcode": "1271 AB", "ladder_step": 4, "hours_per_week": 24, "education_level": "mbo2",
    "dutch_level": "B1", "work_history": [{"title": "Kassamedewerker", "years": 2}],
    "skills": ["klantvriendelijk"],
}
CLAIMANT_CREATE = body_model("ClaimantCreate", {
    "client_number": field("string", required=True, max_length=32, pattern=NOT_BLANK),
    "first_name": field("string", required=True, max_length=80, pattern=NOT_BLANK),
    "last_name": field("string", required=True, max_length=120, pattern=NOT_BLANK),
    "email": field("string", max_length=254),
    "bsn": field("string", max_length=9, description="Only accepted when BSN storage is on."),
    "municipality": field("string", max_length=80),
    "education_level": field("string", enum=EDUCATION_LEVELS),
    "desired_occupations": field("strings"),
    "work_history": field("history"),
    "skills": field("strings"),
    "notes": field("string", max_length=4000),
    "intake_on": field("date", description="Defaults to today."),
    **claimant_limits(),
}, examples=[CLAIMANT_EXAMPLE])

_INSTRUMENTS = ("wage_cost_subsidy", "job_coaching", "trial_placement", "secondment",
                "sheltered_work", "jobs_agreement_register")
_OPPORTUNITY: dict[str, Declared] = {
    "title": field("string", required=True, max_length=300, pattern=NOT_BLANK),
    "description": field("string", max_length=20000),
    "municipality": field("string", max_length=80),
    "education_level": field("string", enum=EDUCATION_LEVELS),
    "skills": field("strings"),
    "conditions": field("string", max_length=4000),
    "hours_max": field("integer", ge=0, le=60),
    "esco_occupation": field("string", max_length=120, description="ESCO occupation URI"),
    **{name: field("boolean", nullable=False) for name in _INSTRUMENTS},
}
OPPORTUNITY_EXAMPLE = {"kind": "placement", "title": "Leerwerkplek magazijn", "postcode": "1211",
                       "capacity": 2, "hours_min": 16, "hours_max": 32, "job_coaching": True}
OPPORTUNITY_CREATE = body_model("OpportunityCreate", {**_OPPORTUNITY, **opportunity_limits()},
                                examples=[OPPORTUNITY_EXAMPLE])
OPPORTUNITY_UPDATE = body_model("OpportunityUpdate", {
    **_OPPORTUNITY,
    "title": field("string", nullable=False, max_length=300, pattern=NOT_BLANK),
    "status": field("string", nullable=False, enum=EMPLOYER_STATUSES),
    **opportunity_limits(update=True),
})

# A placement ("placed") carries its start date, hours, contract kind and instrument.
_PLACEMENT: dict[str, Declared] = {
    "start_on": field("date", description="Placement: first working day."),
    "hours_per_week": field("integer", ge=1, le=60, description="Placement: hours."),
    "contract": field("string", enum=CONTRACT_KINDS, description="Placement: contract kind."),
    "instrument": field("string", enum=INSTRUMENTS, description="Placement: instrument used."),
}
STATUS_CHANGE = body_model("StatusChangeRequest", {
    "to_status": field("string", required=True, enum=MATCH_STATUSES),
    "reason_code": field("string", required=True, max_length=40),
    "note": field("string", max_length=2000),
    "follow_up_on": field("date"),
    "applied_on": field("date"),
    **_PLACEMENT,
}, examples=[{"to_status": "interested", "reason_code": "in_session"}])
APPROVAL = body_model("Approval", {
    "reason_code": field("string", max_length=40, description=WHY),
    "note": field("string", max_length=2000),
})
ANSWER = body_model("Answer", {
    "decision": field("string", enum=("interview", "placed", "reject", "no_show"), description=(
        "Invite, hire (with the placement fields), not hire, or no-show.")),
    "accept": field("boolean", description="Older form: true invites, false declines."),
    "reason_code": field("string", max_length=40, description="Required to reject or no-show."),
    **_PLACEMENT,
})
CONSENT = body_model("Consent", {
    "given": field("boolean", required=True, description="true gives, false withdraws consent."),
})
INTEREST = body_model("Interest", {
    "interested": field("boolean", required=True),
    "reason_code": field("string", max_length=40, description=WHY),
})

SOURCE_EXAMPLE = {"name": "Vacaturebank Gooi", "kind": "rss",
                  "url": "https://www.vacaturebank-gooi.example/vacatures.rss"}
SOURCE_CREATE = body_model("SourceCreate", {
    "name": field("string", required=True, max_length=120, pattern=NOT_BLANK),
    "kind": field("string", required=True, enum=FEED_KINDS),
    "url": field("string", max_length=2000, description="http(s):// or file:/// (not for upload)"),
    "region": field("string", max_length=40, description="default: the installation's region"),
    "enabled": field("boolean", nullable=False),
    "full_feed": field("boolean", nullable=False, description="a vacancy missing twice expires"),
}, examples=[SOURCE_EXAMPLE])

# Query strings: paging and each list's filters (400 on error).
PAGING: dict[str, Declared] = {
    "limit": query("integer", low=1, high=MAX_LIMIT, default=DEFAULT_LIMIT,
                   description="Rows per page."),
    "offset": query("integer", low=0, high=MAX_OFFSET, default=0, description="Rows to skip."),
}
CLAIMANT_QUERY = query_model("ClaimantQuery", PAGING | {
    "mine": query("boolean", description="Only the mediator's own caseload."),
})
OPPORTUNITY_QUERY = query_model("OpportunityQuery", PAGING | {
    "kind": query("string", enum=OPPORTUNITY_KINDS),
    "status": query("string", enum=OPPORTUNITY_STATUSES),
})
# Employers may only use status and opportunity_id (web.api.services.matches).
MATCH_QUERY = query_model("MatchQuery", PAGING | {
    "status": query("string", enum=MATCH_STATUSES),
    **{name: query("integer", low=1, high=MAX_ID)
       for name in ("claimant_id", "opportunity_id", "session_id")},
})
SESSION_QUERY = query_model("SessionQuery", PAGING | {
    "status": query("string", enum=SESSION_STATUSES),
})
# fmt: on
