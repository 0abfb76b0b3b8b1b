"""One place that turns every vocabulary code into the Dutch words a reader sees.

Templates use the ``label`` filter: ``{{ claimant.education_level|label("education") }}``.
A code without a label is humanised (``niet_lang_staan`` -> "Niet lang staan") rather
than shown raw; an empty value becomes a dash, never "None".
"""

from collections.abc import Iterable, Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

from web.mediator.labels import (
    ALL_REASONS,
    FIELD_LABELS,
    INSTRUMENT_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
)

EMPTY = "–"

EDUCATION_LABELS = {
    "geen": _l("Geen diploma"),
    "vmbo": _l("vmbo"),
    "mbo1": _l("mbo niveau 1"),
    "mbo2": _l("mbo niveau 2"),
    "mbo3": _l("mbo niveau 3"),
    "mbo4": _l("mbo niveau 4"),
    "havo_vwo": _l("havo of vwo"),
    "hbo": _l("hbo"),
    "wo": _l("wo (universiteit)"),
}
DUTCH_LABELS = {
    "A0": _l("A0: nog geen Nederlands"),
    "A1": _l("A1: beginner"),
    "A2": _l("A2: eenvoudig"),
    "B1": _l("B1: zelfstandig"),
    "B2": _l("B2: goed"),
    "C1": _l("C1: vaardig"),
    "C2": _l("C2: als moedertaal"),
}
RESTRICTION_LABELS = {
    "geen_tillen": _l("Niet tillen"),
    "niet_zwaar_tillen": _l("Niet zwaar tillen"),
    "niet_lang_staan": _l("Niet lang staan"),
    "niet_lang_zitten": _l("Niet lang zitten"),
    "beperkt_lopen": _l("Beperkt lopen"),
    "geen_nachtdienst": _l("Geen nachtdienst"),
    "geen_buitenwerk": _l("Geen buitenwerk"),
    "geen_werken_op_hoogte": _l("Niet op hoogte werken"),
    "geen_klantcontact": _l("Geen klantcontact"),
    "beperkt_beeldschermwerk": _l("Beperkt beeldschermwerk"),
    "geen_hoge_werkdruk": _l("Geen hoge werkdruk"),
}
DEMAND_LABELS = {
    "tillen": _l("Tillen"),
    "zwaar_tillen": _l("Zwaar tillen"),
    "staan": _l("Staan"),
    "lang_staan": _l("Lang staan"),
    "zitten": _l("Zitten"),
    "lang_zitten": _l("Lang zitten"),
    "lopen": _l("Lopen"),
    "traplopen": _l("Traplopen"),
    "nachtdienst": _l("Nachtdienst"),
    "nachtwerk": _l("Nachtwerk"),
    "buitenwerk": _l("Buitenwerk"),
    "werken_op_hoogte": _l("Werken op hoogte"),
    "klantcontact": _l("Klantcontact"),
    "beeldschermwerk": _l("Beeldschermwerk"),
    "hoge_werkdruk": _l("Hoge werkdruk"),
}
OPPORTUNITY_STATUS_LABELS = {
    "open": _l("Open"),
    "filled": _l("Vervuld"),
    "expired": _l("Verlopen"),
    "duplicate": _l("Dubbel"),
    "withdrawn": _l("Ingetrokken"),
}
RUN_STATUS_LABELS = {
    "running": _l("bezig"),
    "ok": _l("gelukt"),
    "aborted": _l("afgebroken"),
    "failed": _l("mislukt"),
}
FEED_KIND_LABELS = {
    "jsonld": _l("Vacaturepagina's (JSON-LD)"),
    "sitemap": _l("Sitemap"),
    "rss": _l("RSS-feed"),
    "csv": _l("CSV-bestand"),
    "jsonl": _l("JSON Lines-bestand"),
    "upload": _l("Upload"),
}
ATTRIBUTE_LABELS = {
    "sex": _l("Geslacht"),
    "gender": _l("Gender"),
    "age": _l("Leeftijd"),
    "age_band": _l("Leeftijdsgroep"),
    "nationality": _l("Nationaliteit"),
    "origin": _l("Herkomst"),
    "municipality": _l("Gemeente"),
    "ladder_step": _l("Trede"),
    "restriction": _l("Beperking vastgelegd"),
    "birth_year": _l("Geboortejaar"),
}
# Groups in the fairness report, as recorded for monitoring only.
GROUP_LABELS = {
    "v": _l("Vrouw"),
    "m": _l("Man"),
    "x": _l("Anders of onbekend"),
    "ja": _l("Ja"),
    "nee": _l("Nee"),
    "onbekend": _l("Onbekend"),
}
FLAG_LABELS = {
    "selection": _l("Selectie"),
    "equal_opportunity": _l("Gelijke kansen"),
    "exposure": _l("Zichtbaarheid"),
}
BOOLEAN_LABELS = {True: _l("Ja"), False: _l("Nee")}

VOCABULARIES: dict[str, Mapping[Any, Any]] = {
    "education": EDUCATION_LABELS,
    "dutch": DUTCH_LABELS,
    "restriction": RESTRICTION_LABELS,
    "demand": DEMAND_LABELS,
    "kind": KIND_LABELS,
    "status": STATUS_LABELS,
    "opportunity_status": OPPORTUNITY_STATUS_LABELS,
    "instrument": INSTRUMENT_LABELS,
    "reason": ALL_REASONS,
    "field": FIELD_LABELS,
    "run_status": RUN_STATUS_LABELS,
    "feed_kind": FEED_KIND_LABELS,
    "attribute": ATTRIBUTE_LABELS,
    "group": GROUP_LABELS,
    "flag": FLAG_LABELS,
    "boolean": BOOLEAN_LABELS,
}


def label(code: Any, vocabulary: str | None = None) -> str:
    """Return the Dutch label of a code; a dash for nothing, never the word "None"."""
    if code is None or code == "":
        return EMPTY
    if vocabulary is not None and code in VOCABULARIES[vocabulary]:
        return str(VOCABULARIES[vocabulary][code])
    if vocabulary is None:
        for labels in VOCABULARIES.values():
            if isinstance(code, str) and code in labels:
                return str(labels[code])
    if isinstance(code, bool):
        return str(BOOLEAN_LABELS[code])
    return humanise(str(code))


def labels(codes: Iterable[Any] | None, vocabulary: str | None = None) -> str:
    """Return the labels of several codes joined by commas; a dash for none."""
    words = [label(code, vocabulary) for code in codes or ()]
    return ", ".join(words) or EMPTY


def humanise(code: str) -> str:
    """Turn an unknown code into words: underscores become spaces, first letter capital."""
    if "_" not in code:
        return code
    words = code.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def shown(value: Any) -> Any:
    """Return a value for display: a dash instead of None."""
    return EMPTY if value is None else value
