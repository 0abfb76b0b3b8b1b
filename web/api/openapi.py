"""The OpenAPI 3.1 document of /api/v1, written as data next to the code it describes."""

from collections.abc import Mapping
from typing import Any

from web.api import specs
from web.api.fields import Field, object_schema
from web.api.openapi_schemas import SCHEMAS, ref
from web.api.query import PAGING

JsonSchema = dict[str, Any]
PREFIX = "/api/v1"
ERRORS = {
    400: "The query string or body could not be read",
    401: "No valid bearer token",
    403: "Your role may not use this endpoint",
    404: "Not found, or not yours to see",
    409: "The match lifecycle does not allow this step now; the error says why",
    415: "The body is not JSON",
    422: "Some fields are not valid; each error names its field",
    429: "Too many wrong tokens from this address; wait Retry-After seconds",
}


def _error(status: int) -> JsonSchema:
    return {
        "description": ERRORS[status],
        "content": {"application/json": {"schema": ref("Error")}},
    }


def _ok(schema_name: str, description: str = "OK") -> JsonSchema:
    return {
        "description": description,
        "content": {"application/json": {"schema": ref(schema_name)}},
    }


def _query(spec: Mapping[str, Field]) -> list[JsonSchema]:
    return [
        {"name": name, "in": "query", "required": False, "schema": field.value_schema()}
        | ({"description": field.description} if field.description else {})
        for name, field in spec.items()
    ]


def _id(name: str) -> JsonSchema:
    schema = {"type": "integer", "minimum": 1, "maximum": specs.MAX_ID}
    return {"name": name, "in": "path", "required": True, "schema": schema, "example": 1}


def operation(
    summary: str,
    roles: str,
    response: tuple[int, str],
    *,
    path_id: str | None = None,
    query: Mapping[str, Field] | None = None,
    body: Mapping[str, Field] | None = None,
    body_required: bool = True,
    example: JsonSchema | None = None,
    refusable: bool = False,
) -> JsonSchema:
    """Return one operation with its parameters, body and every response it can give."""
    statuses = [401, 403, 429]
    parameters = [_id(path_id)] if path_id else []
    if query is not None:
        parameters += _query(query)
        statuses.append(400)
    if path_id:
        statuses.append(404)
    op: JsonSchema = {
        "summary": summary,
        "description": f"Roles: {roles}.",
        "parameters": parameters,
    }
    if body is not None:
        op["requestBody"] = {
            "required": body_required,
            "content": {"application/json": {"schema": object_schema(body)}},
        }
        if example is not None:
            op["requestBody"]["content"]["application/json"]["example"] = example
        statuses += [400, 415, 422]
    if refusable:
        statuses.append(409)
    status, schema_name = response
    op["responses"] = {str(status): _ok(schema_name)} | {
        str(code): _error(code) for code in sorted(set(statuses))
    }
    return op


def _paths() -> dict[str, dict[str, JsonSchema]]:
    claimant_id, opportunity_id, match_id = "claimant_id", "opportunity_id", "match_id"
    mediator = "mediator"
    return {
        "/claimants": {
            "get": operation(
                "List claimants", "mediator (region), claimant (self), admin (ids only)",
                (200, "ClaimantPage"), query=PAGING | specs.CLAIMANT_FILTERS,
            ),
            "post": operation(
                "Register a claimant", mediator, (201, "Claimant"), body=specs.CLAIMANT_CREATE,
                example=specs.CLAIMANT_EXAMPLE,
            ),
        },
        "/claimants/{claimant_id}": {
            "get": operation(
                "Show a claimant", "mediator (region), claimant (self), admin (id only)",
                (200, "Claimant"), path_id=claimant_id,
            ),
        },
        "/opportunities": {
            "get": operation(
                "List opportunities", "mediator (region), employer (own), admin",
                (200, "OpportunityPage"), query=PAGING | specs.OPPORTUNITY_FILTERS,
            ),
            "post": operation(
                "Post an opportunity", "employer", (201, "Opportunity"),
                body=specs.OPPORTUNITY_CREATE, example=specs.OPPORTUNITY_EXAMPLE,
            ),
        },
        "/opportunities/{opportunity_id}": {
            "get": operation(
                "Show an opportunity", "mediator (region), employer (own), admin",
                (200, "Opportunity"), path_id=opportunity_id,
            ),
            "patch": operation(
                "Change an opportunity", "employer (own)", (200, "Opportunity"),
                path_id=opportunity_id, body=specs.OPPORTUNITY_UPDATE,
            ),
        },
        "/matches": {
            "get": operation(
                "List matches",
                "mediator (region), employer (approved and released, anonymised; filters "
                "status and opportunity_id only), claimant (own, approved), admin",
                (200, "MatchPage"), query=PAGING | specs.MATCH_FILTERS,
            ),
        },
        "/matches/{match_id}": {
            "get": operation(
                "Show a match", "as for the list", (200, "Match"), path_id=match_id
            ),
        },
        "/matches/{match_id}/status": {
            "post": operation(
                "Move a match by one step of the lifecycle (409 when not allowed)", mediator,
                (200, "Match"),
                refusable=True, path_id=match_id, body=specs.STATUS_CHANGE,
                example={"to_status": "interested", "reason_code": "in_session"},
            ),
        },
        "/matches/{match_id}/approve": {
            "post": operation(
                "Approve a proposal before anyone else sees it", mediator, (200, "Match"),
                refusable=True, path_id=match_id, body=specs.APPROVAL, body_required=False,
            ),
        },
        "/matches/{match_id}/release": {
            "post": operation(
                "Release an approved proposal to the employer, anonymised", mediator,
                (200, "Match"), refusable=True, path_id=match_id,
            ),
        },
        "/matches/{match_id}/interest": {
            "post": operation(
                "Say whether you are interested (also your consent)", "claimant (own)",
                (200, "Match"), refusable=True, path_id=match_id, body=specs.INTEREST,
            ),
        },
        "/matches/{match_id}/answer": {
            "post": operation(
                "Invite, hire (placed), not hire with a reason, or record a no-show",
                "employer (own, released)", (200, "Match"), refusable=True, path_id=match_id,
                body=specs.ANSWER,
            ),
        },
        "/matches/{match_id}/consent": {
            "post": operation(
                "Give or withdraw consent that the employer sees your name and e-mail",
                "claimant (own)", (200, "Match"), refusable=True, path_id=match_id,
                body=specs.CONSENT,
            ),
        },
        "/sessions": {
            "get": operation(
                "List sessions", "mediator (region), admin", (200, "SessionPage"),
                query=PAGING | specs.SESSION_FILTERS,
            ),
        },
        "/sources": {
            "get": operation("List feed sources", "admin", (200, "SourceList")),
            "post": operation(
                "Add a feed source (checked as the admin form checks it)", "admin",
                (201, "Source"), body=specs.SOURCE_CREATE, example=specs.SOURCE_EXAMPLE,
            ),
        },
        "/sources/{source_id}": {
            "delete": operation(
                "Stop pulling a source (its vacancies and runs stay)", "admin", (200, "Source"),
                path_id="source_id",
            ),
        },
        "/sources/{source_id}/pull": {
            "post": operation(
                "Pull one source now", "admin", (200, "FeedRun"), path_id="source_id",
            ),
        },
        "/sessions/{session_id}": {
            "get": operation(
                "Show a session with its attendees", "mediator (region), admin",
                (200, "Session"), path_id="session_id",
            ),
        },
    }  # fmt: skip


def document() -> JsonSchema:
    """Return the OpenAPI document."""
    paths = {PREFIX + path: item for path, item in _paths().items()}
    paths[PREFIX + "/openapi.json"] = {
        "get": {
            "summary": "This document",
            "security": [],
            "parameters": [],
            "responses": {"200": {"description": "OK", "content": {"application/json": {}}}},
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Zicht op Werk API",
            "version": "1.0.0",
            "description": (
                "Claimants, opportunities, matches and sessions for integrations. "
                "Authenticate with `Authorization: Bearer <token>` (`zow api-token create`). "
                "Every read of a claimant's data is written to the audit log; send "
                "`X-Purpose` to say why."
            ),
        },
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"bearer": []}],
    }
