"""Forms of the login pages."""

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Email, Length


class LoginForm(FlaskForm):  # type: ignore[misc]
    """E-mail address and password."""

    email = EmailField(
        "E-mailadres",
        validators=[DataRequired("Vul uw e-mailadres in."), Email("Dit is geen e-mailadres.")],
    )
    password = PasswordField(
        "Wachtwoord",
        validators=[DataRequired("Vul uw wachtwoord in."), Length(max=1024)],
    )
