"""The regional covenant ledger page, with a chart and a CSV download."""

from flask import current_app, render_template, request
from werkzeug.wrappers import Response as BaseResponse

from web.covenant import bp
from web.covenant.services import ledger_years, regional_ledger, totals
from web.db import get_session
from web.mediator.export import wants_csv
from web.mediator.nav import today
from web.spreadsheet import csv_response


def chosen_year(years: list[int]) -> int:
    """Return the year asked for in ?jaar=, or this year."""
    asked = request.args.get("jaar", type=int)
    return asked if asked in years else today().year


@bp.get("/")
def ledger() -> str | BaseResponse:
    """Show per covenant employer the placements pledged, proposed and made in a year."""
    db = get_session()
    years = ledger_years(db, this_year=today().year)
    year = chosen_year(years)
    rows = regional_ledger(db, region=current_app.config["SETTINGS"].region, year=year)
    if wants_csv():
        header = ("jaar", "werkgever", "toegezegd", "voorgesteld", "geplaatst", "voortgang_pct")
        lines = [(year, r.employer, r.pledged, r.proposed, r.placed, r.progress) for r in rows]
        return csv_response(f"convenant-{year}.csv", header, lines)
    return render_template(
        "covenant/ledger.html", rows=rows, total=totals(rows, year=year), year=year, years=years
    )
