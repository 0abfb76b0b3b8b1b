"""Forms of the employer pages."""

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    AnyOf,
    DataRequired,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from models.vocab import EDUCATION_LEVELS, INSTRUMENTS
from web.form_fields import choices, limit_field
from web.form_rules import POSTCODE, Limit, not_in_the_past
from web.mediator.nav import today
from web.placement_form import PlacementForm
from web.vocabulary import (
    DUTCH_LABELS,
    EDUCATION_LABELS,
    EMPLOYER_REASONS,
    INSTRUMENT_LABELS,
    NO_SHOW_REASONS,
)

KIND_CHOICES = choices([("placement", _l("Werkplek")), ("vacancy", _l("Vacature"))])


class OpportunityForm(FlaskForm):  # type: ignore[misc]
    """A placement or vacancy posted by an employer."""

    kind = SelectField(_l("Soort"), choices=KIND_CHOICES, default="placement")
    title = StringField(_l("Titel"), validators=[DataRequired(_l("Vul een titel in.")), Limit(300)])
    description = TextAreaField(_l("Omschrijving"), validators=[Limit(5000)])
    postcode = StringField(
        _l("Postcode van de werkplek"),
        validators=[
            DataRequired(_l("Vul de postcode in.")),
            Regexp(POSTCODE, message=_l("Gebruik de vorm 1234 AB.")),
        ],
    )
    municipality = StringField(_l("Gemeente"), validators=[Optional(), Limit(80)])
    hours_min = limit_field("hours_min", "opportunity", "employer")
    hours_max = IntegerField(
        _l("Maximaal uren per week"),
        validators=[Optional(), NumberRange(0, 60, _l("Kies tussen 0 en 60 uur."))],
    )
    capacity = IntegerField(
        _l("Aantal plaatsen"),
        default=1,
        validators=[
            DataRequired(_l("Vul het aantal plaatsen in.")),
            NumberRange(1, 100, _l("Kies tussen 1 en 100 plaatsen.")),
        ],
    )
    closes_on = DateField(_l("Sluit op"), validators=[Optional()])
    status = SelectField(
        _l("Stand van zaken"),
        choices=choices(
            [("open", _l("Open")), ("filled", _l("Vervuld")), ("withdrawn", _l("Ingetrokken"))]
        ),
        default="open",
    )
    requires_driving_licence = limit_field("requires_driving_licence", "opportunity", "employer")
    education_level = SelectField(
        _l("Opleidingsniveau"),
        choices=choices(
            [("", _l("Geen eis")), *((v, EDUCATION_LABELS[v]) for v in EDUCATION_LEVELS)]
        ),
    )
    dutch_level = limit_field("dutch_level", "opportunity", "employer", DUTCH_LABELS)
    conditions = TextAreaField(
        _l("Voorwaarden (begeleiding, werktijden, vervoer)"), validators=[Limit(2000)]
    )
    wage_cost_subsidy = BooleanField(INSTRUMENT_LABELS["wage_cost_subsidy"])
    job_coaching = BooleanField(INSTRUMENT_LABELS["job_coaching"])
    trial_placement = BooleanField(INSTRUMENT_LABELS["trial_placement"])
    secondment = BooleanField(INSTRUMENT_LABELS["secondment"])
    sheltered_work = BooleanField(INSTRUMENT_LABELS["sheltered_work"])
    jobs_agreement_register = BooleanField(INSTRUMENT_LABELS["jobs_agreement_register"])

    def validate_hours_max(self, field: IntegerField) -> None:
        """Keep the maximum hours at or above the minimum."""
        low = self.hours_min.data
        if low is not None and field.data is not None and field.data < low:
            raise ValidationError(_l("Het maximum mag niet lager zijn dan het minimum."))

    def validate_closes_on(self, field: DateField) -> None:
        """Refuse a closing date in the past for a place that is still open."""
        if self.status.data == "open":
            not_in_the_past(today(), field.data)

    def instrument_fields(self) -> list[Any]:
        """Return the instrument checkboxes."""
        return [getattr(self, name) for name in INSTRUMENTS]

    def opportunity_fields(self) -> dict[str, Any]:
        """Return the validated values as opportunity attributes."""
        values: dict[str, Any] = {
            "kind": self.kind.data,
            "title": self.title.data.strip(),
            "description": self.description.data or "",
            "postcode": self.postcode.data.upper().replace(" ", ""),
            "municipality": self.municipality.data or None,
            "hours_min": self.hours_min.data,
            "hours_max": self.hours_max.data,
            "capacity": self.capacity.data,
            "closes_on": self.closes_on.data,
            "status": self.status.data,
            "requires_driving_licence": bool(self.requires_driving_licence.data),
            "education_level": self.education_level.data or None,
            "dutch_level": self.dutch_level.data or None,
            "conditions": self.conditions.data or None,
        }
        return values | {name: bool(getattr(self, name).data) for name in INSTRUMENTS}


class AnswerForm(PlacementForm):
    """One decision on a candidate: invite, hire (with the placement), not hire, no-show."""

    decision = HiddenField(validators=[AnyOf(("interview", "placed", "reject", "no_show"))])
    reason = SelectField(
        _l("Reden"),
        choices=choices([("", _l("Kies een reden")), *EMPLOYER_REASONS.items()]),
        validate_choice=False,
    )

    def validate_reason(self, field: SelectField) -> None:
        """Require a reason from the list when not hiring or when the candidate did not come."""
        allowed = {"reject": EMPLOYER_REASONS, "no_show": NO_SHOW_REASONS}.get(self.decision.data)
        if allowed is not None and field.data not in allowed:
            raise ValidationError(_l("Kies een reden."))

    def placing(self) -> bool:
        """Return whether the employer hires."""
        return bool(self.decision.data == "placed")
