"""Form fields every role's forms share; the hard-limit fields are built from matcher.limits.

A hard limit's field (bounds, choices, Dutch label and message per audience) is
described once in ``matcher.limits``; ``limit_field`` turns that description into the
WTForms field of one audience's form, so a form never repeats a bound or a label.
"""

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DecimalField, IntegerField, SelectChoice, SelectField
from wtforms.validators import NumberRange, Optional

from matcher.limits import Audience, field_spec


def choices(pairs: Iterable[tuple[str, Any]]) -> list[SelectChoice]:
    """Return select options from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


def limit_field(
    name: str,
    side: Literal["claimant", "opportunity"],
    audience: Audience,
    labels: Mapping[str, Any] | None = None,
) -> Any:
    """Return the form field of one hard-limit field as one audience's form asks for it.

    ``labels`` names the coded choices (web.vocabulary); the codes come from the description.
    """
    spec = field_spec(name, side)
    text = spec.forms[audience]
    # The Dutch texts are msgids of the catalogue; tests/web/test_limit_fields.py checks.
    label = _l(text.label)
    if spec.json_type in ("integer", "number"):
        bounds = NumberRange(*spec.bounds(), message=_l(text.message))
        if spec.json_type == "integer":
            return IntegerField(label, validators=[Optional(), bounds])
        return DecimalField(label, places=text.places, validators=[Optional(), bounds])
    if spec.json_type == "boolean" and not text.blank:
        return BooleanField(label)
    if spec.json_type == "boolean":
        yes_no = [("", _l(text.blank)), ("yes", _l("Ja")), ("no", _l("Nee"))]
        return SelectField(label, choices=choices(yes_no), default="")
    if spec.choices:
        coded = ((code, (labels or {}).get(code, code)) for code in spec.choices)
        return SelectField(label, choices=choices([("", _l(text.blank)), *coded]))
    raise ValueError(f"{side}.{name} has no form field of its own")
