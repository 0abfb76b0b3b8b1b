"""Feed source routes for admins: list, add, switch off and pull now (sources as code)."""

from importlib.metadata import entry_points
from typing import Any

from flask import abort, current_app
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from matcher.records import FieldError
from models import FeedRun, FeedSource
from models.source_rules import source_problems
from web.api.fields import FieldsError
from web.api.routes import route
from web.api.specs import SOURCE_CREATE
from web.api.views.common import ID
from web.db import get_session


def present(source: FeedSource) -> dict[str, object]:
    """Return a source as the API shows it."""
    return {
        "id": source.id,
        "name": source.name,
        "kind": source.kind,
        "url": source.url,
        "region": source.region,
        "enabled": source.enabled,
        "full_feed": source.full_feed,
    }


@route("GET", "/sources", "List feed sources", "admin", (200, "SourceList"))
def list_sources() -> ResponseReturnValue:
    """List every feed source."""
    rows = get_session().scalars(select(FeedSource).order_by(FeedSource.id))
    return {"items": [present(row) for row in rows]}


@route(
    "POST", "/sources", "Add a feed source (checked as the admin form checks it)", "admin",
    (201, "Source"), body=SOURCE_CREATE,
)  # fmt: skip
def create_source(body: dict[str, Any]) -> ResponseReturnValue:
    """Add a feed source, checked as the admin form and `zow feeds add` check it."""
    db = get_session()
    values = {
        "name": str(body.get("name") or "").strip(),
        "kind": body.get("kind"),
        "url": body.get("url") if body.get("kind") != "upload" else None,
        "region": body.get("region") or current_app.config["SETTINGS"].region,
        "enabled": body.get("enabled", True) is not False,
        "full_feed": body.get("full_feed", True) is not False,
    }
    problems = source_problems(db, values)
    if problems:
        raise FieldsError([FieldError(p.field, p.message) for p in problems])
    source = FeedSource(settings={}, **values)
    db.add(source)
    db.commit()
    return present(source), 201


@route(
    "DELETE", f"/sources/<{ID}:source_id>",
    "Stop pulling a source (its vacancies and runs stay)", "admin", (200, "Source"),
)  # fmt: skip
def remove_source(source_id: int) -> ResponseReturnValue:
    """Stop pulling a source; its vacancies and runs stay."""
    db = get_session()
    source = db.get(FeedSource, source_id) or abort(404)
    source.enabled = False
    db.commit()
    return present(source)


@route("POST", f"/sources/<{ID}:source_id>/pull", "Pull one source now", "admin", (200, "FeedRun"))
def pull_source(source_id: int) -> ResponseReturnValue:
    """Pull one source now; answer with its run (counts, errors, why nothing expired)."""
    db = get_session()
    source = db.get(FeedSource, source_id) or abort(404)
    if source.kind == "upload":
        raise FieldsError([FieldError("kind", "een uploadbron wordt niet opgehaald")])
    db.rollback()  # the pull writes through its own transactions
    [service] = entry_points(group="zow.services", name="pull_source")
    run_id = service.load()(current_app.extensions["zow.engine"], source_id=source_id)
    run = db.get_one(FeedRun, run_id)
    return {
        "id": run.id,
        "source_id": run.source_id,
        "status": run.status,
        "fetched": run.fetched,
        "new": run.new,
        "updated": run.updated,
        "duplicate": run.duplicate,
        "expired": run.expired,
        "rejected": run.rejected,
        "errors": run.errors,
        "expiry_note": run.expiry_note,
        "merges": run.merges or [],
    }
