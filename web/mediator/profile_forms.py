"""The mediator's claimant profile forms: intake and edit, with Dutch validation messages."""

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, InputRequired, Optional, Regexp, ValidationError

from models.vocab import EDUCATION_LEVELS, FUNCTIONAL_RESTRICTION
from web.form_fields import choices, limit_field
from web.form_rules import POSTCODE, Limit
from web.vocabulary import DUTCH_LABELS, EDUCATION_LABELS

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
