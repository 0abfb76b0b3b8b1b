"""The mediator page to import new claimants from a CSV file."""

from flask import render_template
from flask_babel import gettext
from flask_login import current_user

from matcher.csv_reading import read_csv
from models.base import utcnow
from web.db import get_session
from web.mediator import bp
from web.mediator.forms import ImportForm
from web.mediator.imports import COLUMNS, PROBLEMS, ImportResult, import_claimants
from web.mediator.nav import region, today

MAX_BYTES = 2 * 1024 * 1024


@bp.route("/klanten/import", methods=["GET", "POST"])
def import_file() -> str:
    """Import new claimants from a CSV file and invite each to a session."""
    form = ImportForm()
    result: ImportResult | None = None
    if form.validate_on_submit():
        raw = form.file.data.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            form.file.errors.append(gettext("Dit bestand is te groot (meer dan 2 MB)."))
        else:
            db = get_session()
            result = import_claimants(
                db,
                rows=_rows(raw),
                region=region(),
                mediator_id=current_user.id,
                today=today(),
                now=utcnow(),
            )
            db.commit()
    return render_template(
        "mediator/import.html", form=form, result=result, columns=COLUMNS, problems=PROBLEMS
    )


def _rows(raw: bytes) -> list[tuple[int, dict[str, str]]]:
    """Read the file as every CSV in the service is read (matcher.csv_reading)."""
    return [(row.line, row.values) for row in read_csv(raw).rows]
