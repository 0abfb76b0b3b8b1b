"""The OpenAPI document, served without a token so tools can read it."""

from flask.typing import ResponseReturnValue

from web.api import bp
from web.api.openapi import document


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    """Serve the OpenAPI 3.1 document of this API."""
    return document()
