"""The weekly session: planner, session page, projector, agenda, attendance and closing."""

import re
from datetime import timedelta

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent, Claimant, Match, MatchingRun, SessionAttendance, WeeklySession
from models.base import utcnow
from models.system_flag import AUTOMATIC_MATCHING, set_flag
from tests.e2e.scenario import Week, csrf_token
from tests.factories import create_claimant, create_opportunity, create_orderpicker
from tests.web.mediator.helpers import attendee_page, post
from web.mediator.planning import week_bounds


def test_planner_shows_the_session_with_seats_taken(mediator: FlaskClient, week: Week) -> None:
    html = mediator.get("/bemiddelaar/sessies").get_data(as_text=True)
    assert "Werkplein Huizen, zaal 2" in html
    assert f'/bemiddelaar/sessies/{week.weekly_session.id}"' in html
    assert '<td class="utrecht-table__cell utrecht-table__cell--numeric">11</td>' in html


def test_session_overview_is_one_line_per_attendee(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    html = mediator.get(f"/bemiddelaar/sessies/{week.weekly_session.id}").get_data(as_text=True)
    row = html[html.index('id="deelnemer-') : html.index("</tr>", html.index('id="deelnemer-'))]
    assert "Fatima Kaya" in row and "Fatima aanwezig melden" in row
    # Two proposals wait for approval; the proposals themselves are on the person's page.
    cells = re.findall(r'cell--numeric">(\d+)</td>', row)
    assert cells == ["1", "2", "0"]
    assert "Leerwerkplek magazijn" not in html
    event = db.scalars(select(AuditEvent).where(AuditEvent.object_type == "group_session")).one()
    assert (event.actor_id, event.object_type, event.object_id, event.reason) == (
        week.mediator.id,
        "group_session",
        str(week.weekly_session.id),
        "sessie",
    )


def test_attendee_page_lists_proposals_best_first_in_mediator_words(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    html = attendee_page(mediator, week, db)
    assert html.index("Leerwerkplek magazijn") < html.index("Medewerker schoonmaak")
    # The mediator reads short notes with what is missing, not the claimant's "u" sentences.
    assert "Ontbreekt in profiel: rijbewijs, taalniveau." in html
    assert "Past bij uw ervaring als orderpicker" not in html
    reasons = [e.reason for e in db.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert reasons[-2:] == ["sessie", "deelnemer"]


def test_a_late_invitee_gets_proposals_from_the_session_page(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    late = create_orderpicker(db)
    create_opportunity(db, title="Orderpicker", postcode="1272", capacity=2)
    db.add(SessionAttendance(session_id=week.weekly_session.id, claimant_id=late.id))
    db.commit()

    html = post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/voorstellen")

    assert "voorstellen klaargezet" in html
    made = db.scalars(select(Match).where(Match.claimant_id == late.id)).all()
    assert made and all(
        m.approved_at is None and m.session_id == week.weekly_session.id for m in made
    )
    run = db.scalars(
        select(MatchingRun).where(MatchingRun.session_id == week.weekly_session.id)
    ).one()
    assert run.started_by_id == week.mediator.id
    settled = db.get(Match, week.proposal.id)
    assert settled is not None and settled.status == week.proposal.status


def test_making_proposals_respects_the_admin_switch(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    set_flag(db, AUTOMATIC_MATCHING, enabled=False, actor_id=None)
    db.commit()
    html = post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/voorstellen")
    assert "Automatisch matchen staat uit" in html
    assert db.scalars(select(MatchingRun)).all() == []


def test_projector_shows_one_attendee_with_approved_proposals_only(
    mediator: FlaskClient, week: Week
) -> None:
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren")
    html = mediator.get(f"/bemiddelaar/sessies/{week.weekly_session.id}/scherm").get_data(
        as_text=True
    )
    assert "projector" in html and "Fatima" in html and "Kaya" not in html
    assert "Leerwerkplek magazijn" in html and "Medewerker schoonmaak" not in html


def test_agenda_is_printable_and_lists_everyone(mediator: FlaskClient, week: Week) -> None:
    html = mediator.get(f"/bemiddelaar/sessies/{week.weekly_session.id}/agenda").get_data(
        as_text=True
    )
    assert 'class="utrecht-theme utrecht-document printable"' in html
    row = html[html.index('<tr class="utrecht-table__row agenda-item">') :]
    assert 'numeric">1</td>' in row and "Fatima Kaya" in row
    assert "Leerwerkplek magazijn (te beoordelen); Medewerker schoonmaak" in row


def test_session_of_another_region_is_not_found(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    week.weekly_session.region = "elders"
    db.commit()
    assert mediator.get(f"/bemiddelaar/sessies/{week.weekly_session.id}").status_code == 404
    token = csrf_token(mediator.get("/bemiddelaar/sessies").get_data(as_text=True))
    path = f"/bemiddelaar/sessies/{week.weekly_session.id}/aanwezig/1"
    assert mediator.post(path, data={"csrf_token": token}).status_code == 404


def test_planning_a_session(mediator: FlaskClient, week: Week) -> None:
    html = post(
        mediator, "/bemiddelaar/sessies", starts_at="2026-12-01T10:00", location="Laren", seats="8"
    )
    assert "Laren" in html and "8 plaatsen bezet" in html


def _session_today(db: Session, week: Week) -> None:
    """Move the scenario's session (planned in two days) to an hour ago."""
    week.weekly_session.starts_at = utcnow() - timedelta(hours=1)
    db.add(SessionAttendance(session_id=week.weekly_session.id, claimant_id=create_claimant(db).id))
    db.commit()


def test_closing_a_session_asks_first_and_names_who_will_be_absent(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    _session_today(db, week)
    first, second = db.scalars(select(SessionAttendance).order_by(SessionAttendance.id)).all()
    post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/aanwezig/{first.id}")
    page = mediator.get(f"/bemiddelaar/sessies/{week.weekly_session.id}/afronden").get_data(
        as_text=True
    )
    second_name = db.get(Claimant, second.claimant_id).display_name  # type: ignore[union-attr]
    listed = page[page.index('id="wordt-afwezig"') :]
    assert second_name in listed and "Fatima Kaya" not in listed
    db.expire_all()
    assert db.get(WeeklySession, week.weekly_session.id).status == "planned"  # type: ignore[union-attr]
    html = post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/afronden")
    assert "De sessie is afgerond." in html and "Sessie heropenen" in html
    db.expire_all()
    marks = db.scalars(select(SessionAttendance.attended).order_by(SessionAttendance.id)).all()
    assert marks == [True, False]
    assert db.get(WeeklySession, week.weekly_session.id).status == "held"  # type: ignore[union-attr]
    assert "al afgerond" in post(
        mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/afronden"
    )
    # Closed: attendance is fixed until the session is reopened.
    html = post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/aanwezig/{second.id}")
    assert "Heropen haar eerst" in html


def test_a_session_cannot_be_closed_before_its_day(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    page = mediator.get(f"/bemiddelaar/sessies/{week.weekly_session.id}/afronden").get_data(
        as_text=True
    )
    assert "pas worden afgerond op de dag zelf" in page and "Ja, sessie afronden" not in page
    html = post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/afronden")
    assert "pas worden afgerond op de dag zelf" in html
    db.expire_all()
    assert db.get(WeeklySession, week.weekly_session.id).status == "planned"  # type: ignore[union-attr]
    assert db.scalars(select(SessionAttendance.attended)).all() == [None]


def test_one_person_is_marked_absent_then_present_by_hand(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    only = db.scalars(select(SessionAttendance)).one()
    post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/afwezig/{only.id}")
    db.expire_all()
    assert db.get(SessionAttendance, only.id).attended is False  # type: ignore[union-attr]
    post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/aanwezig/{only.id}")
    db.expire_all()
    assert db.get(SessionAttendance, only.id).attended is True  # type: ignore[union-attr]


def test_a_session_closed_today_can_be_reopened_but_not_one_closed_earlier(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    _session_today(db, week)
    post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/afronden")
    html = post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/heropenen")
    assert "De sessie is heropend." in html
    db.expire_all()
    weekly_session = db.get(WeeklySession, week.weekly_session.id)
    assert weekly_session is not None and (weekly_session.status, weekly_session.closed_at) == (
        "planned",
        None,
    )
    post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/afronden")
    db.expire_all()
    weekly_session = db.get(WeeklySession, week.weekly_session.id)
    assert weekly_session is not None
    weekly_session.closed_at = utcnow() - timedelta(days=1)
    db.commit()
    html = post(mediator, f"/bemiddelaar/sessies/{week.weekly_session.id}/heropenen")
    assert "alleen heropend worden op de dag" in html
    db.expire_all()
    assert db.get(WeeklySession, week.weekly_session.id).status == "held"  # type: ignore[union-attr]


def test_planner_also_lists_last_weeks_sessions(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    held = WeeklySession(
        region=week.weekly_session.region,
        mediator_id=week.mediator.id,
        starts_at=week_bounds(utcnow().date())[0] - timedelta(days=3),
        location="Laren, bibliotheek",
        status="held",
    )
    db.add(held)
    db.commit()
    html = mediator.get("/bemiddelaar/sessies").get_data(as_text=True)
    assert "Laren, bibliotheek" in html and "Gehouden" in html
