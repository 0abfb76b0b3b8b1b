"""Forms of the mediator's sessions, overrides, imports and routing, with Dutch messages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import DateTimeLocalField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, NumberRange, ValidationError

from web.form_fields import choices
from web.form_rules import Limit
from web.mediator.nav import today
from web.vocabulary import OVERRIDE_REASONS, ROUTING_CHOICES, ROUTING_REASONS


class SessionForm(FlaskForm):  # type: ignore[misc]
    """Plan a new weekly session."""

    starts_at = DateTimeLocalField(
        _l("Begint op"),
        format="%Y-%m-%dT%H:%M",
        validators=[DataRequired(_l("Vul datum en tijd in."))],
    )
    location = StringField(
        _l("Locatie"), validators=[DataRequired(_l("Vul de locatie in.")), Limit(200)]
    )
    seats = IntegerField(
        _l("Plaatsen"),
        default=12,
        validators=[InputRequired(_l("Vul het aantal plaatsen in.")), NumberRange(1, 100)],
    )

    def validate_starts_at(self, field: DateTimeLocalField) -> None:
        """Refuse a session that would start on a day already gone."""
        if field.data is not None and field.data.date() < today():
            raise ValidationError(
                _l("Deze datum ligt in het verleden. Kies vandaag of een latere dag.")
            )


class OverrideForm(FlaskForm):  # type: ignore[misc]
    """Propose an opportunity by hand, with the reason for overriding the matcher."""

    opportunity_id = IntegerField(
        _l("Nummer van de kans (zie Aanbod)"),
        validators=[InputRequired(_l("Vul het nummer van de kans in.")), NumberRange(min=1)],
    )
    reason = SelectField(
        _l("Reden"),
        choices=choices([("", _l("Kies een reden")), *OVERRIDE_REASONS.items()]),
        validators=[DataRequired(_l("Kies een reden."))],
    )


class ImportForm(FlaskForm):  # type: ignore[misc]
    """A CSV file with new claimants."""

    file = FileField(
        _l("CSV-bestand"),
        validators=[
            FileRequired(_l("Kies een bestand.")),
            FileAllowed(["csv", "txt"], _l("Gebruik een CSV-bestand.")),
        ],
    )


class RoutingForm(FlaskForm):  # type: ignore[misc]
    """Override the routing by ladder step, with a reason code."""

    route = SelectField(_l("Matchen op"), choices=choices(ROUTING_CHOICES.items()))
    route_reason = SelectField(
        _l("Reden"),
        choices=choices([("", _l("Kies een reden")), *ROUTING_REASONS.items()]),
        validators=[DataRequired(_l("Kies een reden."))],
    )
