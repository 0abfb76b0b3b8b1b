"""Public pages that need no login: opting out of the weekly digest mail."""

from flask import Blueprint

from web.roles import declare_access

bp = Blueprint("public", __name__)
# The signed token in the link is the only key: claimants click it from their mail.
declare_access(bp, "public")

from web.public import views  # noqa: E402,F401  (routes attach to bp)
