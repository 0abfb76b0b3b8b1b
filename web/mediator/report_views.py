"""Mediator pages with lists and figures: the opportunity list and the KPI page."""

from flask import render_template, request
from flask_babel import gettext
from werkzeug.wrappers import Response as BaseResponse

from models.vocab import INSTRUMENTS, OPPORTUNITY_KINDS
from web.db import get_session
from web.mediator import bp
from web.mediator.catalogue import Filters, municipalities, search
from web.mediator.export import csv_response, wants_csv
from web.mediator.kpis import kpis
from web.mediator.nav import region
from web.vocabulary import label


def _filters() -> Filters:
    """Read the list filters from the query string."""
    args = request.args
    return Filters(
        text=args.get("q", "").strip()[:100],
        kind=args.get("soort", "") if args.get("soort") in OPPORTUNITY_KINDS else "",
        municipality=args.get("gemeente", "")[:80],
        instrument=args.get("instrument", "") if args.get("instrument") in INSTRUMENTS else "",
        postcode=args.get("postcode", "").strip()[:7],
        max_km=args.get("km", type=float),
    )


@bp.get("/aanbod")
def opportunities() -> str | BaseResponse:
    """List vacancies, placements and other opportunities with filters, or as CSV."""
    db = get_session()
    filters = _filters()
    listing = search(db, region=region(), filters=filters)
    found = listing.found
    if wants_csv():
        header = (
            "id",
            "soort",
            "titel",
            "werkgever",
            "gemeente",
            "plaatsen",
            "afstand_km",
            "instrumenten",
        )
        rows = [
            (
                f.opportunity.id,
                f.opportunity.kind,
                f.opportunity.title,
                f.opportunity.employer_name,
                f.opportunity.municipality,
                f.opportunity.capacity,
                None if f.distance_km is None else round(f.distance_km, 1),
                list(f.opportunity.instruments),
            )
            for f in found
        ]
        return csv_response("aanbod.csv", header, rows)
    return render_template(
        "mediator/opportunities.html",
        found=found,
        more=listing.more,
        filters=filters,
        municipalities=municipalities(db, region=region()),
        kinds=OPPORTUNITY_KINDS,
        instruments=INSTRUMENTS,
    )


@bp.get("/kpi")
def kpi() -> str | BaseResponse:
    """Show the KPI page with charts and the same figures as tables."""
    figures = kpis(get_session(), region=region())
    if wants_csv():
        rows = [(gettext("Fase"), label(stage, "status"), n) for stage, n in figures.funnel]
        rows += [(gettext("Uitstroom per maand"), m, n) for m, n in figures.outflow_per_month]
        rows += [(gettext("Werkgever"), name, n) for name, n in figures.placements_per_employer]
        rows += [(gettext("Wachttijd in dagen"), days, n) for days, n in figures.wait_buckets]
        rows += [
            (gettext("Toegezegd"), f"{name} {year}", n) for name, year, n, _f in figures.pledges
        ]
        rows += [(gettext("Vervuld"), f"{name} {year}", f) for name, year, _n, f in figures.pledges]
        return csv_response("kpi.csv", ("reeks", "label", "aantal"), rows)
    return render_template("mediator/kpi.html", kpis=figures)
