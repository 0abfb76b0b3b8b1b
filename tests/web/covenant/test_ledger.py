"""The covenant ledger per year: pledged, proposed and placed per employer, with progress."""

from datetime import UTC, datetime

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from models import Covenant, Match, MatchStatusChange, Pledge
from tests.conftest import login
from tests.factories import create_claimant, create_employer, create_opportunity, create_user
from web.covenant.services import regional_ledger


def _employer_with_a_year(db: Session, name: str, *, pledged: dict[int, int]) -> int:
    employer = create_employer(db, name=name, region="gooi-en-vechtstreek")
    covenant = db.query(Covenant).first() or Covenant(
        name="Convenant Gooi", region="gooi-en-vechtstreek", starts_on=datetime(2025, 1, 1).date()
    )
    db.add(covenant)
    db.flush()
    for year, n in pledged.items():
        db.add(Pledge(covenant_id=covenant.id, employer_id=employer.id, year=year, placements=n))
    return employer.id


def _placement(
    db: Session, employer_id: int, *, proposed: datetime, placed: datetime | None
) -> None:
    place = create_opportunity(db, kind="placement", employer_id=employer_id)
    match = Match(
        claimant_id=create_claimant(db).id, opportunity_id=place.id, score=0.5, created_at=proposed
    )
    db.add(match)
    db.flush()
    if placed is not None:
        match.status = "placed"
        db.add(MatchStatusChange(match_id=match.id, to_status="placed", at=placed))


def test_ledger_counts_each_placement_in_the_year_it_happened(db: Session) -> None:
    bakker = _employer_with_a_year(db, "Bakkerij Huizen", pledged={2025: 2, 2026: 4})
    _placement(
        db,
        bakker,
        proposed=datetime(2025, 12, 1, tzinfo=UTC),
        placed=datetime(2026, 1, 10, tzinfo=UTC),
    )
    _placement(
        db,
        bakker,
        proposed=datetime(2026, 3, 1, tzinfo=UTC),
        placed=datetime(2026, 4, 1, tzinfo=UTC),
    )
    _placement(db, bakker, proposed=datetime(2026, 5, 1, tzinfo=UTC), placed=None)
    # New Year's Eve 23:30 in Amsterdam is already 2026 there, still 2025 in UTC.
    _placement(
        db,
        bakker,
        proposed=datetime(2025, 6, 1, tzinfo=UTC),
        placed=datetime(2025, 12, 31, 23, 30, tzinfo=UTC),
    )
    db.commit()
    [y2026] = regional_ledger(db, region="gooi-en-vechtstreek", year=2026)
    assert (y2026.pledged, y2026.proposed, y2026.placed, y2026.progress) == (4, 2, 3, 75)
    [y2025] = regional_ledger(db, region="gooi-en-vechtstreek", year=2025)
    assert (y2025.pledged, y2025.proposed, y2025.placed, y2025.progress) == (2, 2, 0, 0)


def test_mediator_and_admin_see_the_regional_overview_employer_does_not(
    client: FlaskClient, db: Session
) -> None:
    bakker = _employer_with_a_year(db, "Bakkerij Huizen", pledged={2026: 4})
    _placement(
        db,
        bakker,
        proposed=datetime(2026, 3, 1, tzinfo=UTC),
        placed=datetime(2026, 4, 1, tzinfo=UTC),
    )
    mediator, admin = create_user(db, "mediator"), create_user(db, "admin")
    employer_user = create_user(db, "employer", employer_id=bakker)
    db.commit()
    for user in (mediator, admin):
        login(client, user.email)
        html = client.get("/convenant/?jaar=2026").get_data(as_text=True)
        assert "Bakkerij Huizen" in html and "25%" in html and 'class="kpi__chart"' in html
        csv = client.get("/convenant/?jaar=2026&format=csv").get_data(as_text=True)
        assert csv.splitlines()[1] == "2026;Bakkerij Huizen;4;1;1;25"
        client.post("/logout")
    login(client, employer_user.email)
    assert client.get("/convenant/").status_code == 403
    home = client.get("/werkgever/?jaar=2026").get_data(as_text=True)
    assert "1 van de 4 toegezegde plaatsen zijn in 2026 gevuld (25%)" in home
