"""Dutch labels (translatable) for the codes the mediator, employer and claimant pages show."""

from flask_babel import lazy_gettext as _l

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
