"""Forms of the admin pages, with Dutch validation messages."""

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, SelectChoice, SelectField, StringField, URLField
from wtforms.validators import DataRequired, ValidationError

from models.source_rules import url_problem
from web.form_rules import Limit

KIND_LABELS = {
    "jsonld": _l("Vacaturepagina met schema.org JobPosting"),
    "sitemap": _l("Sitemap van vacaturepagina's"),
    "rss": _l("RSS- of Atom-feed"),
    "csv": _l("CSV-bestand (uitwisselformaat)"),
    "jsonl": _l("JSON Lines-bestand (uitwisselformaat)"),
    "upload": _l("Upload door een werkcoach"),
}
UPLOAD_EXTENSIONS = ["csv", "jsonl", "ndjson", "json", "xml"]


class FeedSourceForm(FlaskForm):  # type: ignore[misc]
    """A feed source: where vacancies come from and how to read them."""

    name = StringField(_l("Naam"), validators=[DataRequired(_l("Vul een naam in.")), Limit(120)])
    kind = SelectField(
        _l("Soort bron"), choices=[SelectChoice(kind, label) for kind, label in KIND_LABELS.items()]
    )
    url = URLField(_l("Adres (URL)"), validators=[Limit(2000)])
    region = StringField(
        _l("Arbeidsmarktregio"), validators=[DataRequired(_l("Vul de regio in.")), Limit(40)]
    )
    enabled = BooleanField(_l("Actief: ophalen bij de wekelijkse import"), default=True)
    full_feed = BooleanField(
        _l("Volledige lijst: een vacature die twee keer ontbreekt, vervalt"), default=True
    )

    def validate_url(self, field: Any) -> None:
        """Require an http(s) or file address for every kind except uploads (models rule)."""
        code = url_problem(self.kind.data, field.data)
        if code == "missing":
            raise ValidationError(_l("Vul het adres van de bron in."))
        if code is not None:
            raise ValidationError(
                _l("Gebruik een adres dat begint met http://, https:// of file:///.")
            )


class UploadForm(FlaskForm):  # type: ignore[misc]
    """A file of vacancies a mediator brings in."""

    source = SelectField(_l("Bron"), coerce=int)
    file = FileField(
        _l("Bestand (CSV, JSON Lines, JSON of RSS/Atom-XML)"),
        validators=[
            FileRequired(_l("Kies een bestand.")),
            FileAllowed(UPLOAD_EXTENSIONS, _l("Gebruik een CSV-, JSONL-, JSON- of XML-bestand.")),
        ],
    )
