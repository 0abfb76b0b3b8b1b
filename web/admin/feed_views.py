"""Admin pages for feed sources and mediator uploads."""

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext
from werkzeug.wrappers import Response as BaseResponse
from wtforms import SelectChoice

from models.source_rules import name_taken
from web.admin import bp
from web.admin.forms import KIND_LABELS, FeedSourceForm, UploadForm
from web.admin.sources import (
    EDITABLE,
    disable_source,
    get_source,
    list_sources,
    save_source,
    upload_choices,
)
from web.admin.uploads import MAX_UPLOAD_BYTES, UploadTooLargeError, run_upload
from web.db import get_session


@bp.get("/bronnen")
def sources() -> str:
    """List the feed sources."""
    return render_template(
        "admin/sources.html", sources=list_sources(get_session()), kinds=KIND_LABELS
    )


@bp.route("/bronnen/nieuw", methods=["GET", "POST"])
@bp.route("/bronnen/<int:source_id>", methods=["GET", "POST"])
def edit_source(source_id: int | None = None) -> str | BaseResponse:
    """Create a feed source or change one."""
    db = get_session()
    source = get_source(db, source_id=source_id) if source_id else None
    if source_id and source is None:
        abort(404)
    form = FeedSourceForm(obj=source, region=current_app.config["SETTINGS"].region)
    if form.validate_on_submit():
        if name_taken(db, name=form.name.data, source_id=source_id):
            form.name.errors.append(gettext("Er is al een bron met deze naam."))
        else:
            save_source(db, values={name: form[name].data for name in EDITABLE}, source=source)
            db.commit()
            flash(gettext("Bron opgeslagen."))
            return redirect(url_for("admin.sources"))
    return render_template("admin/source_form.html", form=form, source=source)


@bp.post("/bronnen/<int:source_id>/uitzetten")
def disable(source_id: int) -> BaseResponse:
    """Stop pulling a source."""
    db = get_session()
    source = get_source(db, source_id=source_id) or abort(404)
    disable_source(db, source=source)
    db.commit()
    flash(gettext("Bron uitgezet: er wordt niet meer uit opgehaald."))
    return redirect(url_for("admin.sources"))


@bp.route("/upload", methods=["GET", "POST"])
def upload() -> str | BaseResponse:
    """Upload a CSV or JSON Lines file of vacancies and ingest it now."""
    db = get_session()
    form = UploadForm()
    form.source.choices = [SelectChoice(id_, name) for id_, name in upload_choices(db)]
    if form.validate_on_submit():
        data = form.file.data.read(MAX_UPLOAD_BYTES + 1)
        filename = form.file.data.filename or "upload"
        db.rollback()  # the ingest writes through its own transactions
        try:
            run_id = run_upload(
                current_app.extensions["zow.engine"],
                source_id=form.source.data,
                data=data,
                filename=filename,
            )
        except UploadTooLargeError:
            form.file.errors.append(gettext("Dit bestand is te groot (meer dan 20 MB)."))
        else:
            return redirect(url_for("admin.feed_run_detail", run_id=run_id))
    return render_template("admin/upload.html", form=form)
