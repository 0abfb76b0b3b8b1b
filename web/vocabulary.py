"""One place that turns every vocabulary code into the Dutch words a reader sees.

Templates use the ``label`` filter: ``{{ claimant.education_level|label("education") }}``.
A code without a label is humanised (``niet_lang_staan`` -> "Niet lang staan") rather
than shown raw; an empty value becomes a dash, never "None".
"""

from collections.abc import Iterable, Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

EMPTY = "–"

# A mediator rejects a proposal before anyone else sees it.
REJECT_REASONS = {
    "past_niet_bij_profiel": _l("Past niet bij het profiel"),
    "afstand_te_groot": _l("Afstand te groot"),
    "uren_passen_niet": _l("Uren passen niet"),
    "eerst_ondersteuning": _l("Eerst ondersteuning nodig"),
    "vacature_niet_actueel": _l("Vacature is niet meer actueel"),
    "anders": _l("Andere reden"),
}
# A mediator proposes an opportunity the matcher did not: an override of the ranking.
OVERRIDE_REASONS = {
    "kent_werkgever": _l("Werkcoach kent de werkgever en de plek"),
    "wens_klant": _l("Uitdrukkelijke wens van de klant"),
    "profiel_onvolledig": _l("Het profiel mist informatie die hier telt"),
    "anders": _l("Andere reden"),
}
# A mediator overrides which kinds of opportunity a claimant is matched to.
ROUTING_REASONS = {
    "klaar_voor_werk": _l("Klaar voor werk, ook al zegt de trede iets anders"),
    "eerst_ondersteuning": _l("Eerst ondersteuning nodig"),
    "dagbesteding_passend": _l("Dagbesteding past nu beter"),
    "terug_naar_trede": _l("Weer indelen volgens de trede"),
}
ROUTING_CHOICES = {
    "": _l("Volgens de trede"),
    "work": _l("Vacatures en werkplekken"),
    "coaching": _l("Jobcoaching"),
    "day_activity": _l("Dagbesteding"),
}
# In the session: the claimant or mediator finds the opportunity not suitable.
DECLINE_REASONS = {
    "reistijd_te_lang": _l("Reistijd te lang"),
    "uren_passen_niet": _l("Uren passen niet"),
    "geen_interesse": _l("Geen interesse"),
    "vaardigheden_ontbreken": _l("Vaardigheden ontbreken"),
    "belastbaarheid": _l("Past niet bij de belastbaarheid"),
    "coaching_eerst": _l("Eerst jobcoaching nodig"),
    "anders": _l("Andere reden"),
}
# An employer declines a candidate.
EMPLOYER_REASONS = {
    "ervaring_ontbreekt": _l("Ervaring ontbreekt"),
    "plaats_vervuld": _l("De plaats is al vervuld"),
    "uren_passen_niet": _l("Uren passen niet"),
    "taalniveau": _l("Taalniveau past niet"),
    "anders": _l("Andere reden"),
}
# The candidate did not come to the interview.
NO_SHOW_REASONS = {
    "zonder_bericht": _l("Niet gekomen, zonder bericht"),
    "ziek": _l("Ziek gemeld"),
    "vervoer": _l("Geen vervoer"),
    "anders": _l("Andere reden"),
}
# The claimant withdraws interest in the portal.
WITHDRAW_REASONS = {"interesse_ingetrokken": _l("Interesse ingetrokken door de klant")}
CONTRACT_LABELS = {
    "bepaalde_tijd": _l("Bepaalde tijd"),
    "onbepaalde_tijd": _l("Onbepaalde tijd"),
    "oproep": _l("Oproepcontract"),
    "uitzend": _l("Via uitzendbureau"),
    "geen_contract": _l("Nog geen contract (bijvoorbeeld proefplaatsing)"),
}
STATUS_LABELS = {
    "proposed": _l("Voorgesteld"),
    "discussed": _l("Besproken"),
    "interested": _l("Interesse"),
    "applied": _l("Gesolliciteerd"),
    "interview": _l("Gesprek"),
    "placed": _l("Geplaatst"),
    "declined": _l("Past niet"),
    "rejected": _l("Afgewezen"),
    "no_show": _l("Niet verschenen"),
    "closed": _l("Gesloten"),
}
CHECKLIST_ITEMS = {
    "cv": _l("Cv klaar"),
    "letter": _l("Brief geschreven"),
    "phone": _l("Gebeld met werkgever"),
}
ALL_REASONS = (
    REJECT_REASONS
    | DECLINE_REASONS
    | EMPLOYER_REASONS
    | NO_SHOW_REASONS
    | WITHDRAW_REASONS
    | {
        "approved": _l("Goedgekeurd"),
        "released": _l("Vrijgegeven aan werkgever"),
        "checklist": _l("Checklist bijgewerkt"),
        "consent": _l("Toestemming van de klant"),
        "consent_given": _l("Toestemming van de klant"),
        "consent_withdrawn": _l("Toestemming ingetrokken"),
        "matching_run": _l("Voorgesteld door de matching"),
        "opportunity_closed": _l("De kans is gesloten"),
    }
)
FIELD_LABELS = {
    "postcode": _l("Postcode"),
    "max_travel_km": _l("Maximale reisafstand"),
    "hours_per_week": _l("Uren per week"),
    "driving_licence": _l("Rijbewijs"),
    "dutch_level": _l("Taalniveau"),
    "education_level": _l("Opleidingsniveau"),
    "desired_occupations": _l("Gewenst werk"),
    "skills": _l("Vaardigheden"),
}
INSTRUMENT_LABELS = {
    "wage_cost_subsidy": _l("Loonkostensubsidie"),
    "job_coaching": _l("Jobcoaching"),
    "trial_placement": _l("Proefplaatsing"),
    "secondment": _l("Detachering"),
    "sheltered_work": _l("Beschut werk"),
    "jobs_agreement_register": _l("Banenafspraak"),
}
KIND_LABELS = {
    "vacancy": _l("Vacature"),
    "placement": _l("Werkplek"),
    "coaching": _l("Jobcoaching"),
    "day_activity": _l("Dagbesteding"),
}

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
