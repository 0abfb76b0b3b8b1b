"""Vacancies merged as reposts of one job, and splitting a merge that was wrong."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import aliased
from werkzeug.wrappers import Response as BaseResponse

from models import Opportunity
from web.db import get_session
from web.mediator import bp

# Enough merges to review in one sitting; the oldest are the least likely to be wrong.
SHOWN = 200


@bp.get("/vacatures/dubbel")
def duplicates() -> str:
    """List the vacancies merged into another, newest first, each with why and a split button."""
    kept = aliased(Opportunity)
    query = (
        select(Opportunity, kept)
        .join(kept, Opportunity.duplicate_of_id == kept.id)
        .where(Opportunity.status == "duplicate")
        .order_by(Opportunity.id.desc())
        .limit(SHOWN)
    )
    pairs = get_session().execute(query).all()
    return render_template("mediator/duplicates.html", pairs=pairs)


@bp.post("/vacatures/<int:opportunity_id>/splitsen")
def split(opportunity_id: int) -> BaseResponse:
    """Split a merged vacancy from the one it was merged into: they are different jobs."""
    db = get_session()
    row = db.get(Opportunity, opportunity_id)
    if row is None or row.status != "duplicate" or row.duplicate_of_id is None:
        abort(404)
    row.split_from(db.get_one(Opportunity, row.duplicate_of_id))
    db.commit()
    flash(gettext("Gesplitst: de twee vacatures worden niet meer samengevoegd."))
    return redirect(url_for("mediator.duplicates"))
