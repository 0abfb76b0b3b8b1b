"""ISCO unit groups as a back-off: siblings support each other, a group wins when all are weak."""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence

from matcher.label_index import FloatMatrix

# Weight of the evidence from sibling occupations of the same ISCO group.
SUPPORT = 0.3
# A group is the answer only when no occupation fits: its score is scaled below theirs,
# at every ISCO level, whether it is scored from its members or matched on its own label.
GROUP_FACTOR = 0.85


def with_groups(
    row: FloatMatrix,
    candidates: Sequence[int],
    unit_group: Mapping[int, int],
    groups: Container[int],
) -> Iterable[tuple[int, float]]:
    """Yield the candidates with their ISCO unit groups scored as a back-off.

    ``unit_group`` maps each occupation (column) to the column of its ISCO unit group;
    ``groups`` holds the columns of all ISCO groups (any level), which are all scaled down.
    """
    per_group: dict[int, list[float]] = {}
    for concept in candidates:
        group = unit_group.get(concept)
        if group is not None:
            per_group.setdefault(group, []).append(float(row[concept]))
    supported: dict[int, list[float]] = {}
    for concept in candidates:
        score = float(row[concept])
        if concept in groups:
            # A group matched on its own label ("Verkopers") is no better an answer than
            # one scored from its members: it too comes after an occupation that fits.
            yield concept, GROUP_FACTOR * score
            continue
        group = unit_group.get(concept)
        if group is not None:
            support = _support(per_group[group], score, float(row[group]))
            score += SUPPORT * support * (1 - score)
            supported.setdefault(group, []).append(score)
        yield concept, score
    # Groups are scored from their members' supported scores, so a group whose members
    # all match about equally (a vague title like "verpleegkundige") can come first.
    for group, members in supported.items():
        score = max(float(row[group]), _group_score(sorted(members, reverse=True)))
        yield group, GROUP_FACTOR * score


def _support(members: Sequence[float], own: float, group_label: float) -> float:
    """Return the best other evidence for the same ISCO group: a sibling or the group label."""
    others = sorted(members, reverse=True)
    others.remove(own)
    return max(others[0] if others else 0.0, group_label)


def _group_score(members: Sequence[float]) -> float:
    """Score an ISCO group from its best occupations: it wins when they are close and weak."""
    top = members[0]
    second = members[1] if len(members) > 1 else 0.0
    # The small discount keeps an occupation first when two of a group match equally well.
    return (top + second) / 2 + 0.1 * (1 - top) - 0.005
