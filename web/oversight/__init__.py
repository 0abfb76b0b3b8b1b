"""Oversight for admins: fairness report, model card, Algoritmeregister, matching switch."""

from flask import Blueprint

from web.roles import require_role

bp = Blueprint("oversight", __name__, url_prefix="/toezicht")
require_role(bp, "admin")

from web.oversight import documents, views  # noqa: E402,F401  (routes attach to bp)
