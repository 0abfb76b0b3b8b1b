"""The opt-out link of the digest mail: signed, asks first, then stops the mail."""

import re

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from jobs.digest import opt_out_token
from models.settings import Settings
from tests.factories import create_claimant


def test_the_link_from_the_mail_opts_out_after_a_click(
    client: FlaskClient, db: Session, settings: Settings
) -> None:
    claimant = create_claimant(db, email="anna@example.org")
    db.commit()
    path = f"/afmelden/{opt_out_token(settings.secret_key, claimant.id)}"
    page = client.get(path)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Ja, meld mij af" in html
    db.refresh(claimant)
    assert claimant.digest_opt_out is False  # a mail scanner following the link changes nothing
    csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert csrf
    done = client.post(path, data={"csrf_token": csrf.group(1)}).get_data(as_text=True)
    assert "U bent afgemeld." in done
    db.refresh(claimant)
    assert claimant.digest_opt_out is True


def test_a_forged_or_foreign_token_is_not_found(
    client: FlaskClient, db: Session, settings: Settings
) -> None:
    claimant = create_claimant(db)
    db.commit()
    assert (
        client.get(f"/afmelden/{opt_out_token('another key' * 4, claimant.id)}").status_code == 404
    )
    assert client.get("/afmelden/rubbish").status_code == 404
