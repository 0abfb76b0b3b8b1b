"""The OpenAPI document, served without a token so tools can read it."""

import json
from functools import lru_cache

from flask import Response
from flask.typing import ResponseReturnValue

from web.api import bp
from web.api.openapi import document


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    """Serve the OpenAPI 3.1 document of this API."""
    return Response(_document_json(), mimetype="application/json")


@lru_cache(maxsize=1)
def _document_json() -> bytes:
    """Return the document as JSON, built once per process: it changes only with the code."""
    # Built per request it cost ~20 ms of a worker for anyone, logged in or not.
    return json.dumps(document(), ensure_ascii=False, sort_keys=True).encode()
