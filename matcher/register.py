"""The Algoritmeregister description and the model card, generated from live configuration."""

from __future__ import annotations

from typing import Any

from matcher.fairness import ATTRIBUTE_NAMES, ATTRIBUTES, THRESHOLD, GroupFigures
from matcher.features import FEATURE_NAMES
from matcher.ranker import LinearScorer, ModelVersion
from matcher.scales import ROUTES

STANDARD_VERSION = "1.0"  # publication standard of the Dutch Algoritmeregister


def _weights(model: ModelVersion | None) -> dict[str, float]:
    """Return the feature weights in use."""
    scorer = model.scorer if model else LinearScorer.default()
    return dict(zip(scorer.feature_names, scorer.weights, strict=True))


def algorithm_register(
    *, organisation: str, region: str, model: ModelVersion | None, base_url: str
) -> dict[str, Any]:
    """Return the Algoritmeregister publication (all fields of the standard) for this setup."""
    version = model.version if model else "default"
    return {
        "standard_version": STANDARD_VERSION,
        "name": "Zicht op Werk matcher",
        "organization": organisation,
        "description_short": (
            "Rangschikt voor mensen met een bijstandsuitkering vacatures, werkplekken, "
            "jobcoaching en dagbesteding die bij hen passen. Een werkcoach beslist."
        ),
        "type": "Zelflerend algoritme (lineair model), met vaste regels als harde grenzen",
        "category": ["Werk en inkomen", "Sociale zekerheid"],
        "website": base_url,
        "status": "In gebruik",
        "goal": (
            "Mensen in de bijstand sneller en beter naar werk of een passende activiteit "
            "begeleiden (Participatiewet), in wekelijkse sessies met een werkcoach."
        ),
        "impact": (
            "Bepaalt welke voorstellen een werkcoach als eerste ziet. Geen voorstel bereikt "
            "een werkzoekende of werkgever zonder goedkeuring van een werkcoach."
        ),
        "proportionality": (
            "Alleen gegevens die nodig zijn voor passend werk; geen beschermde kenmerken als "
            "invoer; harde grenzen (reisafstand, uren, rijbewijs, belastbaarheid) worden nooit "
            "overschreden."
        ),
        "decision_making_process": (
            "Het algoritme stelt voor; de werkcoach keurt goed, wijst af of past aan met een "
            "redencode; werkzoekende en werkgever reageren; uitkomsten voeden het model."
        ),
        "documentation": f"{base_url}/toezicht/modelkaart",
        "competent_authority": organisation,
        "lawful_basis": "Participatiewet art. 7 en 9; AVG art. 6 lid 1 sub e",
        "iama": "Uit te voeren door de gemeente (IAMA)",
        "dpia": "Zie docs/dpia-notes.md; uit te voeren door de gemeente",
        "objection_procedure": (
            "Bespreek een voorstel met uw werkcoach; bezwaar tegen een besluit volgens de "
            "Algemene wet bestuursrecht."
        ),
        "uses": "Weekelijkse voorstellen per sessie; wekelijkse e-mail met goedgekeurde matches",
        "source_data": (
            "Profiel van de werkzoekende (postcode, reisafstand, uren, rijbewijs, trede, "
            "opleiding, taalniveau, werkervaring, vaardigheden, wensen, belastbaarheid), "
            "vacatures uit feeds en van convenantwerkgevers, ESCO-classificatie (Europese "
            "Commissie), PC4-postcodes (GeoNames)."
        ),
        "methods_and_models": {
            "model_version": version,
            "model_hash": model.params_hash if model else None,
            "features": list(FEATURE_NAMES),
            "weights": _weights(model),
            "routing_by_ladder_step": {str(k): list(v) for k, v in ROUTES.items()},
        },
        "monitoring": (
            f"Eerlijkheidsrapport per groep ({', '.join(ATTRIBUTE_NAMES[a] for a in ATTRIBUTES)}): "
            "selectie-, "
            f"gelijke-kansen- en zichtbaarheidsratio; onder {THRESHOLD} wordt gemarkeerd."
        ),
        "human_intervention": (
            "Elke koppeling wordt door een werkcoach goedgekeurd; een beheerder kan automatisch "
            "matchen stilzetten."
        ),
        "risk_management": (
            "Elke run wordt vastgelegd (invoer-hash, modelversie) en is herhaalbaar; een nieuw "
            "model wordt alleen gebruikt als het niet slechter is op achtergehouden uitkomsten."
        ),
        "provider": "Eigen ontwikkeling, open source",
        "publiccode": None,
        "region": region,
        "lang": "nl",
    }


def model_card(model: ModelVersion | None, figures: list[GroupFigures]) -> dict[str, Any]:
    """Return the model card of a version, with its per-group metrics."""
    return {
        "version": model.version if model else "default",
        "kind": "learned" if model and model.adopted else "default weights",
        "params_hash": model.params_hash if model else None,
        "weights": _weights(model),
        "metrics": dict(model.metrics) if model else {},
        "intended_use": "Voorstellen voor werkcoaches in de wekelijkse sessie; nooit een besluit.",
        "not_for": "Beslissingen over uitkering, sancties of handhaving.",
        "protected_attributes": (
            "Geen invoer: leeftijd, geslacht, nationaliteit, herkomst, gezondheid."
        ),
        "per_group": [vars(f) for f in figures],
        "flagged": [vars(f) for f in figures if f.flags],
    }
