"""Forms of the mediator pages, with Dutch validation messages."""

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    EmailField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from models.vocab import EDUCATION_LEVELS, FUNCTIONAL_RESTRICTION
from web.form_fields import choices, limit_field
from web.form_rules import Limit, not_in_the_future
from web.mediator.nav import today
from web.vocabulary import (
    CHECKLIST_ITEMS,
    CONTRACT_LABELS,
    DECLINE_REASONS,
    DUTCH_LABELS,
    EDUCATION_LABELS,
    EMPLOYER_REASONS,
    INSTRUMENT_LABELS,
    NO_SHOW_REASONS,
    OVERRIDE_REASONS,
    REJECT_REASONS,
    ROUTING_CHOICES,
    ROUTING_REASONS,
)

POSTCODE = r"^\s*[1-9][0-9]{3}\s*([A-Za-z]{2})?\s*$"
LADDER_CHOICES = choices((str(step), str(step)) for step in range(1, 7))


def _list(text: str | None) -> list[str]:
    """Split a comma-separated field into trimmed, non-empty items."""
    return [item.strip() for item in (text or "").split(",") if item.strip()]


def _restrictions(text: str | None) -> list[str]:
    """Read "geen tillen, niet lang staan" as the codes geen_tillen and niet_lang_staan."""
    return ["_".join(item.lower().split()) for item in _list(text)]


class ProfileForm(FlaskForm):  # type: ignore[misc]
    """The fields of a claimant profile that a mediator keeps."""

    first_name = StringField(
        _l("Voornaam"), validators=[DataRequired(_l("Vul de voornaam in.")), Limit(80)]
    )
    last_name = StringField(
        _l("Achternaam"), validators=[DataRequired(_l("Vul de achternaam in.")), Limit(120)]
    )
    email = EmailField(
        _l("E-mailadres"),
        validators=[Optional(), Email(_l("Dit is geen geldig e-mailadres.")), Limit(254)],
    )
    postcode = StringField(
        _l("Postcode"),
        validators=[Optional(), Regexp(POSTCODE, message=_l("Gebruik de vorm 1234 AB."))],
    )
    municipality = StringField(_l("Gemeente"), validators=[Optional(), Limit(80)])
    max_travel_km = limit_field("max_travel_km", "claimant", "mediator")
    hours_per_week = limit_field("hours_per_week", "claimant", "mediator")
    driving_licence = limit_field("driving_licence", "claimant", "mediator")
    ladder_step = SelectField(
        _l("Trede op de participatieladder"),
        choices=LADDER_CHOICES,
        validators=[InputRequired(_l("Kies een trede."))],
    )
    education_level = SelectField(
        _l("Opleidingsniveau"),
        choices=choices(
            [("", _l("Onbekend")), *((v, EDUCATION_LABELS[v]) for v in EDUCATION_LEVELS)]
        ),
    )
    dutch_level = limit_field("dutch_level", "claimant", "mediator", DUTCH_LABELS)
    desired_occupations = StringField(_l("Gewenst werk (met komma's)"), validators=[Limit(500)])
    skills = StringField(_l("Vaardigheden (met komma's)"), validators=[Limit(1000)])
    restrictions = StringField(
        _l("Beperkingen in werk (geen diagnose, met komma's)"), validators=[Limit(500)]
    )
    notes = TextAreaField(_l("Notities"), validators=[Limit(4000)])

    def validate_restrictions(self, field: StringField) -> None:
        """Accept functional limitations only ("geen tillen"), never a diagnosis."""
        wrong = [
            r for r in _restrictions(field.data) if not re.fullmatch(FUNCTIONAL_RESTRICTION, r)
        ]
        if wrong:
            raise ValidationError(
                _l(
                    "Schrijf beperkingen als wat iemand niet of beperkt kan, zoals "
                    "'geen tillen' of 'beperkt lopen'; nooit een diagnose. Niet goed: %(wrong)s",
                    wrong=", ".join(wrong),
                )
            )

    def profile_fields(self) -> dict[str, Any]:
        """Return the validated values as claimant attributes."""
        travel = self.max_travel_km.data
        licence = {"yes": True, "no": False}.get(self.driving_licence.data or "")
        return {
            "first_name": self.first_name.data.strip(),
            "last_name": self.last_name.data.strip(),
            "email": self.email.data or None,
            "postcode": (self.postcode.data or "").upper().replace(" ", "") or None,
            "municipality": self.municipality.data or None,
            "max_travel_km": float(travel) if travel is not None else None,
            "hours_per_week": self.hours_per_week.data,
            "driving_licence": licence,
            "education_level": self.education_level.data or None,
            "dutch_level": self.dutch_level.data or None,
            "desired_occupations": _list(self.desired_occupations.data),
            "skills": _list(self.skills.data),
            "restrictions": _restrictions(self.restrictions.data),
            "notes": self.notes.data or None,
        }


class IntakeForm(ProfileForm):
    """A new claimant: the profile plus the municipality's client number."""

    client_number = StringField(
        _l("Klantnummer"),
        validators=[
            DataRequired(_l("Vul het klantnummer in.")),
            Limit(32, message=_l("Het klantnummer is te lang.")),
        ],
    )


class RejectForm(FlaskForm):  # type: ignore[misc]
    """Reject a proposal with a reason code."""

    reason = SelectField(
        _l("Reden"),
        choices=choices([("", _l("Kies een reden")), *REJECT_REASONS.items()]),
        validators=[DataRequired(_l("Kies een reden."))],
    )
    note = StringField(_l("Toelichting"), validators=[Optional(), Limit(500)])


OUTCOME_REASONS = {
    "not_suitable": DECLINE_REASONS,
    "not_hired": EMPLOYER_REASONS,
    "no_show": NO_SHOW_REASONS,
}


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


class OutcomeForm(PlacementForm):
    """One outcome of a proposal: in the session, or later (interview, placement)."""

    outcome = HiddenField(validators=[DataRequired()])
    applied_on = DateField(_l("Datum sollicitatie"), validators=[Optional()])
    reason = SelectField(
        _l("Reden"),
        choices=choices([("", _l("Kies een reden")), *DECLINE_REASONS.items()]),
        validate_choice=False,
    )

    def validate_applied_on(self, field: DateField) -> None:
        """Require a date when the claimant applied."""
        if self.outcome.data == "applied" and field.data is None:
            raise ValidationError(_l("Vul de datum van de sollicitatie in."))
        not_in_the_future(today(), field.data)

    def validate_reason(self, field: SelectField) -> None:
        """Require a reason from the outcome's own list when it needs one."""
        allowed = OUTCOME_REASONS.get(self.outcome.data)
        if allowed is not None and field.data not in allowed:
            raise ValidationError(_l("Kies een reden."))
        if allowed is None and field.data:
            raise ValidationError(_l("Kies een reden uit de lijst."))

    def placing(self) -> bool:
        """Return whether the outcome is a placement."""
        return bool(self.outcome.data == "placed")


class FollowUpForm(FlaskForm):  # type: ignore[misc]
    """The date to follow a proposal up."""

    follow_up_on = DateField(_l("Opvolgen op"), validators=[Optional()])


class ChecklistForm(FlaskForm):  # type: ignore[misc]
    """The application checklist: CV, letter, phone call."""

    cv = BooleanField(CHECKLIST_ITEMS["cv"])
    letter = BooleanField(CHECKLIST_ITEMS["letter"])
    phone = BooleanField(CHECKLIST_ITEMS["phone"])

    def items(self) -> dict[str, bool]:
        """Return the checklist as a dict."""
        return {name: bool(getattr(self, name).data) for name in CHECKLIST_ITEMS}


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
