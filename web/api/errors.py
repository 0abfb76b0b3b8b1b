"""JSON errors for every failure under /api/v1; never an HTML error page."""

from flask import Blueprint, Response, g, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

from web.api.fields import FieldsError
from web.errors import error_page
from web.security_log import security_event

PREFIX = "/api/v1"
MESSAGES = {
    400: "The request could not be read.",
    401: "A valid bearer token is required.",
    403: "Your role may not use this endpoint.",
    404: "Not found.",
    405: "This method is not allowed here.",
    413: "The request is too large.",
    409: "This step is not allowed from the match's current status.",
    415: "Send JSON (Content-Type: application/json).",
    422: "Some fields are not valid.",
    429: "Too many failed attempts from this address. Wait and try again.",
    500: "Something went wrong on our side.",
}


def error_response(status: int, errors: list[dict[str, str | None]] | None = None) -> Response:
    """Return the JSON error envelope with a status code."""
    body = errors or [{"field": None, "message": MESSAGES.get(status, "Error.")}]
    response = jsonify({"errors": body})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="zicht-op-werk"'
    return response


def too_many_requests(wait: int) -> Response:
    """Return the 429 answer for an address that must wait before its next attempt."""
    response = error_response(429)
    response.headers["Retry-After"] = str(wait)
    return response


def handle_http_error(error: HTTPException) -> Response:
    """Turn an HTTP error raised inside the API into JSON."""
    response = error_response(error.code or 500)
    if error.code == 405 and error.valid_methods:  # type: ignore[attr-defined]
        response.headers["Allow"] = ", ".join(error.valid_methods)  # type: ignore[attr-defined]
    return response


def handle_validation(error: FieldsError) -> Response:
    """Turn field errors into a 422 (or 400 for a bad query string) naming each field."""
    caller = g.get("api_caller")
    actor = f"user:{caller.user_id}" if caller else "anonymous"
    security_event("validation", result="failed", actor=actor)
    fields: list[dict[str, str | None]] = [
        {"field": item.field, "message": item.message} for item in error.errors
    ]
    return error_response(error.status, fields)


def handle_unexpected(_error: InternalServerError) -> Response:
    """Answer an unexpected failure with a JSON 500."""
    return error_response(500)


def handle_routing_error(error: HTTPException) -> Response | tuple[str, int]:
    """Answer unknown API paths and methods in JSON; leave other paths to the app."""
    if request.path == PREFIX or request.path.startswith(PREFIX + "/"):
        return handle_http_error(error)
    return error_page(error)


def register(bp: Blueprint) -> None:
    """Register the JSON error handlers on the API blueprint."""
    for status in (400, 401, 403, 404, 405, 413, 415, 422):
        bp.register_error_handler(status, handle_http_error)
    bp.register_error_handler(500, handle_unexpected)
    bp.register_error_handler(FieldsError, handle_validation)
    # Routing errors happen before a blueprint is known, so they need app-wide handlers.
    bp.app_errorhandler(404)(handle_routing_error)
    bp.app_errorhandler(405)(handle_routing_error)
