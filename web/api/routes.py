"""One decorator per API route: its path, roles text, body and query models, and response.

``route`` registers the view on the blueprint, validates the query string (400) and the
JSON body (415, 400, 422) against their pydantic models, and records the operation so the
OpenAPI document (web.api.openapi) is generated from the same declaration.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from flask import abort, request
from flask.typing import ResponseReturnValue
from pydantic import BaseModel

from web.api import bp
from web.api.fields import validate

View = Callable[..., ResponseReturnValue]


@dataclass(frozen=True)
class Operation:
    """What the OpenAPI document says of one route."""

    method: str
    path: str  # Flask syntax, relative to /api/v1
    summary: str
    roles: str
    response: tuple[int, str]  # status and component schema name
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    body_required: bool = True
    refusable: bool = False  # the match lifecycle may refuse it (409)


OPERATIONS: list[Operation] = []


def route(
    method: str, path: str, summary: str, roles: str, response: tuple[int, str], **options: Any
) -> Callable[[View], View]:
    """Register a view with its declaration; it gets ``body`` and ``query`` as dicts."""
    endpoint = options.pop("endpoint", None)
    operation = Operation(method, path, summary, roles, response, **options)

    def decorate(view: View) -> View:
        @wraps(view)
        def run(**params: Any) -> ResponseReturnValue:
            if operation.query is not None:
                query = validate(operation.query, request.args.to_dict(), status=400)
                params["query"] = query.model_dump(exclude_none=True)
            if operation.body is not None:
                params["body"] = _body(operation.body, required=operation.body_required)
            return view(**params)

        bp.add_url_rule(path, endpoint or view.__name__, run, methods=[method])
        OPERATIONS.append(operation)
        return run

    return decorate


def _body(model: type[BaseModel], *, required: bool) -> dict[str, Any]:
    """Return the request's JSON object checked against the model (400, 415 or 422)."""
    if not required and not request.get_data():
        return {}
    if not request.is_json:
        abort(415)
    data = request.get_json(silent=True)
    if data is None:
        abort(400)
    return validate(model, data).model_dump(exclude_unset=True)
