"""Importing claimants from CSV: valid lines are added and invited, bad lines are reported."""

import io
import re

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Claimant, SessionAttendance
from tests.conftest import login
from tests.e2e.scenario import build_week, csrf_token

CSV = (
    "client_number;first_name;last_name;postcode;max_travel_km;hours_per_week;ladder_step;"
    "driving_licence;dutch_level;desired_occupations\n"
    "IM-1;Ali;Yilmaz;1271 ab;10;24;5;ja;B1;kok|hulpkok\n"
    "IM-2;Els;Jansen;12;10;24;5;;;\n"
    "IM-3;Ben;de Wit;1251;;;9;;;\n"
    "IM-1;Dubbel;Nummer;1251;5;5;3;;;\n"
    "IM-4;Noor;Visser;;;;2;nee;;\n"
)


def test_import_adds_valid_lines_and_reports_the_rest(client: FlaskClient, db: Session) -> None:
    week = build_week(db)
    db.commit()
    login(client, week.mediator.email)
    token = csrf_token(client.get("/bemiddelaar/klanten/import").get_data(as_text=True))
    html = client.post(
        "/bemiddelaar/klanten/import",
        data={"csrf_token": token, "file": (io.BytesIO(CSV.encode()), "klanten.csv")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "2 klanten toegevoegd, 2 uitgenodigd voor een sessie, 3 regels overgeslagen." in html
    added = db.scalars(select(Claimant).where(Claimant.client_number.like("IM-%"))).all()
    by_number = {c.client_number: c for c in added}
    assert set(by_number) == {"IM-1", "IM-4"}
    ali = by_number["IM-1"]
    assert (ali.postcode, ali.driving_licence, ali.dutch_level, ali.desired_occupations) == (
        "1271AB",
        True,
        "B1",
        ["kok", "hulpkok"],
    )
    assert ali.mediator_id == week.mediator.id and ali.first_name == "Ali"
    for line, column in ((3, "postcode"), (4, "ladder_step"), (5, "client_number")):
        assert re.search(rf">{line}</td><td[^>]*><code>{column}</code>", html), (line, column)
    invited = db.scalars(
        select(SessionAttendance.claimant_id).where(
            SessionAttendance.session_id == week.weekly_session.id
        )
    ).all()
    assert {ali.id, by_number["IM-4"].id} <= set(invited)


def test_import_needs_a_csv_file(client: FlaskClient, db: Session) -> None:
    week = build_week(db)
    db.commit()
    login(client, week.mediator.email)
    token = csrf_token(client.get("/bemiddelaar/klanten/import").get_data(as_text=True))
    html = client.post(
        "/bemiddelaar/klanten/import",
        data={"csrf_token": token, "file": (io.BytesIO(b"x"), "klanten.exe")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "Gebruik een CSV-bestand." in html
