"""Form rules every role's forms share: text limits that refuse (never cut) and plausible dates."""

from datetime import date
from typing import Any

from flask_babel import gettext
from wtforms import Field
from wtforms.validators import ValidationError

# A Dutch postcode: four digits, the first not 0, optionally two letters.
POSTCODE = r"^\s*[1-9][0-9]{3}\s*([A-Za-z]{2})?\s*$"


class Limit:
    """Refuse text longer than ``most`` characters, saying the limit and the length typed.

    Unlike WTForms' Length, it sets no ``maxlength`` attribute: a browser would silently
    cut pasted text at the limit, and the person would never know what was lost.
    """

    field_flags: dict[str, Any] = {}

    def __init__(self, most: int, message: Any = None) -> None:
        self.most = most
        self.message = message

    def __call__(self, form: Any, field: Field) -> None:
        typed = len(field.data or "")
        if typed > self.most:
            raise ValidationError(
                self.message
                or gettext(
                    "Dit veld mag hoogstens %(most)d tekens hebben; u typte er %(typed)d. "
                    "Maak de tekst korter.",
                    most=self.most,
                    typed=typed,
                )
            )


def not_in_the_past(today: date, value: date | None) -> None:
    """Refuse a closing date before today."""
    if value is not None and value < today:
        raise ValidationError(
            gettext(
                "De sluitingsdatum %(day)s ligt in het verleden. Kies vandaag of een latere datum.",
                day=value.strftime("%d-%m-%Y"),
            )
        )


def not_in_the_future(today: date, value: date | None) -> None:
    """Refuse an application date after today: nobody applied tomorrow."""
    if value is not None and value > today:
        raise ValidationError(
            gettext(
                "De datum %(day)s ligt in de toekomst. Vul de dag in waarop al is gesolliciteerd.",
                day=value.strftime("%d-%m-%Y"),
            )
        )
