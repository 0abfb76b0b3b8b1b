"""Reading JSON bodies without letting a deeply nested one crash the request."""

from typing import Any

from flask import Flask
from flask.json.provider import DefaultJSONProvider


class DepthSafeJSONProvider(DefaultJSONProvider):
    """Flask's JSON provider, answering a body nested too deep for the parser as unreadable."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        """Parse JSON; a nesting too deep to parse becomes a ValueError (Flask's 400)."""
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("JSON nested too deeply") from None


def init_app(app: Flask) -> None:
    """Use the depth-safe provider for request bodies."""
    app.json = DepthSafeJSONProvider(app)
