"""What an employer may see of a proposed candidate: the one rule, for pages, API and exports.

Before a standing consent only what is needed to judge the fit: the title of the place,
hours, whether it is within the candidate's travel distance, a band of education, the Dutch
level and the kinds of work done before (no years, no employers). Never restrictions or
anything derived from health, never the ladder step, never a claimant id or anything that
stays the same across proposals. Name and e-mail only while `identity_may_show` says so.
"""

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from matcher.geo import Gazetteer
from models import Claimant, Match, Opportunity
from models.lifecycle import identity_may_show
from models.workflow import standing_consent

# Without a stated maximum, a place this close counts as within travel distance.
DEFAULT_REACH_KM = 15.0
EDUCATION_BANDS = {
    "geen": "basis",
    "vmbo": "basis",
    "mbo1": "basis",
    "mbo2": "middelbaar",
    "mbo3": "middelbaar",
    "mbo4": "middelbaar",
    "havo_vwo": "middelbaar",
    "hbo": "hoger",
    "wo": "hoger",
}
MAX_EXPERIENCE = 5


@dataclass(frozen=True)
class CandidateView:
    """One proposed candidate as the employer of the place may see them, right now."""

    match_id: int
    opportunity_id: int
    opportunity_title: str
    status: str
    released_at: datetime | None
    hours_per_week: int | None
    distance_band: str  # "binnen_reisafstand", "buiten_reisafstand" or "onbekend"
    education_band: str | None  # "basis", "middelbaar", "hoger"
    dutch_level: str | None
    experience: tuple[str, ...]
    # Only while a consent stands and the match (and its place) are open, or after placement.
    name: str | None
    email: str | None

    def as_json(self) -> dict[str, Any]:
        """Return the view as plain JSON values, the same fields the pages show."""
        data = asdict(self)
        data["experience"] = list(self.experience)
        at = self.released_at
        if at is not None and at.tzinfo is None:
            at = at.replace(tzinfo=UTC)  # SQLite hands back stored UTC times without a zone
        data["released_at"] = at.isoformat() if at is not None else None
        return data


def visible_to_employer(employer_id: int) -> Select[Match]:
    """Return the select of matches an employer may see at all: approved and released."""
    own = select(Opportunity.id).where(Opportunity.employer_id == employer_id)
    return select(Match).where(
        Match.opportunity_id.in_(own),
        Match.approved_at.is_not(None),
        Match.released_to_employer_at.is_not(None),
    )


def distance_band(claimant: Claimant, opportunity: Opportunity) -> str:
    """Return whether the place lies within the candidate's travel distance, not how far."""
    if not claimant.postcode or not opportunity.postcode:
        return "onbekend"
    try:
        km = Gazetteer.default().distance_km(claimant.postcode, opportunity.postcode)
    except ValueError:
        return "onbekend"
    reach = claimant.max_travel_km if claimant.max_travel_km is not None else DEFAULT_REACH_KM
    return "binnen_reisafstand" if km <= reach else "buiten_reisafstand"


def experience(claimant: Claimant) -> tuple[str, ...]:
    """Return the kinds of work done before: titles only, sorted, without years or employers."""
    titles = {
        str(item.get("title", "")).strip()
        for item in claimant.work_history or []
        if isinstance(item, dict)
    }
    return tuple(sorted(t for t in titles if t))[:MAX_EXPERIENCE]


def candidate_view(session: Session, *, match: Match) -> CandidateView:
    """Return what the employer of the match's place may see of the candidate."""
    claimant = session.get(Claimant, match.claimant_id)
    opportunity = session.get(Opportunity, match.opportunity_id)
    if claimant is None or opportunity is None:
        raise LookupError("the match lost its claimant or opportunity")
    named = identity_may_show(
        status=match.status,
        released=match.released_to_employer_at is not None,
        consent_standing=standing_consent(session, match_id=match.id) is not None,
        opportunity_open=opportunity.status == "open",
    )
    return CandidateView(
        match_id=match.id,
        opportunity_id=opportunity.id,
        opportunity_title=opportunity.title,
        status=match.status,
        released_at=match.released_to_employer_at,
        hours_per_week=claimant.hours_per_week,
        distance_band=distance_band(claimant, opportunity),
        education_band=EDUCATION_BANDS.get(claimant.education_level or ""),
        dutch_level=claimant.dutch_level,
        experience=experience(claimant),
        name=claimant.display_name if named else None,
        email=claimant.email if named else None,
    )
