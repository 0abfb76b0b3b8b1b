"""Admin pages: feed sources, feed runs with their errors, job runs, and mediator uploads."""

import io
import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import FeedRun, FeedSource, JobRun, Opportunity
from models.base import utcnow
from tests.conftest import login
from tests.factories import create_user

FEEDS = Path(__file__).parents[2] / "data" / "feeds"


@pytest.fixture
def admin(client: FlaskClient, db: Session) -> FlaskClient:
    user = create_user(db, "admin")
    db.commit()
    login(client, user.email)
    return client


def token(html: str) -> str:
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert found, "the page carries a CSRF token"
    return found.group(1)


def post_form(client: FlaskClient, path: str, data: dict[str, object]) -> str:
    page = client.get(path).get_data(as_text=True)
    response = client.post(path, data={**data, "csrf_token": token(page)}, follow_redirects=True)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def add_source(db: Session, **fields: object) -> FeedSource:
    values: dict[str, object] = {
        "name": "Werkgeverssite",
        "kind": "rss",
        "url": "https://x.example/feed",
        "region": "gooi-en-vechtstreek",
    }
    source = FeedSource(**(values | fields))
    db.add(source)
    db.commit()
    return source


def test_an_admin_adds_edits_and_disables_a_source(admin: FlaskClient, db: Session) -> None:
    html = post_form(
        admin,
        "/beheer/bronnen/nieuw",
        {
            "name": "Bakkerij",
            "kind": "sitemap",
            "url": "https://bakkerij.example/sitemap.xml",
            "region": "gooi-en-vechtstreek",
            "enabled": "y",
            "full_feed": "y",
        },
    )
    assert "Bron opgeslagen." in html and "Bakkerij" in html
    source = db.scalars(select(FeedSource)).one()
    assert (source.kind, source.enabled, source.full_feed) == ("sitemap", True, True)

    html = post_form(
        admin,
        f"/beheer/bronnen/{source.id}",
        {
            "name": "Bakkerij Huizen",
            "kind": "sitemap",
            "url": "https://bakkerij.example/s.xml",
            "region": "gooi-en-vechtstreek",
            "enabled": "y",
        },
    )
    db.expire_all()
    assert (source.name, source.full_feed) == ("Bakkerij Huizen", False)

    page = admin.get("/beheer/bronnen").get_data(as_text=True)
    admin.post(f"/beheer/bronnen/{source.id}/uitzetten", data={"csrf_token": token(page)})
    db.expire_all()
    assert source.enabled is False


def test_the_source_form_explains_mistakes_in_dutch(admin: FlaskClient, db: Session) -> None:
    add_source(db, name="Bestaat al")
    html = post_form(
        admin,
        "/beheer/bronnen/nieuw",
        {"name": "Bestaat al", "kind": "rss", "url": "ftp://x.example/feed", "region": "r"},
    )
    assert "Gebruik een adres dat begint met http://, https:// of file:///." in html
    html = post_form(
        admin,
        "/beheer/bronnen/nieuw",
        {"name": "Bestaat al", "kind": "rss", "url": "https://x.example/feed", "region": "r"},
    )
    assert "Er is al een bron met deze naam." in html
    html = post_form(admin, "/beheer/bronnen/nieuw", {"name": "", "kind": "csv", "region": "r"})
    assert "Vul een naam in." in html and "Vul het adres van de bron in." in html
    assert len(db.scalars(select(FeedSource)).all()) == 1


def test_feed_runs_show_counts_and_every_error(admin: FlaskClient, db: Session) -> None:
    source = add_source(db)
    run = FeedRun(
        source_id=source.id,
        status="ok",
        started_at=utcnow(),
        finished_at=utcnow(),
        fetched=5,
        new=3,
        updated=1,
        duplicate=1,
        expired=2,
        rejected=1,
        errors=[{"item": "regel 4", "reason": "postcode: is required", "raw": "csv-3,,"}],
    )
    db.add(run)
    db.commit()
    listing = admin.get("/beheer/imports").get_data(as_text=True)
    assert "Werkgeverssite" in listing and "gelukt" in listing
    detail = admin.get(f"/beheer/imports/{run.id}").get_data(as_text=True)
    assert "regel 4" in detail and "postcode: is required" in detail
    assert re.search(r"<dt>Verlopen</dt><dd>2</dd>", detail)
    assert admin.get("/beheer/imports/999").status_code == 404


def test_job_runs_are_listed_with_counts_and_errors(admin: FlaskClient, db: Session) -> None:
    db.add(JobRun(job="vacancy_pull", slot="2026-11-23T05:00", status="ok", counts={"new": 7}))
    db.add(JobRun(job="digest", slot="2026-11-23T08:00", status="failed", error="SMTP weg"))
    db.commit()
    html = admin.get("/beheer/taken").get_data(as_text=True)
    assert "vacancy_pull" in html and "new: 7" in html and "SMTP weg" in html and "mislukt" in html
    assert "vacancy_pull" in admin.get("/beheer/").get_data(as_text=True)


def test_an_uploaded_csv_is_ingested_and_its_bad_lines_shown(
    admin: FlaskClient, db: Session
) -> None:
    source = add_source(db, name="Uploads werkcoaches", kind="upload", url=None)
    page = admin.get("/beheer/upload").get_data(as_text=True)
    assert "Uploads werkcoaches" in page
    data = {
        "source": str(source.id),
        "csrf_token": token(page),
        "file": (io.BytesIO((FEEDS / "vacatures.csv").read_bytes()), "vacatures.csv"),
    }
    response = admin.post(
        "/beheer/upload", data=data, content_type="multipart/form-data", follow_redirects=True
    )
    html = response.get_data(as_text=True)
    assert response.request.path.startswith("/beheer/imports/")
    assert "gelukt" in html and "regel 4" in html and "regel 5" in html
    ids = set(db.scalars(select(Opportunity.external_id).where(Opportunity.source_id == source.id)))
    assert ids == {"csv-1", "csv-2"}


def test_an_upload_of_the_wrong_type_is_refused(admin: FlaskClient, db: Session) -> None:
    source = add_source(db, name="Uploads", kind="upload", url=None)
    page = admin.get("/beheer/upload").get_data(as_text=True)
    data = {
        "source": str(source.id),
        "csrf_token": token(page),
        "file": (io.BytesIO(b"%PDF"), "vacatures.pdf"),
    }
    html = admin.post("/beheer/upload", data=data, content_type="multipart/form-data").get_data(
        as_text=True
    )
    assert "Gebruik een CSV-, JSONL-, JSON- of XML-bestand." in html
    assert db.scalars(select(FeedRun)).all() == []


@pytest.mark.parametrize(
    "path", ["/beheer/bronnen", "/beheer/imports", "/beheer/taken", "/beheer/upload"]
)
def test_only_admins_see_the_admin_pages(client: FlaskClient, db: Session, path: str) -> None:
    user = create_user(db, "mediator")
    db.commit()
    login(client, user.email)
    assert client.get(path).status_code == 403
