"""Mediator pages beyond the session: claimant page, the opportunity list, KPIs, overrides."""

import re
from datetime import date, timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import (
    AuditEvent,
    Claimant,
    Employer,
    LadderStepChange,
    Match,
    MatchStatusChange,
    SessionAttendance,
)
from models.base import utcnow
from tests.e2e.scenario import Week, csrf_token
from tests.factories import create_claimant, create_opportunity
from web.mediator import catalogue


def test_claimant_page_is_audited_with_who_and_why(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    claimant_id = week.proposal.claimant_id
    html = mediator.get(f"/bemiddelaar/klanten/{claimant_id}?reden=sessie").get_data(as_text=True)
    assert "Fatima Kaya" in html
    event = db.scalars(select(AuditEvent).where(AuditEvent.object_type == "claimant")).one()
    assert (event.actor_id, event.action, event.object_id, event.reason) == (
        week.mediator.id,
        "read",
        str(claimant_id),
        "sessie",
    )


def test_claimant_page_shows_ladder_history_and_status_timeline(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    claimant_id = week.proposal.claimant_id
    db.add(LadderStepChange(claimant_id=claimant_id, from_step=4, to_step=5))
    db.add(
        MatchStatusChange(
            match_id=week.proposal.id,
            from_status="proposed",
            to_status="declined",
            reason_code="reistijd_te_lang",
        )
    )
    db.commit()
    html = mediator.get(f"/bemiddelaar/klanten/{claimant_id}").get_data(as_text=True)
    assert "trede 4 naar 5" in html
    assert "Voorgesteld &rarr; Past niet (Reistijd te lang)" in html


def test_claimant_of_another_region_is_not_found(mediator: FlaskClient, db: Session) -> None:
    other = create_claimant(db, region="elders")
    db.commit()
    assert mediator.get(f"/bemiddelaar/klanten/{other.id}").status_code == 404
    assert db.scalars(select(AuditEvent).where(AuditEvent.object_type == "claimant")).all() == []


def test_opportunity_list_filters(mediator: FlaskClient, week: Week, db: Session) -> None:
    create_opportunity(db, title="Kok in Laren", municipality="Laren", postcode="1251")
    create_opportunity(db, title="Ver weg", municipality="Groningen", postcode="9711")
    db.commit()

    def titles(query: str) -> set[str]:
        html = mediator.get(f"/bemiddelaar/aanbod?{query}").get_data(as_text=True)
        return {t for t in ("Leerwerkplek", "schoonmaak", "Kok in Laren", "Ver weg") if t in html}

    assert titles("") == {"Leerwerkplek", "schoonmaak", "Kok in Laren", "Ver weg"}
    assert titles("soort=placement") == {"Leerwerkplek"}
    assert titles("gemeente=Laren") == {"Kok in Laren"}
    assert titles("instrument=job_coaching") == {"Leerwerkplek"}
    assert titles("q=kok") == {"Kok in Laren"}
    assert titles("postcode=1271AB&km=30") == {"Leerwerkplek", "schoonmaak", "Kok in Laren"}


def test_a_near_place_is_found_however_many_places_match_before_it(
    mediator: FlaskClient, week: Week, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Many far places whose titles sort first; the near one sorts last.
    for n in range(4):
        create_opportunity(db, title=f"Aa ver weg {n}", municipality="Groningen", postcode="9711")
    create_opportunity(db, title="Zz dichtbij", municipality="Laren", postcode="1251AB")
    db.commit()
    monkeypatch.setattr(catalogue, "LIMIT", 3)
    near = mediator.get("/bemiddelaar/aanbod?postcode=1251&km=5").get_data(as_text=True)
    assert "Zz dichtbij" in near and "Aa ver weg" not in near
    assert "Meer dan" not in near
    everything = mediator.get("/bemiddelaar/aanbod").get_data(as_text=True)
    assert "Meer dan 3 resultaten; u ziet de eerste 3 op titel." in everything
    assert "Zz dichtbij" not in everything


def test_lists_download_as_csv(mediator: FlaskClient, week: Week) -> None:
    response = mediator.get("/bemiddelaar/aanbod?soort=placement&format=csv")
    assert response.mimetype == "text/csv"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0].startswith("\ufeffNummer;Soort;Titel")
    assert ";Werkplek;" in lines[1]
    assert len(lines) == 2 and "Leerwerkplek magazijn" in lines[1]
    caseload = mediator.get("/bemiddelaar/?format=csv").get_data(as_text=True)
    assert "Fatima Kaya" in caseload
    session = mediator.get(f"/bemiddelaar/sessies/{week.weekly_session.id}?format=csv")
    assert "Medewerker schoonmaak" in session.get_data(as_text=True)


def test_csv_cells_never_start_a_formula(mediator: FlaskClient, db: Session) -> None:
    create_opportunity(db, title='=HYPERLINK("x")')
    db.commit()
    text = mediator.get("/bemiddelaar/aanbod?format=csv").get_data(as_text=True)
    assert "'=HYPERLINK" in text


def test_kpi_page_counts_the_funnel_and_renders_tables(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    for status in ("interested", "applied", "interview", "placed"):
        db.add(MatchStatusChange(match_id=week.proposal.id, to_status=status))
    db.add(MatchStatusChange(match_id=week.other_proposal.id, to_status="declined"))
    match = db.get(Match, week.proposal.id)
    match.status = "placed"  # type: ignore[union-attr]
    db.commit()
    html = mediator.get("/bemiddelaar/kpi").get_data(as_text=True)
    assert 'data-label="Voorgesteld" data-value="2"' in html
    assert 'data-label="Interesse" data-value="1"' in html
    assert 'data-label="Geplaatst" data-value="1"' in html
    employer = db.get(Employer, week.employer_user.employer_id)
    assert f'data-label="{employer.name}" data-value="1"' in html  # type: ignore[union-attr]
    waited = (utcnow().date() + timedelta(days=2) - date(2026, 11, 1)).days
    bucket = "15-30" if waited <= 30 else "31+"
    assert f'data-label="{bucket}" data-value="1"' in html
    assert "js/kpi.js" in html and "<script>" not in html
    csv = mediator.get("/bemiddelaar/kpi?format=csv").get_data(as_text=True)
    assert "Fase;Geplaatst;1" in csv


def test_a_manual_proposal_needs_a_reason_and_is_recorded_as_an_override(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    extra = create_opportunity(db, title="Hovenier bij de gemeente")
    db.commit()
    claimant_id = week.proposal.claimant_id
    page = f"/bemiddelaar/klanten/{claimant_id}"
    token = csrf_token(mediator.get(page).get_data(as_text=True))
    path = f"/bemiddelaar/klanten/{claimant_id}/voorstel"
    html = mediator.post(
        path,
        data={"csrf_token": token, "opportunity_id": str(extra.id), "reason": ""},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Niet opgeslagen" in html
    html = mediator.post(
        path,
        data={"csrf_token": token, "opportunity_id": str(extra.id), "reason": "wens_klant"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Hovenier bij de gemeente" in html
    assert "Uitdrukkelijke wens van de klant" in html
    match = db.scalar(select(Match).where(Match.opportunity_id == extra.id))
    assert match is not None and match.approved_by_id == week.mediator.id
    first = db.scalars(
        select(MatchStatusChange).where(MatchStatusChange.match_id == match.id)
    ).first()
    assert first is not None
    assert (first.from_status, first.to_status, first.reason_code) == (
        None,
        "proposed",
        "wens_klant",
    )
    again = mediator.post(
        path,
        data={"csrf_token": token, "opportunity_id": str(extra.id), "reason": "anders"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "kan niet worden voorgesteld" in again


def test_invite_an_existing_claimant_once(mediator: FlaskClient, week: Week, db: Session) -> None:
    claimant = create_claimant(db, max_travel_km=10, hours_per_week=20)
    db.commit()
    page = f"/bemiddelaar/klanten/{claimant.id}"
    html = mediator.get(page).get_data(as_text=True)
    assert "Nog niet uitgenodigd." in html
    token = csrf_token(html)
    html = mediator.post(
        f"{page}/uitnodigen", data={"csrf_token": token}, follow_redirects=True
    ).get_data(as_text=True)
    assert "uitgenodigd voor de eerste sessie met een vrije plaats" in html
    assert re.search(r"Werkplein Huizen, zaal 2:\s+uitgenodigd</li>", html)
    html = mediator.post(
        f"{page}/uitnodigen", data={"csrf_token": token}, follow_redirects=True
    ).get_data(as_text=True)
    assert "al uitgenodigd voor een geplande sessie" in html
    count = db.scalar(
        select(func.count())
        .select_from(SessionAttendance)
        .where(SessionAttendance.claimant_id == claimant.id)
    )
    assert count == 1


def test_routing_override_needs_a_reason_and_is_logged(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    claimant_id = week.proposal.claimant_id
    page = f"/bemiddelaar/klanten/{claimant_id}"
    token = csrf_token(mediator.get(page).get_data(as_text=True))
    html = mediator.post(
        f"{page}/routering",
        data={"csrf_token": token, "route": "coaching", "route_reason": ""},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "kies een reden" in html
    db.expire_all()
    assert db.get(Claimant, claimant_id).allowed_kinds is None  # type: ignore[union-attr]
    html = mediator.post(
        f"{page}/routering",
        data={"csrf_token": token, "route": "coaching", "route_reason": "eerst_ondersteuning"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert '<option selected value="coaching">' in html
    db.expire_all()
    assert db.get(Claimant, claimant_id).allowed_kinds == ["coaching"]  # type: ignore[union-attr]
    event = db.scalars(select(AuditEvent).where(AuditEvent.object_type == "claimant_routing")).one()
    assert (event.actor_id, event.reason) == (week.mediator.id, "eerst_ondersteuning:coaching")
