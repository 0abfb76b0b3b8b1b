"""Oversight: fairness report, model card, Algoritmeregister and the matching switch."""

import datetime as dt

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from matcher.fairness import Person, report
from matcher.store.proposals import propose_for_sessions
from models.system_flag import AUTOMATIC_MATCHING, flag_enabled
from tests.conftest import login
from tests.factories import create_user
from web.demo import load_demo

REGISTER_FIELDS = {
    "name",
    "organization",
    "description_short",
    "type",
    "category",
    "website",
    "status",
    "goal",
    "impact",
    "proportionality",
    "decision_making_process",
    "documentation",
    "competent_authority",
    "lawful_basis",
    "iama",
    "dpia",
    "objection_procedure",
    "uses",
    "source_data",
    "methods_and_models",
    "monitoring",
    "human_intervention",
    "risk_management",
    "provider",
    "standard_version",
    "lang",
}


def _people(selected_a: int, selected_b: int, n: int = 10) -> list[Person]:
    return [Person({"sex": "v"}, i < selected_a, float(i < selected_a), True) for i in range(n)] + [
        Person({"sex": "m"}, i < selected_b, float(i < selected_b), True) for i in range(n)
    ]


def test_a_group_selected_far_less_often_is_flagged() -> None:
    figures = {(f.attribute, f.group): f for f in report(_people(9, 5))}
    women, men = figures[("sex", "v")], figures[("sex", "m")]
    assert women.selection_ratio == 1.0 and women.flags == []
    assert men.selection_ratio == round(5 / 9, 4)
    assert set(men.flags) == {"selection", "equal_opportunity", "exposure"}


def test_equal_groups_are_not_flagged() -> None:
    assert all(not f.flags for f in report(_people(6, 6)))


def test_small_groups_are_reported_but_not_flagged() -> None:
    figures = report(_people(9, 1, n=3))
    assert all(not f.flags for f in figures)


def test_admin_sees_the_live_report_card_and_register(client: FlaskClient, db: Session) -> None:
    load_demo(db, today=dt.date.today(), seed=3, with_proposals=False)
    propose_for_sessions(db, region="gooi-en-vechtstreek", today=dt.date.today())
    admin = create_user(db, "admin")
    db.commit()
    login(client, admin.email)
    page = client.get("/toezicht/").get_data(as_text=True)
    assert "Eerlijkheid per groep" in page and "Gemeente" in page
    assert "municipality" not in page and "Selectieratio per groep: Geslacht" in page
    assert 'class="kpi__chart"' in page and "chart.umd.min.js" in page
    card = client.get("/toezicht/modelkaart").get_json()
    assert card["version"] == "default" and card["per_group"]
    assert {row["attribute"] for row in card["per_group"]} == {
        "sex",
        "age_band",
        "restriction",
        "municipality",
    }
    register = client.get("/toezicht/algoritmeregister.json").get_json()
    assert set(register) >= REGISTER_FIELDS
    assert register["methods_and_models"]["features"]
    assert "age" not in register["methods_and_models"]["features"]


def test_oversight_documents_are_pages_in_the_admin_menu(client: FlaskClient, db: Session) -> None:
    admin = create_user(db, "admin")
    db.commit()
    login(client, admin.email)
    menu = client.get("/beheer/").get_data(as_text=True)
    for path in (
        "/toezicht/",
        "/toezicht/modellen",
        "/toezicht/algoritmeregister",
        "/toezicht/api-documentatie",
    ):
        assert f'href="{path}"' in menu, path
    card = client.get("/toezicht/modellen/default").get_data(as_text=True)
    assert "Modelkaart" in card and "Afstand" in card and "Beroep (ESCO)" in card
    assert client.get("/toezicht/modellen/default.json").get_json()["version"] == "default"
    assert client.get("/toezicht/modellen/bestaat-niet").status_code == 404
    register = client.get("/toezicht/algoritmeregister").get_data(as_text=True)
    assert "Wettelijke grondslag" in register and "Participatiewet" in register
    docs = client.get("/toezicht/api-documentatie").get_data(as_text=True)
    assert "GET /api/v1/claimants" in docs and 'href="/api/v1/openapi.json"' in docs


def test_admin_switch_turns_automatic_matching_off_and_on(client: FlaskClient, db: Session) -> None:
    admin = create_user(db, "admin")
    db.commit()
    login(client, admin.email)
    page = client.get("/toezicht/").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/toezicht/automatisch-matchen", data={"csrf_token": token})
    db.expire_all()
    assert flag_enabled(db, AUTOMATIC_MATCHING) is False
    assert "staat uit" in client.get("/toezicht/").get_data(as_text=True)
    client.post("/toezicht/automatisch-matchen", data={"csrf_token": token})
    db.expire_all()
    assert flag_enabled(db, AUTOMATIC_MATCHING) is True


def test_no_runs_gives_an_empty_report() -> None:
    assert report([]) == []
