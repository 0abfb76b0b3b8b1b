"""Cross-source duplicates: one job reposted elsewhere (often by an agency) is offered once.

Two open records are the same job when they have the same employer (normalised; an agency
that names its client counts as that client, see jobs.feeds.prose), the same PC4 or place,
the same ESCO occupation or a close title, and similar hours. The fuller record wins; the
other is marked duplicate with the reasons, and the run keeps a list of its merges.
"""

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from jobs.titles import close_titles, employer_key
from models import Opportunity

# Hours a week two postings of the same job may differ by ("36" and "38 uur").
HOURS_TOLERANCE = 4
# The fields whose presence makes one record of the same vacancy better than another.
_COMPLETENESS = (
    "description",
    "postcode",
    "municipality",
    "hours_min",
    "hours_max",
    "closes_on",
    "posted_on",
    "education_level",
    "dutch_level",
    "esco_uri",
    "skills",
)

__all__ = ["Merge", "completeness", "employer_key", "merge_duplicates", "same_job"]


@dataclass(frozen=True)
class Merge:
    """One record marked as a duplicate of another, and why."""

    duplicate_id: int
    kept_id: int
    duplicate_title: str
    kept_title: str
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        """Return the merge as kept on the run."""
        return {
            "duplicate": self.duplicate_id,
            "kept": self.kept_id,
            "duplicate_title": self.duplicate_title,
            "kept_title": self.kept_title,
            "reasons": list(self.reasons),
        }


def completeness(row: Opportunity) -> int:
    """Return how many of the informative fields a row fills."""
    return sum(1 for name in _COMPLETENESS if getattr(row, name) not in (None, "", []))


def _place(row: Opportunity) -> str:
    return (row.municipality or "").strip().lower()


def _same_place(a: Opportunity, b: Opportunity) -> str | None:
    """Return how two rows are in the same place: same PC4, or same place name."""
    if a.postcode and b.postcode:
        return "zelfde postcodegebied" if a.postcode[:4] == b.postcode[:4] else None
    return "zelfde plaats" if _place(a) and _place(a) == _place(b) else None


def _similar_hours(a: Opportunity, b: Opportunity) -> bool:
    """Return whether two rows' weekly hours overlap or lie close (unknown counts as similar)."""
    if a.hours_max is None or b.hours_max is None:
        return True
    low_a, low_b = a.hours_min or a.hours_max, b.hours_min or b.hours_max
    overlap = low_a <= b.hours_max and low_b <= a.hours_max
    return overlap or abs((low_a + a.hours_max) - (low_b + b.hours_max)) / 2 <= HOURS_TOLERANCE


def _same_occupation(a: Opportunity, b: Opportunity) -> str | None:
    """Return how two rows are the same job: the same ESCO occupation, or a close title."""
    if a.esco_uri and a.esco_uri == b.esco_uri:
        return "zelfde beroep (ESCO)"
    places = {_place(a), _place(b)} - {""}
    return "gelijkende titel" if close_titles(a.title, b.title, places) else None


def same_job(a: Opportunity, b: Opportunity) -> tuple[str, ...] | None:
    """Return the reasons two open rows are one job, or None when they are not (near-miss)."""
    if not a.employer_name or not b.employer_name:
        return None
    if employer_key(a.employer_name) != employer_key(b.employer_name):
        return None
    if b.id in (a.not_duplicate_of or []) or a.id in (b.not_duplicate_of or []):
        return None  # a mediator split these
    place = _same_place(a, b)
    occupation = _same_occupation(a, b)
    if place is None or occupation is None or not _similar_hours(a, b):
        return None
    return ("zelfde werkgever", place, occupation, "vergelijkbare uren")


def _mark(loser: Opportunity, winner: Opportunity, reasons: tuple[str, ...]) -> Merge:
    """Mark a row as a duplicate of another, with a reason a person can read."""
    loser.status, loser.duplicate_of_id = "duplicate", winner.id
    loser.status_reason = f"Dubbel met vacature {winner.id}: {', '.join(reasons)}"[:200]
    return Merge(loser.id, winner.id, loser.title, winner.title, reasons)


def _candidates(session: Session, source_id: int, rows: list[Opportunity]) -> list[Opportunity]:
    """Return open rows of every other source in the same PC4s or places as the rows."""
    pc4s = {row.postcode[:4] for row in rows if row.postcode}
    places = {_place(row) for row in rows if _place(row)}
    query = select(Opportunity).where(
        Opportunity.status == "open",
        Opportunity.employer_name.is_not(None),
        or_(
            func.substr(Opportunity.postcode, 1, 4).in_(pc4s),
            func.lower(Opportunity.municipality).in_(places),
        ),
        (Opportunity.source_id != source_id) | Opportunity.source_id.is_(None),
    )
    return list(session.scalars(query))


def merge_duplicates(session: Session, *, source_id: int) -> list[Merge]:
    """Mark cross-source duplicates of this source's open rows; return the merges."""
    query = select(Opportunity).where(
        Opportunity.source_id == source_id,
        Opportunity.status == "open",
        Opportunity.employer_name.is_not(None),
    )
    rows = list(session.scalars(query))
    by_employer: dict[str, list[Opportunity]] = defaultdict(list)
    for other in _candidates(session, source_id, rows) if rows else []:
        by_employer[employer_key(other.employer_name or "")].append(other)
    merges: list[Merge] = []
    for row in rows:
        for other in by_employer.get(employer_key(row.employer_name or ""), []):
            if row.status != "open" or other.status != "open":
                continue
            reasons = same_job(row, other)
            if reasons is not None:
                winner, loser = sorted((row, other), key=lambda r: (-completeness(r), r.id))
                merges.append(_mark(loser, winner, reasons))
    return merges
