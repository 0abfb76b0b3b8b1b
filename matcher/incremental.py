"""A weekly pull updates last week's lists: only the pairs with new opportunities are scored.

A pair's score depends on the claimant and the opportunity only (the text vocabulary is
fixed, titles are linked one by one), so a claimant's best matches among old and new
opportunities are the best of their old list and of their matches among the new ones.
Opportunities that closed or filled since are dropped; a list may then be shorter than
``top`` until the next full run, so keep a few more than are shown.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from matcher.pipeline import ClaimantResult


def update_results(
    previous: Sequence[ClaimantResult],
    fresh: Sequence[ClaimantResult],
    *,
    gone: Collection[str] = (),
    top: int,
) -> list[ClaimantResult]:
    """Merge each claimant's earlier list with their matches among new opportunities.

    ``fresh`` ranks the same claimants against the new opportunities only; the order of
    ``previous`` is kept. Ties keep earlier opportunities first, as a full run does when
    the new ones come after the old.
    """
    new_by_claimant = {result.claimant_id: result for result in fresh}
    dropped = set(gone)
    merged = []
    for old in previous:
        new = new_by_claimant.get(old.claimant_id)
        kept = [m for m in old.matches if m.opportunity_id not in dropped]
        known = {m.opportunity_id for m in kept}
        added = [m for m in (new.matches if new else []) if m.opportunity_id not in known]
        # sorted() is stable: on equal scores the old match stays ahead of the new one.
        best = sorted([*kept, *added], key=lambda m: -m.score)[:top]
        merged.append(ClaimantResult(old.claimant_id, best, old.advice))
    return merged
