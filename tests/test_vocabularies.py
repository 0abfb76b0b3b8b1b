"""The matcher keeps its own copy of the scales (it must not import models): they must agree."""

from matcher import scales
from models import vocab


def test_matcher_scales_equal_the_table_vocabularies() -> None:
    assert scales.EDUCATION_LEVELS == vocab.EDUCATION_LEVELS
    assert scales.DUTCH_LEVELS == vocab.DUTCH_LEVELS
    assert scales.OPPORTUNITY_KINDS == vocab.OPPORTUNITY_KINDS


def test_every_route_names_known_kinds_and_every_ladder_step_has_one() -> None:
    assert set(scales.ROUTES) == set(scales.LADDER_STEPS)
    assert {kind for kinds in scales.ROUTES.values() for kind in kinds} <= set(
        vocab.OPPORTUNITY_KINDS
    )


def test_the_rankers_feedback_statuses_equal_the_lifecycles() -> None:
    from matcher.feedback import NEGATIVE_FEEDBACK, POSITIVE_FEEDBACK
    from models.lifecycle import NEGATIVE_MATCH_STATUSES, POSITIVE_MATCH_STATUSES

    assert set(POSITIVE_FEEDBACK) == set(POSITIVE_MATCH_STATUSES)
    assert set(NEGATIVE_FEEDBACK) == set(NEGATIVE_MATCH_STATUSES)


def test_the_waiting_lists_come_from_the_table() -> None:
    from models.lifecycle import AWAITING_CLAIMANT, AWAITING_EMPLOYER

    assert AWAITING_CLAIMANT == ("proposed", "discussed")
    assert AWAITING_EMPLOYER == ("proposed", "discussed", "interested", "applied")
