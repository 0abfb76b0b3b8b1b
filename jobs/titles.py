"""Titles and employer names as reposts write them, reduced to what identifies the job.

An agency writes "Chauffeur CE 40u Almere" for the employer's "Vrachtwagenchauffeur C/E
40 uur": hours, place and gender notes are added, compounds are split or joined, licence
codes lose their slash. These rules undo that before two titles are compared.
"""

import re

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

# Two normalised titles at least this alike (token order ignored) are the same job.
TITLE_SIMILARITY = 85
# A compound's head names the job ("vrachtwagenchauffeur" is a "chauffeur"); shorter
# heads ("kok", "hulp") would match too much.
MIN_HEAD_CHARS = 6
_LEGAL_FORM = re.compile(
    r"\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|zn\.?|en zonen|holding|groep nl)(?=\s|$)"
)
_HOURS = re.compile(
    r"\(?\b\d+(?:[.,]\d+)?(?:\s*(?:-|–|tot)\s*\d+)?\s*(?:u\b|uur\b|uren\b|hrs?\b|hours?\b)"
    r"(?:\s*per\s*week|\s*p/?w)?\)?"
)
_GENDER = re.compile(r"\(?\b[mvx](?:\s*/\s*[mvx]){1,2}\b\)?")
_LICENCE = re.compile(r"\b([a-e])\s*/\s*([a-e])\b")
_WORDS = re.compile(r"[^\w/]+")


def employer_key(name: str) -> str:
    """Return an employer name without case, punctuation, "&"/"en" difference or legal form."""
    lowered = name.lower().replace("&", " en ")
    return " ".join(default_process(_LEGAL_FORM.sub(" ", lowered)).split())


def title_alternatives(title: str, places: set[str]) -> list[str]:
    """Return a title's normalised forms: without hours, gender note or place; per "/" part."""
    text = title.lower()
    text = _HOURS.sub(" ", _GENDER.sub(" ", text))
    text = _LICENCE.sub(r"\1\2", text)
    for place in places:
        text = re.sub(rf"\b{re.escape(place)}\b", " ", text)
    parts = [" ".join(_WORDS.sub(" ", part).split()) for part in text.split("/")]
    return [part for part in parts if part]


def _close(a: str, b: str) -> bool:
    """Return whether two normalised titles name one job."""
    joined_a, joined_b = a.replace(" ", ""), b.replace(" ", "")
    sorted_a, sorted_b = "".join(sorted(a.split())), "".join(sorted(b.split()))
    # "zorg assistent" is "zorgassistent"; "medewerker bakkerij" is "bakkerij medewerker".
    if joined_a == joined_b or sorted_a == sorted_b:
        return True
    # "vrachtwagenchauffeurce" ends with "chauffeurce": the same job, more specific.
    shorter, longer = sorted((joined_a, joined_b), key=len)
    if len(shorter) >= MIN_HEAD_CHARS and longer.endswith(shorter):
        return True
    return fuzz.token_sort_ratio(a, b) >= TITLE_SIMILARITY


def close_titles(a: str, b: str, places: set[str]) -> bool:
    """Return whether two titles, as reposts write them, name the same job."""
    return any(
        _close(x, y) for x in title_alternatives(a, places) for y in title_alternatives(b, places)
    )
