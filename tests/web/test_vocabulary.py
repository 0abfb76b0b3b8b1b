"""Every code of every closed vocabulary has a Dutch label; nothing shows as "None"."""

import pytest
from flask import Flask

from matcher.filters import RESTRICTION_EXCLUDES
from models import vocab
from web.vocabulary import EMPTY, VOCABULARIES, label, labels

CLOSED = {
    "education": vocab.EDUCATION_LEVELS,
    "dutch": vocab.DUTCH_LEVELS,
    "kind": vocab.OPPORTUNITY_KINDS,
    "status": vocab.MATCH_STATUSES,
    "opportunity_status": vocab.OPPORTUNITY_STATUSES,
    "instrument": vocab.INSTRUMENTS,
    "run_status": vocab.RUN_STATUSES,
    "feed_kind": vocab.FEED_KINDS,
    "restriction": tuple(RESTRICTION_EXCLUDES),
    "demand": tuple({d for ds in RESTRICTION_EXCLUDES.values() for d in ds}),
}


@pytest.mark.parametrize("name", sorted(CLOSED))
def test_every_code_has_a_label(name: str) -> None:
    assert set(CLOSED[name]) <= set(VOCABULARIES[name]), set(CLOSED[name]) - set(VOCABULARIES[name])


def test_labels_are_words_and_nothing_is_none(app: Flask) -> None:
    with app.test_request_context():
        assert label("mbo2", "education") == "mbo niveau 2"
        assert label("niet_zwaar_tillen", "restriction") == "Niet zwaar tillen"
        assert label("geen_fietsen", "restriction") == "Geen fietsen"  # unknown: humanised
        assert label(None) == EMPTY and label("") == EMPTY
        assert labels(None) == EMPTY
        assert (
            labels(["geen_tillen", "beperkt_lopen"], "restriction") == "Niet tillen, Beperkt lopen"
        )
        assert label(True) == "Ja"
