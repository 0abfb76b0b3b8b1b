"""The claimant's reasons for all chosen pairs of a block at once, keyed by numpy columns.

Each part of a reason (title, distance, skills, hours, education, covenant and kind) is
decided by a few values, the phrasebook's keys (matcher.phrasebook). Here those values
are columns over the block's pairs: each distinct row of them is said once, by the
phrasebook from one pair that has it, and every pair's reasons are its parts' sentences
put together. Earlier outcomes and wishes hang on the pair itself and are said pair by
pair. The result equals ``Phrasebook.reasons`` pair by pair (a test holds them
together); per pair only the assembly of its parts' sentences is left in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from matcher import explain
from matcher.features import FEATURE_NAMES, PairBlock
from matcher.phrasebook import Phrasebook, Said, has_wishes
from matcher.reason_keys import NO_TERMS, OpportunityKeys
from matcher.records import ClaimantProfile, OpportunityRecord
from matcher.text import claimant_titles, normalise_title

Ids = npt.NDArray[np.intp]
Column = npt.NDArray[np.float64]
# A skill list longer than this cannot be a bit mask in a float64 without loss.
MASK_BITS = 52


@dataclass(frozen=True)
class Part:
    """One part of the reasons over a block's pairs: per pair an entry of ``said``, or -1."""

    ids: Ids
    said: list[Said]

    def sentences(self) -> list[Said]:
        """Return per pair its sentences (shared: one tuple for all pairs of a key)."""
        table = [*self.said, ()]  # -1, no sentence, reads the empty tuple at the end
        return [table[i] for i in self.ids.tolist()]


def block_reasons(
    phrases: Phrasebook,
    keys: OpportunityKeys,
    block: PairBlock,
    best: Ids,
    extra: Sequence[list[str]],
) -> list[list[str]]:
    """Return per pair of the block its reasons, then ``extra`` of its row (a new list each).

    ``best`` is per pair the position of the claimant's best fitting title
    (``TitleMatch.best_titles``).
    """
    keys.learn(block.cols)
    pairs = _Pairs(block, keys.records, best)
    parts = [
        _occupation(phrases, pairs),
        _said(
            lambda p: phrases.distance(float(block.distance[p])),
            pairs,
            None,
            [_shown_km(block.distance)],
        ),
        _skills(phrases, keys, pairs),
        _hours(phrases, keys, pairs),
        _education(phrases, keys, pairs),
    ]
    tail = _said(
        lambda p: phrases.tail(pairs.opportunity(p), pairs.features(p)),
        pairs,
        None,
        [pairs.column("covenant") > 0, keys.kind[block.cols]],
    )
    wishes = _with_wishes(pairs)
    columns = [part.sentences() for part in (*parts, tail)]
    out = [
        [*a, *b, *c, *d, *e, *t, *x]
        for a, b, c, d, e, t, x in zip(
            *columns, [extra[r] for r in block.rows.tolist()], strict=True
        )
    ]
    for p in wishes:
        said = phrases.wishes(pairs.claimant(p), pairs.opportunity(p), pairs.features(p))
        head = [text for column in columns[:-1] for text in column[p]]
        out[p] = [*head, *said, *columns[-1][p], *extra[int(block.rows[p])]]
    return out


class _Pairs:
    """A block's pairs seen one at a time: the claimant, the place, the features."""

    def __init__(self, block: PairBlock, records: Sequence[OpportunityRecord], best: Ids):
        self.block, self.records, self.best = block, records, best
        self.count = len(block.rows)

    def claimant(self, p: int) -> ClaimantProfile:
        """Return the claimant of pair p."""
        return self.block.claimants[int(self.block.rows[p])]

    def opportunity(self, p: int) -> OpportunityRecord:
        """Return the opportunity of pair p."""
        return self.records[int(self.block.cols[p])]

    def features(self, p: int) -> dict[str, float]:
        """Return the features of pair p by name, as the phrasebook reads them."""
        return dict(zip(FEATURE_NAMES, self.block.features[:, p].tolist(), strict=True))

    def column(self, name: str) -> npt.NDArray[np.float32]:
        """Return one feature over all pairs."""
        # In the features' own dtype: the sentences are said from these same values.
        return cast(npt.NDArray[np.float32], self.block.features[FEATURE_NAMES.index(name)])

    def per_row(self, values: Sequence[float]) -> Column:
        """Return a value per claimant of the block as a column over the pairs."""
        return np.asarray(values, dtype=np.float64)[self.block.rows]

    def evidence(self, p: int) -> explain.TitleEvidence | None:
        """Return the claimant's title that fits pair p best, or None without titles."""
        claimant = self.claimant(p)
        names = claimant_titles(claimant)
        if not names:
            return None
        name = names[int(self.best[p])]
        desired = {normalise_title(t) for t in claimant.desired_occupations}
        return explain.TitleEvidence(name, name in desired)


def _said(
    say: Callable[[int], Said],
    pairs: _Pairs,
    present: npt.NDArray[np.bool_] | None,
    columns: Sequence[npt.ArrayLike],
) -> Part:
    """Say each distinct row of ``columns`` once (``say(pair)``), for the present pairs."""
    ids = np.full(pairs.count, -1, dtype=np.intp)
    where = np.arange(pairs.count) if present is None else np.flatnonzero(present)
    if len(where) == 0:
        return Part(ids, [])
    key = np.zeros(len(where), dtype=np.int64)
    for column in columns:
        # Number each column's values, then fold them into one key: 1-D sorts only.
        number, count = _numbered(np.asarray(column)[where])
        if len(key) and int(key.max()) >= 2**62 // count:
            key = np.unique(key, return_inverse=True)[1].ravel()  # renumbered: no overflow
        key = key * count + number
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    ids[where] = inverse.ravel()
    return Part(ids, [say(int(where[i])) for i in first.tolist()])


def _numbered(values: npt.NDArray[Any]) -> tuple[npt.NDArray[np.int64], int]:
    """Return each value's number (equal values, equal numbers) and how many numbers."""
    if values.dtype.kind in "biu" and (len(values) == 0 or values.min() >= 0):
        # Small counts (rows, title positions, flags, ids) number themselves.
        return values.astype(np.int64), int(values.max(initial=0)) + 1
    distinct, number = np.unique(values, return_inverse=True)
    return number.ravel().astype(np.int64), max(len(distinct), 1)


def _shown_km(distance: npt.NDArray[np.float64]) -> Column:
    """Return the km as the sentence shows them: -1 under 1 km, else whole km (NaN: -2)."""
    # np.rint rounds half to even on the exact binary value, as f"{km:.0f}" does.
    shown = np.where(distance < explain.NEAR_KM, -1.0, np.rint(distance))
    return np.where(np.isnan(shown), -2.0, shown)


def _occupation(phrases: Phrasebook, pairs: _Pairs) -> Part:
    occupation, fuzzy = pairs.column("occupation"), pairs.column("title")
    has_titles = pairs.per_row([bool(claimant_titles(c)) for c in pairs.block.claimants])
    low = (occupation < explain.TITLE_EVIDENCE[0]) & (fuzzy < explain.TITLE_EVIDENCE[1])
    present = (has_titles > 0) & ~low
    close = (occupation >= explain.TITLE_CLOSE[0]) | (fuzzy >= explain.TITLE_CLOSE[1])
    return _said(
        lambda p: phrases.occupation(pairs.features(p), pairs.evidence(p)),
        pairs,
        present,
        [pairs.block.rows, pairs.best, close],
    )


def _skills(phrases: Phrasebook, keys: OpportunityKeys, pairs: _Pairs) -> Part:
    cols = pairs.block.cols
    return _said(
        lambda p: phrases.skills(pairs.claimant(p), pairs.opportunity(p)),
        pairs,
        keys.skill_list[cols] >= 0,
        [keys.skill_list[cols], _skill_masks(keys, pairs)],
    )


def _skill_masks(keys: OpportunityKeys, pairs: _Pairs) -> Column:
    """Return per pair which asked skills the claimant has, as bits in asked order."""
    block = pairs.block
    owner, position, terms, counts = _asked_terms(keys, block.cols)
    width = len(keys.terms) + 1
    have = np.unique(
        [
            row * width + term
            for row, c in enumerate(block.claimants)
            for t in explain.skill_terms(tuple(c.skills))
            if (term := keys.terms.get(t)) is not None
        ]
    ).astype(np.int64)
    hit = np.isin(block.rows[owner].astype(np.int64) * width + terms, have)
    bits = np.where(position < MASK_BITS, np.ldexp(1.0, np.minimum(position, MASK_BITS)), 0.0)
    masks = np.bincount(owner, weights=hit * bits, minlength=pairs.count).astype(np.float64)
    # A list too long for the mask is keyed by the pair itself: said for it alone.
    too_long = counts > MASK_BITS
    masks[too_long] = -1.0 - np.flatnonzero(too_long)
    return masks


def _asked_terms(keys: OpportunityKeys, cols: Ids) -> tuple[Ids, Ids, Ids, Ids]:
    """Return the asked skill terms of every pair, flat: their pair, place in the list, id.

    Also how many each pair's opportunity asks.
    """
    distinct, at = np.unique(cols, return_inverse=True)
    lists = [keys.asked[col] for col in distinct.tolist()]
    lengths = np.array([len(ids) for ids in lists], dtype=np.intp)
    flat = np.concatenate([NO_TERMS, *lists])
    starts, counts = (np.cumsum(lengths) - lengths)[at.ravel()], lengths[at.ravel()]
    owner = np.repeat(np.arange(len(cols)), counts)
    position = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return owner, position, flat[np.repeat(starts, counts) + position], counts


def _hours(phrases: Phrasebook, keys: OpportunityKeys, pairs: _Pairs) -> Part:
    claimants = pairs.block.claimants
    known = pairs.per_row([c.hours_per_week is not None for c in claimants]) > 0
    column = pairs.per_row([c.hours_per_week or 0.0 for c in claimants])
    return _said(
        lambda p: phrases.hours(pairs.claimant(p), pairs.opportunity(p), pairs.features(p)),
        pairs,
        known,
        [column, pairs.column("hours") >= explain.HOURS_FIT, keys.offered[pairs.block.cols]],
    )


def _education(phrases: Phrasebook, keys: OpportunityKeys, pairs: _Pairs) -> Part:
    needed = keys.education[pairs.block.cols]
    # Levels no opportunity asks get numbers past the known ones.
    levels = dict(keys.levels)
    have = [
        -1 if c.education_level is None else levels.setdefault(c.education_level, len(levels))
        for c in pairs.block.claimants
    ]
    return _said(
        lambda p: phrases.education(pairs.claimant(p), pairs.opportunity(p)),
        pairs,
        needed >= 0,
        [needed, pairs.per_row(have)],
    )


def _with_wishes(pairs: _Pairs) -> list[int]:
    """Return the pairs with an earlier outcome or wishes met: said pair by pair."""
    block = pairs.block
    found = set(np.flatnonzero(pairs.column("preferences") > 0).tolist())
    with_outcomes = np.array([bool(c.feedback) for c in block.claimants], dtype=bool)
    for p in np.flatnonzero(with_outcomes[block.rows]).tolist():
        claimant, place = pairs.claimant(p), pairs.opportunity(p)
        if has_wishes(claimant, place, 0.0):
            found.add(p)
    return sorted(found)
