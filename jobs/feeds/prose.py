"""What a person reads in a vacancy's prose: the agency's client and a required licence."""

import re

# Words in an organisation's name that make it an employment agency, not the employer.
_AGENCY = re.compile(
    r"uitzend|detacher|recruit|personeel|staffing|interim|werving|payroll|flexwerk|jobs?\b",
    re.IGNORECASE,
)
_CLIENT = re.compile(
    r"\b(?:voor|namens)\s+(?:onze|een|de)\s+(?:opdrachtgever|klant|relatie)\s*,?\s+"
    r"|\bonze\s+(?:opdrachtgever|klant|relatie)\s*,?\s+",
    re.IGNORECASE,
)
# Words that end a company name in "voor onze opdrachtgever X in Almere zoeken wij".
# fmt: off
_NAME_ENDS = {
    "in", "te", "uit", "zoekt", "zoeken", "is", "gevestigd", "met", "die", "voor", "op",
    "een", "aan", "bij", "wij", "we", "looking", "seeks",
}
# fmt: on
_LEGAL_FORMS = {"b.v.", "n.v.", "v.o.f.", "zn.", "bv.", "nv.", "co."}
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")
_NEEDED = re.compile(
    r"vereist|verplicht|noodzakelijk|nodig|in bezit|je hebt|jij hebt|heb je|beschik|"
    r"required|must have",
    re.IGNORECASE,
)
_OPTIONAL = re.compile(r"pr[ée]\b|wens|bij voorkeur|handig|pluspunt|preferred|nice to", re.I)


def is_agency(name: str) -> bool:
    """Return whether an organisation's name says it is an employment agency."""
    return bool(_AGENCY.search(name))


def agency_client(text: str) -> str | None:
    """Return the employer an agency names ("voor onze opdrachtgever X in ..."), if any."""
    match = _CLIENT.search(text)
    if match is None:
        return None
    words: list[str] = []
    for word in text[match.end() :].split()[:8]:
        bare = word.rstrip(",;:")
        if bare.lower() in _NAME_ENDS or (not words and not bare[:1].isupper()):
            break
        if bare.endswith(".") and bare.lower() not in _LEGAL_FORMS:
            words.append(bare.rstrip("."))
            break
        words.append(bare)
        if bare != word:  # a comma or colon closed the name
            break
    return " ".join(words) or None


def licence_required(text: str) -> bool:
    """Return whether a sentence demands a driving licence ("rijbewijs B vereist")."""
    for sentence in _SENTENCE.split(text):
        lowered = sentence.lower()
        mentioned = "rijbewijs" in lowered or "driving licen" in lowered
        if mentioned and _NEEDED.search(sentence) and not _OPTIONAL.search(sentence):
            return True
    return False
