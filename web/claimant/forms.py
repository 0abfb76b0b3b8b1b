"""Forms of the claimant pages, in plain Dutch."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import AnyOf, Optional

from web.form_fields import limit_field
from web.form_rules import Limit


class InterestForm(FlaskForm):  # type: ignore[misc]
    """Yes or no to one proposal."""

    interested = HiddenField(validators=[AnyOf(("yes", "no"))])


class ConsentForm(FlaskForm):  # type: ignore[misc]
    """Give or withdraw consent for one match (withdraw also serves "withdraw interest")."""

    consent = HiddenField(validators=[Optional(), AnyOf(("give", "withdraw"))])


class PreferencesForm(FlaskForm):  # type: ignore[misc]
    """Hours, travel distance and wishes."""

    hours_per_week = limit_field("hours_per_week", "claimant", "claimant")
    max_travel_km = limit_field("max_travel_km", "claimant", "claimant")
    desired_occupations = StringField(
        _l("Welk werk wilt u graag doen? (met komma's)"), validators=[Limit(500)]
    )

    def wishes(self) -> list[str]:
        """Return the wishes as a list."""
        text = self.desired_occupations.data or ""
        return [item.strip() for item in text.split(",") if item.strip()]
