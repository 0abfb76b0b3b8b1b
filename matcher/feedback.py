"""What an earlier outcome of a pair says of its fit, read the same by ranking and reasons.

The statuses are the lifecycle's (models.lifecycle; tests/test_vocabularies.py keeps the
two equal): the matcher is a pure library and does not import the models.
"""

from __future__ import annotations

POSITIVE_FEEDBACK = frozenset({"interested", "applied", "interview", "placed"})
NO_SHOW = "no_show"  # invited, and did not come: said apart to the claimant
NEGATIVE_FEEDBACK = frozenset({"declined", "rejected", NO_SHOW})


def outcome_sign(status: str | None) -> int:
    """Return 1 if someone said yes to the pair, -1 if someone said no, else 0."""
    if status in POSITIVE_FEEDBACK:
        return 1
    return -1 if status in NEGATIVE_FEEDBACK else 0
