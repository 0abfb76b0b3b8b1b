"""The opt-out page: GET asks (mail scanners follow links), POST opts out."""

from flask import abort, current_app, render_template

from models import Claimant
from web.db import get_session
from web.public import bp
from web.public.services import claimant_for_token, opt_out


def _claimant(token: str) -> Claimant:
    """Return the token's claimant or answer 404."""
    secret_key = current_app.config["SETTINGS"].secret_key
    claimant = claimant_for_token(get_session(), secret_key=secret_key, token=token)
    return claimant or abort(404)


@bp.get("/afmelden/<token>")
def confirm_opt_out(token: str) -> str:
    """Ask whether the claimant wants to stop the weekly mail."""
    claimant = _claimant(token)
    return render_template("public/opt_out.html", done=claimant.digest_opt_out)


@bp.post("/afmelden/<token>")
def do_opt_out(token: str) -> str:
    """Stop the weekly mail."""
    db = get_session()
    opt_out(db, claimant=_claimant(token))
    db.commit()
    return render_template("public/opt_out.html", done=True)
