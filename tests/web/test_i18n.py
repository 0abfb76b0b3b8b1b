"""Dutch by default, English on request, and no user-facing text outside the catalogue."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import login
from tests.e2e.scenario import build_week, csrf_token

WEB = Path(__file__).resolve().parents[2] / "web"
CATALOGUE = WEB / "translations" / "en" / "LC_MESSAGES" / "messages.po"
# The pages this suite guards: the role portals, the shared layout and their Python strings.
OWN_TEMPLATES = [
    "templates/mediator",
    "templates/employer",
    "templates/claimant",
    "templates/auth",
    "templates/public",
    "templates/errors",
    "templates/admin",
    "templates/oversight",
]
OWN_PYTHON = ["mediator", "employer", "claimant", "auth", "public", "admin", "oversight"]
METHODS = [("**.py", "python"), ("**.html", "jinja2")]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
# Words that are the same in every language, such as the product name and the switch itself.
NOT_TRANSLATED = {"Zicht op Werk", "English", "Nederlands"}


def _extracted(folder: Path, method: str) -> set[str]:
    found = set()
    pattern = "**.py" if method == "python" else "**.html"
    for _file, _line, message, _comments, _context in extract_from_dir(
        folder, [(pattern, method)], keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def own_msgids() -> set[str]:
    ids: set[str] = set()
    for sub in OWN_TEMPLATES:
        ids |= _extracted(WEB / sub, "jinja2")
    for sub in OWN_PYTHON:
        ids |= _extracted(WEB / sub, "python")
    return ids | _base_ids()


def _base_ids() -> set[str]:
    text = (WEB / "templates" / "base.html").read_text()
    return set(re.findall(r'_\("([^"]+)"\)', text)) | set(re.findall(r"_\('([^']+)'\)", text))


def english() -> dict[str, str]:
    with CATALOGUE.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    return {
        (m.id[0] if isinstance(m.id, tuple) else m.id): (
            m.string[0] if isinstance(m.string, tuple) else m.string
        )
        for m in catalog
        if m.id
    }


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogue() -> None:
    """Compile the English catalogue when the build has not (make assets does it)."""
    mo = CATALOGUE.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < CATALOGUE.stat().st_mtime:
        with CATALOGUE.open("rb") as source, mo.open("wb") as target:
            write_mo(target, read_po(source, locale="en"))


def test_every_msgid_has_an_english_translation() -> None:
    translations = english()
    ids = own_msgids()
    assert len(ids) > 150
    missing = sorted(i for i in ids if not translations.get(i))
    assert missing == []


class _TextFinder(HTMLParser):
    """Collect visible text and labelling attributes left after removing Jinja."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("aria-label", "title", "placeholder", "alt") and value:
                self.texts.append(value)


# A block that only fills in a class name is not text.
CLASS_BLOCK = re.compile(r"\{% block body_class %\}.*?\{% endblock %\}", re.S)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def untranslated(template: Path) -> list[str]:
    finder = _TextFinder()
    finder.feed(JINJA.sub(" ", CLASS_BLOCK.sub(" ", template.read_text())))
    leftovers = [t.strip(" \n·") for t in finder.texts if re.search(r"[A-Za-z]{2}", t)]
    return [t for t in leftovers if t not in NOT_TRANSLATED]


def test_templates_have_no_text_outside_the_catalogue() -> None:
    templates = [WEB / "templates" / "base.html"]
    for sub in OWN_TEMPLATES:
        templates += sorted((WEB / sub).glob("*.html"))
    offenders = {str(t.relative_to(WEB)): untranslated(t) for t in templates}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_catches_a_bare_string(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text('<p>{{ _("Goed") }} Niet vertaald</p><a aria-label="Menu">x</a>')
    assert untranslated(page) == ["Niet vertaald", "Menu"]


def test_dutch_is_the_default(client: FlaskClient, db: Session) -> None:
    week = build_week(db)
    db.commit()
    login(client, week.claimant_user.email)
    html = client.get("/mijn/").get_data(as_text=True)
    assert '<html lang="nl">' in html and "Werk dat bij u past" in html


def test_the_language_switch_shows_english(client: FlaskClient, db: Session) -> None:
    week = build_week(db)
    db.commit()
    login(client, week.claimant_user.email)
    token = csrf_token(client.get("/mijn/").get_data(as_text=True))
    response = client.post("/taal", data={"csrf_token": token, "lang": "en", "next": "/mijn/"})
    assert response.status_code == 302 and response.location.endswith("/mijn/")
    html = client.get("/mijn/").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "Work that suits you" in html and "A computer helped make this list" in html
    assert "My details" in html  # the navigation, from a lazy string


def test_the_language_switch_refuses_foreign_redirects(client: FlaskClient) -> None:
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/taal", data={"csrf_token": token, "lang": "en", "next": "//evil.example/"}
    )
    assert response.status_code == 302 and "evil" not in response.location
