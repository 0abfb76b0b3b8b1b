"""Cross-source duplicates: same employer, same PC4, similar title; the fuller record wins."""

import re
from collections import defaultdict

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Opportunity

TITLE_SIMILARITY = 0.8
_LEGAL_FORM = re.compile(r"\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|stichting|gemeente)\b")
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

Key = tuple[str, str]


def employer_key(name: str) -> str:
    """Return an employer name without case, punctuation or legal form."""
    return " ".join(default_process(_LEGAL_FORM.sub(" ", name.lower())).split())


def _key(row: Opportunity) -> Key | None:
    """Return (employer, PC4) of a row, or None when either is unknown."""
    if not row.employer_name or not row.postcode:
        return None
    return employer_key(row.employer_name), row.postcode[:4]


def completeness(row: Opportunity) -> int:
    """Return how many of the informative fields a row fills."""
    return sum(1 for name in _COMPLETENESS if getattr(row, name) not in (None, "", []))


def same_title(a: str, b: str) -> bool:
    """Return whether two titles are at least 80% alike, ignoring order and case."""
    score = fuzz.token_sort_ratio(a, b, processor=default_process)
    return score >= TITLE_SIMILARITY * 100


def _mark(loser: Opportunity, winner: Opportunity) -> None:
    """Mark a row as a duplicate of another, with a reason a person can read."""
    loser.status, loser.duplicate_of_id = "duplicate", winner.id
    loser.status_reason = f"Dubbel met vacature {winner.id}: zelfde werkgever, postcode en titel"


def _others(session: Session, source_id: int, keys: set[Key]) -> dict[Key, list[Opportunity]]:
    """Return open rows of every other source with one of the keys, by key."""
    postcodes = {pc4 for _, pc4 in keys}
    query = select(Opportunity).where(
        Opportunity.status == "open",
        Opportunity.employer_name.is_not(None),
        func.substr(Opportunity.postcode, 1, 4).in_(postcodes),
        (Opportunity.source_id != source_id) | Opportunity.source_id.is_(None),
    )
    found: dict[Key, list[Opportunity]] = defaultdict(list)
    for row in session.scalars(query):
        key = _key(row)
        if key is not None and key in keys:
            found[key].append(row)
    return found


def merge_duplicates(session: Session, *, source_id: int) -> int:
    """Mark cross-source duplicates of this source's open rows; return how many were marked."""
    query = select(Opportunity).where(
        Opportunity.source_id == source_id, Opportunity.status == "open"
    )
    rows = [(row, key) for row in session.scalars(query) if (key := _key(row)) is not None]
    others = _others(session, source_id, {key for _, key in rows})
    marked = 0
    for row, key in rows:
        for other in others.get(key, []):
            if row.status != "open" or other.status != "open":
                continue
            if same_title(row.title, other.title):
                winner, loser = sorted((row, other), key=lambda r: (-completeness(r), r.id))
                _mark(loser, winner)
                marked += 1
    return marked
