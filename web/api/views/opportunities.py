"""Opportunity routes: list and read; employers post and edit their own."""

from flask import abort, request
from flask.typing import ResponseReturnValue

from web.api import bp, current_caller, present
from web.api.query import page_args, parse_query
from web.api.services import opportunities as service
from web.api.specs import OPPORTUNITY_CREATE, OPPORTUNITY_FILTERS, OPPORTUNITY_UPDATE
from web.api.views.common import ID, found, json_body, today
from web.db import get_session


@bp.get("/opportunities")
def list_opportunities() -> ResponseReturnValue:
    """List the opportunities the caller may see."""
    limit, offset = page_args(request.args)
    filters = parse_query(request.args, OPPORTUNITY_FILTERS)
    result = service.list_opportunities(
        get_session(), caller=current_caller(), limit=limit, offset=offset, **filters
    )
    return present.page([present.opportunity(row) for row in result.items], result)


@bp.get(f"/opportunities/<{ID}:opportunity_id>")
def get_opportunity(opportunity_id: int) -> ResponseReturnValue:
    """Show one opportunity."""
    db = get_session()
    row = service.get_opportunity(db, caller=current_caller(), opportunity_id=opportunity_id)
    return present.opportunity(found(row))


@bp.post("/opportunities")
def create_opportunity() -> ResponseReturnValue:
    """Post a placement, vacancy, coaching slot or day-activity place."""
    db = get_session()
    data = json_body(OPPORTUNITY_CREATE)
    row = service.create_opportunity(db, caller=current_caller(), data=data, today=today())
    db.commit()
    return present.opportunity(row), 201


@bp.patch(f"/opportunities/<{ID}:opportunity_id>")
def update_opportunity(opportunity_id: int) -> ResponseReturnValue:
    """Change some fields of one of the employer's own opportunities."""
    db = get_session()
    row = service.get_opportunity(db, caller=current_caller(), opportunity_id=opportunity_id)
    if row is None:
        abort(404)
    service.update_opportunity(
        db, opportunity=row, data=json_body(OPPORTUNITY_UPDATE, partial=True)
    )
    db.commit()
    return present.opportunity(row)
