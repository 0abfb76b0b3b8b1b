"""Opting out of the digest with the signed token from the mail."""

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.orm import Session

from models import Claimant

# The salt jobs.digest signs the links with; the layers keep web and jobs apart, the
# opt-out test in tests/web/public/test_opt_out.py keeps the two in step.
OPT_OUT_SALT = "zow-digest-opt-out"


def claimant_for_token(session: Session, *, secret_key: str, token: str) -> Claimant | None:
    """Return the claimant an opt-out token was made for, or None if it is not genuine."""
    if not secret_key:
        return None  # an empty key signs nothing genuine: anyone could have made the token
    try:
        claimant_id = URLSafeSerializer(secret_key, salt=OPT_OUT_SALT).loads(token)
    except BadSignature:
        return None
    if not isinstance(claimant_id, int):
        return None
    return session.get(Claimant, claimant_id)


def opt_out(session: Session, *, claimant: Claimant) -> None:
    """Stop the weekly digest mail for a claimant."""
    claimant.digest_opt_out = True
