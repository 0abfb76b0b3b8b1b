"""The hard-limit fields of the forms come from the one description in matcher.limits."""

from typing import Any

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict

from matcher.limits import LIMITS
from tests.web.test_i18n import english
from web.claimant.forms import PreferencesForm
from web.employer.forms import AnswerForm, OpportunityForm
from web.mediator.profile_forms import ProfileForm
from web.mediator.proposal_forms import OutcomeForm

# The form each audience fills in with the hard-limit fields of its side.
FORMS: dict[str, Any] = {
    "claimant": PreferencesForm,
    "mediator": ProfileForm,
    "employer": OpportunityForm,
}
SPECS = [(spec, audience) for limit in LIMITS for spec in limit.fields for audience in spec.forms]


def test_every_form_text_of_a_limit_has_an_english_translation() -> None:
    # The texts live in the matcher, where the catalogue extraction does not look.
    catalogue = english()
    for spec, _audience in SPECS:
        for text in vars(spec.forms[_audience]).values():
            if isinstance(text, str) and text:
                assert catalogue.get(text), text


@pytest.mark.parametrize(
    ("spec", "audience"), SPECS, ids=[f"{s.side}.{s.name}:{a}" for s, a in SPECS]
)
def test_the_form_asks_for_the_field_as_described(app: Flask, spec: Any, audience: str) -> None:
    with app.test_request_context():
        form = FORMS[audience](meta={"csrf": False})
        if spec.name not in form:
            pytest.skip("asked on another page of this audience")
        assert str(form[spec.name].label.text) == spec.forms[audience].label


@pytest.mark.parametrize(
    ("form", "name", "value", "ok"),
    [
        (ProfileForm, "hours_per_week", "60", True),
        (ProfileForm, "hours_per_week", "61", False),
        (ProfileForm, "max_travel_km", "200.5", False),
        (PreferencesForm, "max_travel_km", "-1", False),
        (OpportunityForm, "hours_min", "60", True),
        (OpportunityForm, "hours_min", "61", False),
    ],
)
def test_the_bounds_come_from_the_description(
    app: Flask, form: Any, name: str, value: str, ok: bool
) -> None:
    with app.test_request_context():
        bound = form(MultiDict({name: value}), meta={"csrf": False})
        bound.validate()
        assert (name not in bound.errors) is ok


@pytest.mark.parametrize(
    ("form", "field", "value"),
    [(OutcomeForm, "outcome", "placed"), (AnswerForm, "decision", "placed")],
)
def test_both_placement_forms_share_the_details(
    app: Flask, form: Any, field: str, value: str
) -> None:
    data = {field: value, "start_on": "2026-12-01", "hours": "24", "contract": "bepaalde_tijd"}
    with app.test_request_context():
        bound = form(MultiDict(data), meta={"csrf": False})
        bound.validate()
        assert "contract" not in bound.errors
        assert bound.placement() == {
            "start_on": "2026-12-01",
            "hours_per_week": 24,
            "contract": "bepaalde_tijd",
            "instrument": None,
        }
        assert form(MultiDict({field: "other"}), meta={"csrf": False}).placement() is None
