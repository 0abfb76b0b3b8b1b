"""Pages for claimants, in plain Dutch."""

from flask import Blueprint

from web.roles import require_role

bp = Blueprint("claimant", __name__, url_prefix="/mijn")
require_role(bp, "claimant")

from web.claimant import views  # noqa: E402,F401  (routes attach to bp)
