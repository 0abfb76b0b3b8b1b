"""ISCO groups as a back-off: every group, at any level, comes after an occupation that fits."""

from __future__ import annotations

import numpy as np

from matcher.isco_backoff import GROUP_FACTOR, with_groups

# Columns: 0 and 1 are occupations of unit group 2; 3 is a broad (2-digit) group.
UNIT_GROUP = {0: 2, 1: 2}
GROUPS = range(2, 4)


def test_a_group_matched_on_its_own_label_is_scaled_like_a_unit_group() -> None:
    row = np.array([0.7, 0.3, 0.1, 0.8])
    scored = dict(with_groups(row, [0, 1, 3], UNIT_GROUP, GROUPS))
    assert scored[3] == GROUP_FACTOR * 0.8
    # The occupation that fits (0.7 plus sibling support) now comes before the group.
    assert scored[0] > scored[3]


def test_occupations_keep_their_score_and_get_sibling_support() -> None:
    row = np.array([0.7, 0.6, 0.0, 0.0])
    scored = dict(with_groups(row, [0, 1], UNIT_GROUP, GROUPS))
    assert scored[0] > 0.7
    assert scored[1] > 0.6
    assert scored[2] < scored[0]
