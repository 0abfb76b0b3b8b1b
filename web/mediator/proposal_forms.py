"""The mediator's forms on a proposal: reject, outcome, follow-up date and checklist."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Optional, ValidationError

from web.form_fields import choices
from web.form_rules import Limit, not_in_the_future
from web.mediator.nav import today
from web.placement_form import PlacementForm
from web.vocabulary import (
    CHECKLIST_ITEMS,
    DECLINE_REASONS,
    EMPLOYER_REASONS,
    NO_SHOW_REASONS,
    REJECT_REASONS,
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
