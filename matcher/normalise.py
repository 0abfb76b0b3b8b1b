"""Turn messy Dutch job titles into plain tokens: no accents, noise, gender markers or hours."""

from __future__ import annotations

import csv
import gzip
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence, Set
from functools import cache
from importlib import resources

# "(m/v)", "m/v/x", "v/m", "(m-v-x)", "(mvx)": gender markers in Dutch vacancy titles.
_GENDER_MARKER = re.compile(r"\(?\b[mvxd]\s*[/-]\s*[mvxd](?:\s*[/-]\s*[mvxd])?\b\)?|\(\s*mvx?\s*\)")
# "32 uur", "24-32 uur", "24 tot 32 uur per week", "0,8 fte", "32u".
_HOURS = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:(?:-|tot|a|à)\s*\d+(?:[.,]\d+)?\s*)?"
    r"(?:uur|uren|u|hrs?|fte)\b(?:\s*(?:per|p/|/)\s*(?:week|wk|w)\b)?"
)
_NON_WORD = re.compile(r"[^0-9a-z]+")

ABBREVIATIONS = {
    "mdw": "medewerker",
    "medew": "medewerker",
    "mdwr": "medewerker",
    "mw": "medewerker",
    "mwr": "medewerker",
    "vz": "voorzitter",
    "mgr": "manager",
    "adm": "administratief",
    "admin": "administratief",
    "tech": "technisch",
    "techn": "technisch",
    "log": "logistiek",
    "ass": "assistent",
    "assist": "assistent",
    "coord": "coordinator",
    "dir": "directeur",
    "hfd": "hoofd",
    "afd": "afdeling",
    "vpk": "verpleegkundige",
    "chauf": "chauffeur",
    "ict": "ict",
    "hr": "hr",
    "it": "it",
}


def _word_set(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a text block."""
    return frozenset(text.split())


def _name_set(text: str) -> frozenset[str]:
    """Return the comma-separated (possibly multi-word) names of a text block."""
    return frozenset(" ".join(name.split()) for name in text.split(","))


# Words around a title that say nothing about the occupation itself.
NOISE_WORDS = _word_set(
    """
    vacature vacatures gezocht gevraagd zoekt zoeken wij we per direct fulltime parttime
    full part time fte uur uren week wk senior junior medior ervaren sr jr startend starter
    startende tijdelijk tijdelijke vast vaste flex flexibel flexibele oproep bijbaan
    bijbaantje job baan ft pt m v x mv mvx nl regio omgeving
    """
)

STOPWORDS = _word_set("de het een van voor in en te bij op met aan of der den des naar om tot uit")

# Used when the shipped postcode table is missing: the largest municipalities.
_FALLBACK_PLACES = _name_set(
    """
    amsterdam, rotterdam, den haag, utrecht, eindhoven, groningen, tilburg, almere, breda,
    nijmegen, apeldoorn, haarlem, arnhem, enschede, amersfoort, zaanstad, haarlemmermeer,
    hoofddorp, zwolle, leiden, leeuwarden, zoetermeer, maastricht, dordrecht, ede,
    alphen aan den rijn, westland, delft, emmen, venlo, deventer, helmond, oss, hilversum,
    heerlen, sittard, hengelo, purmerend, roosendaal, schiedam, lelystad, almelo, gouda, hoorn,
    vlaardingen, assen, capelle aan den ijssel, huizen, zeist
    """
)


def strip_accents(text: str) -> str:
    """Return the text without diacritics (é -> e, ë -> e)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def clean(text: str) -> str:
    """Lowercase, drop accents, gender markers and hours, and keep only letters and digits."""
    lowered = strip_accents(text).lower()
    lowered = _GENDER_MARKER.sub(" ", lowered)
    lowered = _HOURS.sub(" ", lowered)
    return _NON_WORD.sub(" ", lowered).strip()


def tokens(text: str) -> list[str]:
    """Return the plain tokens of a label or title, with abbreviations expanded."""
    return [ABBREVIATIONS.get(token, token) for token in clean(text).split()]


def title_tokens(text: str, protected: Set[str] = frozenset()) -> list[str]:
    """Return the tokens of a title without noise words, numbers and unprotected places."""
    words = [token for token in tokens(text) if token not in NOISE_WORDS and not token.isdigit()]
    return drop_places(words, protected)


def drop_places(words: Sequence[str], protected: Set[str]) -> list[str]:
    """Remove place names (up to four words); a single word survives if it is protected."""
    places = place_names()
    kept: list[str] = []
    i = 0
    while i < len(words):
        span = _place_span(words, i, places, protected)
        if span:
            i += span
        else:
            kept.append(words[i])
            i += 1
    return kept


def _place_span(words: Sequence[str], start: int, places: Set[str], protected: Set[str]) -> int:
    """Return how many words from start form a place name, or 0."""
    for size in range(min(4, len(words) - start), 0, -1):
        candidate = " ".join(words[start : start + size])
        if candidate in places and (size > 1 or candidate not in protected):
            return size
    return 0


@cache
def place_names() -> frozenset[str]:
    """Return Dutch place and municipality names, from the shipped postcode table if present."""
    names = set(_FALLBACK_PLACES)
    names.update(" ".join(tokens(name)) for name in _shipped_place_names())
    names.discard("")
    return frozenset(names)


def _shipped_place_names() -> Iterable[str]:
    """Yield place and municipality names from matcher/data/pc4.csv.gz, if it exists."""
    packed = resources.files("matcher") / "data" / "pc4.csv.gz"
    if not packed.is_file():
        return
    with gzip.open(io.BytesIO(packed.read_bytes()), "rt", encoding="utf-8") as source:
        for row in csv.DictReader(source):
            yield row.get("place", "")
            yield row.get("municipality", "")
