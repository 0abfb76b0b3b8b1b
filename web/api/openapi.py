"""The OpenAPI 3.1 document of /api/v1, generated from the routes' declarations."""

import re
from typing import Any, Final, Literal

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, models_json_schema
from pydantic_core import core_schema

from web.api.responses import ANSWERS
from web.api.routes import OPERATIONS, Operation
from web.api.specs import MAX_ID

JsonSchema = dict[str, Any]
PREFIX = "/api/v1"
REFS = "#/components/schemas/{model}"
VALIDATION: Final[Literal["validation"]] = "validation"
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
DESCRIPTION = (
    "Claimants, opportunities, matches and sessions for integrations. "
    "Authenticate with `Authorization: Bearer <token>` (`zow api-token create`). "
    "Every read of a claimant's data is written to the audit log; send "
    "`X-Purpose` to say why."
)


class _Schemas(GenerateJsonSchema):
    """Pydantic's JSON Schema without a title per field or a `default: null`."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        """Leave field titles out: the property name says it."""
        return False

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchema:
        """Leave a null default out; a real one (limit 25) stays."""
        if schema.get("default") is None:
            return self.generate_inner(schema["schema"])
        return super().default_schema(schema)


def ref(name: str) -> JsonSchema:
    """Return a reference to a component schema."""
    return {"$ref": REFS.format(model=name)}


def answers() -> dict[str, JsonSchema]:
    """Return the component schemas of every answer, by model name."""
    models = [(model, VALIDATION) for model in ANSWERS]
    _by_model, schemas = models_json_schema(models, ref_template=REFS, schema_generator=_Schemas)
    return dict(schemas["$defs"])


def model_schema(model: type[BaseModel], components: dict[str, JsonSchema]) -> JsonSchema:
    """Return a model's JSON Schema; nested models go to the components."""
    schema = model.model_json_schema(ref_template=REFS, schema_generator=_Schemas)
    components.update(schema.pop("$defs", {}))
    return schema


def _response(status: int, schema_name: str, description: str) -> tuple[str, JsonSchema]:
    content = {"application/json": {"schema": ref(schema_name)}}
    return str(status), {"description": description, "content": content}


def _parameters(operation: Operation, components: dict[str, JsonSchema]) -> list[JsonSchema]:
    """Return the path ids and query parameters of an operation."""
    id_schema = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
    parameters = [
        {"name": name, "in": "path", "required": True, "schema": id_schema, "example": 1}
        for name in re.findall(r"<id:(\w+)>", operation.path)
    ]
    if operation.query is not None:
        for name, schema in model_schema(operation.query, components)["properties"].items():
            described = (
                {"description": schema.pop("description")} if "description" in schema else {}
            )
            parameters.append({"name": name, "in": "query", "required": False, "schema": schema})
            parameters[-1].update(described)
    return parameters


def operation_document(operation: Operation, components: dict[str, JsonSchema]) -> JsonSchema:
    """Return one operation with its parameters, body and every response it can give."""
    statuses = {401, 403, 429}
    parameters = _parameters(operation, components)
    statuses |= {400} if operation.query is not None else set()
    statuses |= {404} if "<" in operation.path else set()
    op: JsonSchema = {
        "summary": operation.summary,
        "description": f"Roles: {operation.roles}.",
        "parameters": parameters,
    }
    if operation.body is not None:
        components[operation.body.__name__] = model_schema(operation.body, components)
        content = {"application/json": {"schema": ref(operation.body.__name__)}}
        op["requestBody"] = {"required": operation.body_required, "content": content}
        statuses |= {400, 415, 422}
    statuses |= {409} if operation.refusable else set()
    status, schema_name = operation.response
    op["responses"] = dict(
        [_response(status, schema_name, "OK")]
        + [_response(code, "Error", ERRORS[code]) for code in sorted(statuses)]
    )
    return op


def document() -> JsonSchema:
    """Return the OpenAPI document."""
    components = answers()
    paths: dict[str, JsonSchema] = {}
    for operation in OPERATIONS:
        path = PREFIX + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", operation.path)
        paths.setdefault(path, {})[operation.method.lower()] = operation_document(
            operation, components
        )
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
        "info": {"title": "Zicht op Werk API", "version": "1.0.0", "description": DESCRIPTION},
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"bearer": []}],
    }
