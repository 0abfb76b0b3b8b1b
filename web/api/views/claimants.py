"""Claimant routes: list, read and (mediators) register; every read is audited."""

from flask import current_app, request
from flask.typing import ResponseReturnValue

from web.api import bp, current_caller, present
from web.api.query import page_args, parse_query
from web.api.services import claimants as service
from web.api.specs import CLAIMANT_CREATE, CLAIMANT_FILTERS
from web.api.views.common import ID, audit, found, json_body, today
from web.db import get_session


@bp.get("/claimants")
def list_claimants() -> ResponseReturnValue:
    """List the claimants the caller may see."""
    caller, db = current_caller(), get_session()
    limit, offset = page_args(request.args)
    mine = parse_query(request.args, CLAIMANT_FILTERS).get("mine", False)
    result = service.list_claimants(db, caller=caller, limit=limit, offset=offset, mine=mine)
    ids = [row.id for row in result.items]
    audit(db, caller, "claimant", ids)
    db.commit()
    return present.page([present.claimant(row, caller.role) for row in result.items], result)


@bp.get(f"/claimants/<{ID}:claimant_id>")
def get_claimant(claimant_id: int) -> ResponseReturnValue:
    """Show one claimant."""
    caller, db = current_caller(), get_session()
    row = found(service.get_claimant(db, caller=caller, claimant_id=claimant_id))
    audit(db, caller, "claimant", [row.id])
    db.commit()
    return present.claimant(row, caller.role)


@bp.post("/claimants")
def create_claimant() -> ResponseReturnValue:
    """Register a new claimant in the mediator's caseload."""
    caller, db = current_caller(), get_session()
    data = json_body(CLAIMANT_CREATE)
    store_bsn = current_app.config["SETTINGS"].store_bsn
    row = service.create_claimant(db, caller=caller, data=data, store_bsn=store_bsn, today=today())
    audit(db, caller, "claimant", [row.id], action="create")
    db.commit()
    return present.claimant(row, caller.role), 201
