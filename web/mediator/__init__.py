"""Pages for job mediators (werkcoaches)."""

from flask import Blueprint

from web.roles import require_role

bp = Blueprint("mediator", __name__, url_prefix="/bemiddelaar")
require_role(bp, "mediator")

from web.mediator import (  # noqa: E402,F401  (routes attach to bp)
    duplicate_views,
    import_views,
    proposal_views,
    report_views,
    session_views,
    views,
)
