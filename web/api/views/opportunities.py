"""Opportunity routes: list and read; employers post and edit their own."""

from typing import Any

from flask import abort
from flask.typing import ResponseReturnValue

from web.api import current_caller, present
from web.api.routes import route
from web.api.services import opportunities as service
from web.api.specs import OPPORTUNITY_CREATE, OPPORTUNITY_QUERY, OPPORTUNITY_UPDATE
from web.api.views.common import ID, found, today
from web.db import get_session


@route(
    "GET", "/opportunities", "List opportunities", "mediator (region), employer (own), admin",
    (200, "OpportunityPage"), query=OPPORTUNITY_QUERY,
)  # fmt: skip
def list_opportunities(query: dict[str, Any]) -> ResponseReturnValue:
    """List the opportunities the caller may see."""
    result = service.list_opportunities(get_session(), caller=current_caller(), **query)
    return present.page([present.opportunity(row) for row in result.items], result)


@route(
    "GET", f"/opportunities/<{ID}:opportunity_id>", "Show an opportunity",
    "mediator (region), employer (own), admin", (200, "Opportunity"),
)  # fmt: skip
def get_opportunity(opportunity_id: int) -> ResponseReturnValue:
    """Show one opportunity."""
    db = get_session()
    row = service.get_opportunity(db, caller=current_caller(), opportunity_id=opportunity_id)
    return present.opportunity(found(row))


@route(
    "POST", "/opportunities", "Post an opportunity", "employer", (201, "Opportunity"),
    body=OPPORTUNITY_CREATE,
)  # fmt: skip
def create_opportunity(body: dict[str, Any]) -> ResponseReturnValue:
    """Post a placement, vacancy, coaching slot or day-activity place."""
    db = get_session()
    row = service.create_opportunity(db, caller=current_caller(), data=body, today=today())
    db.commit()
    return present.opportunity(row), 201


@route(
    "PATCH", f"/opportunities/<{ID}:opportunity_id>", "Change an opportunity", "employer (own)",
    (200, "Opportunity"), body=OPPORTUNITY_UPDATE,
)  # fmt: skip
def update_opportunity(opportunity_id: int, body: dict[str, Any]) -> ResponseReturnValue:
    """Change some fields of one of the employer's own opportunities."""
    db = get_session()
    row = service.get_opportunity(db, caller=current_caller(), opportunity_id=opportunity_id)
    if row is None:
        abort(404)
    service.update_opportunity(db, opportunity=row, data=body)
    db.commit()
    return present.opportunity(row)
