"""Pages for administrators."""

from flask import Blueprint

from web.roles import require_role

bp = Blueprint("admin", __name__, url_prefix="/beheer")
require_role(bp, "admin")

from web.admin import feed_views, views  # noqa: E402,F401  (routes attach to bp)
