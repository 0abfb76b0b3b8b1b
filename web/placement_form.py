"""The details of a placement, shared by the mediator's outcome and the employer's answer."""

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField
from wtforms.validators import NumberRange, Optional, ValidationError

from web.form_fields import choices
from web.vocabulary import CONTRACT_LABELS, INSTRUMENT_LABELS


class PlacementForm(FlaskForm):  # type: ignore[misc]
    """The details of a placement: the mediator's outcome and the employer's answer share them."""

    start_on = DateField(_l("Startdatum"), validators=[Optional()])
    hours = IntegerField(_l("Uren per week"), validators=[Optional(), NumberRange(1, 60)])
    contract = SelectField(
        _l("Soort contract"),
        choices=choices([("", _l("Kies")), *CONTRACT_LABELS.items()]),
        validate_choice=False,
    )
    instrument = SelectField(
        _l("Ingezet instrument"),
        choices=choices([("", _l("Geen")), *INSTRUMENT_LABELS.items()]),
        validate_choice=False,
    )

    def placing(self) -> bool:
        """Return whether the form records a placement (each form says how)."""
        raise NotImplementedError

    def validate_contract(self, field: SelectField) -> None:
        """Require start date, hours and contract kind of a placement."""
        if not self.placing():
            return
        if field.data not in CONTRACT_LABELS or not self.start_on.data or not self.hours.data:
            raise ValidationError(_l("Vul startdatum, uren en soort contract in."))
        if self.instrument.data and self.instrument.data not in INSTRUMENT_LABELS:
            raise ValidationError(_l("Kies een instrument uit de lijst."))

    def placement(self) -> dict[str, Any] | None:
        """Return the placement details as the history row stores them, when placing."""
        if not self.placing():
            return None
        return {
            "start_on": self.start_on.data.isoformat() if self.start_on.data else None,
            "hours_per_week": self.hours.data,
            "contract": self.contract.data or None,
            "instrument": self.instrument.data or None,
        }
