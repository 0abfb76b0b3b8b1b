"""Pages for covenant employers."""

from flask import Blueprint

from web.roles import require_role

bp = Blueprint("employer", __name__, url_prefix="/werkgever")
require_role(bp, "employer")

from web.employer import views  # noqa: E402,F401  (routes attach to bp)
