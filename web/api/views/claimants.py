"""Claimant routes: list, read and (mediators) register; every read is audited."""

from typing import Any

from flask import current_app
from flask.typing import ResponseReturnValue

from web.api import current_caller, present
from web.api.routes import route
from web.api.services import claimants as service
from web.api.specs import CLAIMANT_CREATE, CLAIMANT_QUERY
from web.api.views.common import ID, audit, found, today
from web.db import get_session


@route(
    "GET", "/claimants", "List claimants", "mediator (region), claimant (self), admin (ids only)",
    (200, "ClaimantPage"), query=CLAIMANT_QUERY,
)  # fmt: skip
def list_claimants(query: dict[str, Any]) -> ResponseReturnValue:
    """List the claimants the caller may see."""
    caller, db = current_caller(), get_session()
    result = service.list_claimants(db, caller=caller, **query)
    ids = [row.id for row in result.items]
    audit(db, caller, "claimant", ids)
    db.commit()
    return present.page([present.claimant(row, caller.role) for row in result.items], result)


@route(
    "GET", f"/claimants/<{ID}:claimant_id>", "Show a claimant",
    "mediator (region), claimant (self), admin (id only)", (200, "Claimant"),
)  # fmt: skip
def get_claimant(claimant_id: int) -> ResponseReturnValue:
    """Show one claimant."""
    caller, db = current_caller(), get_session()
    row = found(service.get_claimant(db, caller=caller, claimant_id=claimant_id))
    audit(db, caller, "claimant", [row.id])
    db.commit()
    return present.claimant(row, caller.role)


@route(
    "POST", "/claimants", "Register a claimant", "mediator", (201, "Claimant"),
    body=CLAIMANT_CREATE,
)  # fmt: skip
def create_claimant(body: dict[str, Any]) -> ResponseReturnValue:
    """Register a new claimant in the mediator's caseload."""
    caller, db = current_caller(), get_session()
    store_bsn = current_app.config["SETTINGS"].store_bsn
    row = service.create_claimant(db, caller=caller, data=body, store_bsn=store_bsn, today=today())
    audit(db, caller, "claimant", [row.id], action="create")
    db.commit()
    return present.claimant(row, caller.role), 201
