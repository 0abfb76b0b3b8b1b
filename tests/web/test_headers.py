"""Security headers, and templates that keep to the Content-Security-Policy."""

import re
from pathlib import Path

from flask.testing import FlaskClient

TEMPLATES = Path(__file__).parents[2] / "web" / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)


def test_every_page_gets_the_security_headers(client: FlaskClient) -> None:
    headers = client.get("/login").headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cache-Control"] == "no-store"


def test_no_template_has_inline_script_handlers_or_styles() -> None:
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, INLINE_STYLE):
            offenders += [
                f"{path.relative_to(TEMPLATES)}: {m.group(0)}" for m in pattern.finditer(text)
            ]
    assert offenders == []


def test_static_files_may_be_cached(client: FlaskClient) -> None:
    response = client.get("/static/app.css")
    assert response.status_code == 200
    assert response.headers.get("Cache-Control") != "no-store"
    response.close()
