"""The covenant ledger of the region per year, for mediators and admins."""

from flask import Blueprint

from web.roles import require_role

bp = Blueprint("covenant", __name__, url_prefix="/convenant")
require_role(bp, "mediator", "admin")

from web.covenant import views  # noqa: E402,F401  (routes attach to bp)
