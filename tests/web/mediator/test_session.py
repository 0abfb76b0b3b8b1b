"""The weekly session: planner, approving and rejecting, outcomes, follow-up, checklist."""

import re
from datetime import date, timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    AuditEvent,
    Claimant,
    GroupSession,
    Match,
    MatchConsent,
    MatchingRun,
    MatchStatusChange,
    SessionAttendance,
)
from models.base import utcnow
from models.system_flag import AUTOMATIC_MATCHING, set_flag
from models.workflow import standing_consent
from tests.conftest import login
from tests.e2e.scenario import Week, build_week, csrf_token
from tests.factories import create_claimant, create_opportunity, create_orderpicker
from web.mediator.planning import week_bounds


@pytest.fixture
def week(db: Session) -> Week:
    built = build_week(db)
    db.commit()
    return built


@pytest.fixture
def mediator(client: FlaskClient, week: Week) -> FlaskClient:
    login(client, week.mediator.email)
    return client


def post(client: FlaskClient, path: str, **data: str) -> str:
    token = csrf_token(client.get("/bemiddelaar/sessies").get_data(as_text=True))
    response = client.post(path, data={"csrf_token": token, **data}, follow_redirects=True)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def changes(db: Session, match_id: int) -> list[MatchStatusChange]:
    db.expire_all()
    return list(
        db.scalars(
            select(MatchStatusChange)
            .where(MatchStatusChange.match_id == match_id)
            .order_by(MatchStatusChange.id)
        )
    )


def test_planner_shows_the_session_with_seats_taken(mediator: FlaskClient, week: Week) -> None:
    html = mediator.get("/bemiddelaar/sessies").get_data(as_text=True)
    assert "Werkplein Huizen, zaal 2" in html
    assert f'/bemiddelaar/sessies/{week.group.id}"' in html
    assert '<td class="utrecht-table__cell utrecht-table__cell--numeric">11</td>' in html


def attendee_page(client: FlaskClient, week: Week, db: Session) -> str:
    """Open Fatima's page of the session, as the mediator does from the overview."""
    attendance = db.scalars(select(SessionAttendance)).one()
    path = f"/bemiddelaar/sessies/{week.group.id}/deelnemers/{attendance.id}"
    overview = client.get(f"/bemiddelaar/sessies/{week.group.id}").get_data(as_text=True)
    assert f'href="{path}">Fatima Kaya</a>' in overview
    return client.get(path).get_data(as_text=True)


def test_session_overview_is_one_line_per_attendee(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    html = mediator.get(f"/bemiddelaar/sessies/{week.group.id}").get_data(as_text=True)
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
        str(week.group.id),
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


def test_approving_records_who_and_when(mediator: FlaskClient, week: Week, db: Session) -> None:
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren")
    db.expire_all()
    match = db.get(Match, week.proposal.id)
    assert match is not None and match.approved_at is not None
    assert match.approved_by_id == week.mediator.id
    [change] = changes(db, match.id)
    assert (change.actor_id, change.reason_code) == (week.mediator.id, "approved")


def test_unapproved_proposals_stay_hidden_from_the_claimant(
    client: FlaskClient, week: Week, db: Session
) -> None:
    login(client, week.claimant_user.email)
    assert "Leerwerkplek magazijn" not in client.get("/mijn/").get_data(as_text=True)


def test_reject_needs_a_reason_code(mediator: FlaskClient, week: Week, db: Session) -> None:
    html = post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/afwijzen", reason="")
    assert "Niet opgeslagen" in html
    assert changes(db, week.proposal.id) == []
    post(
        mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/afwijzen", reason="afstand_te_groot"
    )
    [change] = changes(db, week.proposal.id)
    assert (change.from_status, change.to_status) == ("proposed", "rejected")
    assert change.reason_code == "afstand_te_groot" and change.actor_id == week.mediator.id


def test_outcome_before_approval_is_refused(mediator: FlaskClient, week: Week, db: Session) -> None:
    html = post(
        mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/uitkomst", outcome="interested"
    )
    assert "Keur het voorstel eerst goed." in html
    db.expire_all()
    assert db.get(Match, week.proposal.id).status == "proposed"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "status", "reason"),
    [
        ({"outcome": "interested"}, "interested", None),
        ({"outcome": "applied", "applied_on": "2026-11-20"}, "applied", None),
        ({"outcome": "not_suitable", "reason": "reistijd_te_lang"}, "declined", "reistijd_te_lang"),
        ({"outcome": "coaching"}, "declined", "coaching_eerst"),
        ({"outcome": "interview"}, "interview", None),
    ],
)
def test_one_click_outcomes_write_the_history(
    mediator: FlaskClient,
    week: Week,
    db: Session,
    data: dict[str, str],
    status: str,
    reason: str | None,
) -> None:
    match_id = week.proposal.id
    post(mediator, f"/bemiddelaar/voorstellen/{match_id}/goedkeuren")
    post(mediator, f"/bemiddelaar/voorstellen/{match_id}/uitkomst", **data)
    last = changes(db, match_id)[-1]
    assert (last.from_status, last.to_status, last.reason_code) == ("proposed", status, reason)
    db.expire_all()
    match = db.get(Match, match_id)
    assert match is not None and match.status == status
    if status == "applied":
        assert match.applied_on == date(2026, 11, 20)
    if reason == "coaching_eerst":
        claimant = db.get(Claimant, match.claimant_id)
        assert claimant is not None and claimant.allowed_kinds == ["coaching"]


@pytest.mark.parametrize(
    "data", [{"outcome": "applied"}, {"outcome": "not_suitable"}, {"outcome": "dancing"}]
)
def test_incomplete_outcomes_are_refused(
    mediator: FlaskClient, week: Week, db: Session, data: dict[str, str]
) -> None:
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren")
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/uitkomst", **data)
    assert [c.reason_code for c in changes(db, week.proposal.id)] == ["approved"]


def test_follow_up_date_and_checklist_are_kept(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    match_id = week.proposal.id
    post(mediator, f"/bemiddelaar/voorstellen/{match_id}/goedkeuren")
    post(mediator, f"/bemiddelaar/voorstellen/{match_id}/opvolging", follow_up_on="2026-12-01")
    post(mediator, f"/bemiddelaar/voorstellen/{match_id}/checklist", cv="y", phone="y")
    db.expire_all()
    match = db.get(Match, match_id)
    assert match is not None and match.follow_up_on == date(2026, 12, 1)
    assert changes(db, match_id)[-1].details == {
        "checklist": {"cv": True, "letter": False, "phone": True}
    }
    html = attendee_page(mediator, week, db)
    assert f'id="cv-{match_id}" value="y" checked' in html
    assert f'id="letter-{match_id}" value="y" >' in html
    overview = mediator.get(f"/bemiddelaar/sessies/{week.group.id}").get_data(as_text=True)
    row = overview[overview.index('id="deelnemer-') :]
    row = row[: row.index("</tr>")]
    assert re.findall(r'cell--numeric">(\d+)</td>', row) == ["1", "1", "1"]
    assert ">1 dec</td>" in row  # the follow-up date


def test_incomplete_profile_cannot_be_approved(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    db.expire_all()
    match = db.get(Match, week.proposal.id)
    claimant = db.get(Claimant, match.claimant_id)  # type: ignore[union-attr]
    claimant.hours_per_week = None  # type: ignore[union-attr]
    db.commit()
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren")
    db.expire_all()
    assert db.get(Match, week.proposal.id).approved_at is None  # type: ignore[union-attr]


def test_release_only_after_approval(mediator: FlaskClient, week: Week, db: Session) -> None:
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/vrijgeven")
    db.expire_all()
    assert db.get(Match, week.proposal.id).released_to_employer_at is None  # type: ignore[union-attr]
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren")
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/vrijgeven")
    db.expire_all()
    assert db.get(Match, week.proposal.id).released_to_employer_at is not None  # type: ignore[union-attr]


def test_consent_given_in_the_session_is_recorded_once_after_approval(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    path = f"/bemiddelaar/voorstellen/{week.proposal.id}/toestemming"
    post(mediator, path)
    db.expire_all()
    assert standing_consent(db, match_id=week.proposal.id) is None
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren")
    post(mediator, path)
    html = post(mediator, path)
    assert "De klant gaf al toestemming." in html
    db.expire_all()
    consent = standing_consent(db, match_id=week.proposal.id)
    assert consent is not None and (consent.given_via, consent.given_by_id) == (
        "session",
        week.mediator.id,
    )
    events = [c for c in changes(db, week.proposal.id) if c.reason_code == "consent_given"]
    assert [(e.actor_id, e.details) for e in events] == [(week.mediator.id, {"via": "session"})]


def test_consent_withdrawn_in_the_session_ends_it_and_can_be_given_again(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    base = f"/bemiddelaar/voorstellen/{week.proposal.id}"
    post(mediator, f"{base}/goedkeuren")
    html = post(mediator, f"{base}/toestemming-intrekken")
    assert "Er is geen toestemming om in te trekken." in html
    post(mediator, f"{base}/toestemming")
    post(mediator, f"{base}/toestemming-intrekken")
    db.expire_all()
    assert standing_consent(db, match_id=week.proposal.id) is None
    ended = db.scalars(select(MatchConsent)).one()
    assert (ended.withdrawn_via, ended.withdrawn_by_id) == ("session", week.mediator.id)
    post(mediator, f"{base}/toestemming")
    db.expire_all()
    assert len(db.scalars(select(MatchConsent)).all()) == 2
    assert standing_consent(db, match_id=week.proposal.id) is not None


def test_a_late_invitee_gets_proposals_from_the_session_page(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    late = create_orderpicker(db)
    create_opportunity(db, title="Orderpicker", postcode="1272", capacity=2)
    db.add(SessionAttendance(session_id=week.group.id, claimant_id=late.id))
    db.commit()

    html = post(mediator, f"/bemiddelaar/sessies/{week.group.id}/voorstellen")

    assert "voorstellen klaargezet" in html
    made = db.scalars(select(Match).where(Match.claimant_id == late.id)).all()
    assert made and all(m.approved_at is None and m.session_id == week.group.id for m in made)
    run = db.scalars(select(MatchingRun).where(MatchingRun.session_id == week.group.id)).one()
    assert run.started_by_id == week.mediator.id
    settled = db.get(Match, week.proposal.id)
    assert settled is not None and settled.status == week.proposal.status


def test_making_proposals_respects_the_admin_switch(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    set_flag(db, AUTOMATIC_MATCHING, enabled=False, actor_id=None)
    db.commit()
    html = post(mediator, f"/bemiddelaar/sessies/{week.group.id}/voorstellen")
    assert "Automatisch matchen staat uit" in html
    assert db.scalars(select(MatchingRun)).all() == []


def test_no_get_changes_a_proposal(mediator: FlaskClient, week: Week) -> None:
    assert (
        mediator.get(f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren").status_code == 405
    )


def test_projector_shows_one_attendee_with_approved_proposals_only(
    mediator: FlaskClient, week: Week
) -> None:
    post(mediator, f"/bemiddelaar/voorstellen/{week.proposal.id}/goedkeuren")
    html = mediator.get(f"/bemiddelaar/sessies/{week.group.id}/scherm").get_data(as_text=True)
    assert "projector" in html and "Fatima" in html and "Kaya" not in html
    assert "Leerwerkplek magazijn" in html and "Medewerker schoonmaak" not in html


def test_agenda_is_printable_and_lists_everyone(mediator: FlaskClient, week: Week) -> None:
    html = mediator.get(f"/bemiddelaar/sessies/{week.group.id}/agenda").get_data(as_text=True)
    assert 'class="utrecht-theme utrecht-document printable"' in html
    row = html[html.index('<tr class="utrecht-table__row agenda-item">') :]
    assert 'numeric">1</td>' in row and "Fatima Kaya" in row
    assert "Leerwerkplek magazijn (te beoordelen); Medewerker schoonmaak" in row


def test_session_of_another_region_is_not_found(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    week.group.region = "elders"
    db.commit()
    assert mediator.get(f"/bemiddelaar/sessies/{week.group.id}").status_code == 404
    token = csrf_token(mediator.get("/bemiddelaar/sessies").get_data(as_text=True))
    path = f"/bemiddelaar/sessies/{week.group.id}/aanwezig/1"
    assert mediator.post(path, data={"csrf_token": token}).status_code == 404


def test_planning_a_session(mediator: FlaskClient, week: Week) -> None:
    html = post(
        mediator, "/bemiddelaar/sessies", starts_at="2026-12-01T10:00", location="Laren", seats="8"
    )
    assert "Laren" in html and "8 plaatsen bezet" in html


def _session_today(db: Session, week: Week) -> None:
    """Move the scenario's session (planned in two days) to an hour ago."""
    week.group.starts_at = utcnow() - timedelta(hours=1)
    db.add(SessionAttendance(session_id=week.group.id, claimant_id=create_claimant(db).id))
    db.commit()


def test_closing_a_session_asks_first_and_names_who_will_be_absent(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    _session_today(db, week)
    first, second = db.scalars(select(SessionAttendance).order_by(SessionAttendance.id)).all()
    post(mediator, f"/bemiddelaar/sessies/{week.group.id}/aanwezig/{first.id}")
    page = mediator.get(f"/bemiddelaar/sessies/{week.group.id}/afronden").get_data(as_text=True)
    second_name = db.get(Claimant, second.claimant_id).display_name  # type: ignore[union-attr]
    listed = page[page.index('id="wordt-afwezig"') :]
    assert second_name in listed and "Fatima Kaya" not in listed
    db.expire_all()
    assert db.get(GroupSession, week.group.id).status == "planned"  # type: ignore[union-attr]
    html = post(mediator, f"/bemiddelaar/sessies/{week.group.id}/afronden")
    assert "De sessie is afgerond." in html and "Sessie heropenen" in html
    db.expire_all()
    marks = db.scalars(select(SessionAttendance.attended).order_by(SessionAttendance.id)).all()
    assert marks == [True, False]
    assert db.get(GroupSession, week.group.id).status == "held"  # type: ignore[union-attr]
    assert "al afgerond" in post(mediator, f"/bemiddelaar/sessies/{week.group.id}/afronden")
    # Closed: attendance is fixed until the session is reopened.
    html = post(mediator, f"/bemiddelaar/sessies/{week.group.id}/aanwezig/{second.id}")
    assert "Heropen haar eerst" in html


def test_a_session_cannot_be_closed_before_its_day(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    page = mediator.get(f"/bemiddelaar/sessies/{week.group.id}/afronden").get_data(as_text=True)
    assert "pas worden afgerond op de dag zelf" in page and "Ja, sessie afronden" not in page
    html = post(mediator, f"/bemiddelaar/sessies/{week.group.id}/afronden")
    assert "pas worden afgerond op de dag zelf" in html
    db.expire_all()
    assert db.get(GroupSession, week.group.id).status == "planned"  # type: ignore[union-attr]
    assert db.scalars(select(SessionAttendance.attended)).all() == [None]


def test_one_person_is_marked_absent_then_present_by_hand(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    only = db.scalars(select(SessionAttendance)).one()
    post(mediator, f"/bemiddelaar/sessies/{week.group.id}/afwezig/{only.id}")
    db.expire_all()
    assert db.get(SessionAttendance, only.id).attended is False  # type: ignore[union-attr]
    post(mediator, f"/bemiddelaar/sessies/{week.group.id}/aanwezig/{only.id}")
    db.expire_all()
    assert db.get(SessionAttendance, only.id).attended is True  # type: ignore[union-attr]


def test_a_session_closed_today_can_be_reopened_but_not_one_closed_earlier(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    _session_today(db, week)
    post(mediator, f"/bemiddelaar/sessies/{week.group.id}/afronden")
    html = post(mediator, f"/bemiddelaar/sessies/{week.group.id}/heropenen")
    assert "De sessie is heropend." in html
    db.expire_all()
    group = db.get(GroupSession, week.group.id)
    assert group is not None and (group.status, group.closed_at) == ("planned", None)
    post(mediator, f"/bemiddelaar/sessies/{week.group.id}/afronden")
    db.expire_all()
    group = db.get(GroupSession, week.group.id)
    assert group is not None
    group.closed_at = utcnow() - timedelta(days=1)
    db.commit()
    html = post(mediator, f"/bemiddelaar/sessies/{week.group.id}/heropenen")
    assert "alleen heropend worden op de dag" in html
    db.expire_all()
    assert db.get(GroupSession, week.group.id).status == "held"  # type: ignore[union-attr]


def test_planner_also_lists_last_weeks_sessions(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    held = GroupSession(
        region=week.group.region,
        mediator_id=week.mediator.id,
        starts_at=week_bounds(utcnow().date())[0] - timedelta(days=3),
        location="Laren, bibliotheek",
        status="held",
    )
    db.add(held)
    db.commit()
    html = mediator.get("/bemiddelaar/sessies").get_data(as_text=True)
    assert "Laren, bibliotheek" in html and "Gehouden" in html


def test_a_closed_proposal_takes_no_more_outcomes(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    match_id = week.proposal.id
    post(mediator, f"/bemiddelaar/voorstellen/{match_id}/goedkeuren")
    post(mediator, f"/bemiddelaar/voorstellen/{match_id}/uitkomst", outcome="coaching")
    html = post(mediator, f"/bemiddelaar/voorstellen/{match_id}/uitkomst", outcome="interested")
    assert "Deze stap is vanuit de huidige status niet mogelijk." in html
    assert [c.to_status for c in changes(db, match_id)] == ["proposed", "declined"]


def test_placement_is_recorded_from_the_claimants_page_with_its_details(
    mediator: FlaskClient, week: Week, db: Session
) -> None:
    match_id = week.proposal.id
    page = f"/bemiddelaar/klanten/{week.proposal.claimant_id}"
    post(mediator, f"/bemiddelaar/voorstellen/{match_id}/goedkeuren")
    html = mediator.get(page).get_data(as_text=True)
    assert f'id="voorstel-{match_id}"' in html and "Plaatsing opslaan" not in html
    # Click one: interview; click two: placed, with what the placement is.
    html = post(
        mediator, f"/bemiddelaar/voorstellen/{match_id}/uitkomst", outcome="interview", next=page
    )
    assert "Plaatsing opslaan" in html and "Koppelingen" in html  # back on the claimant's page
    html = post(
        mediator,
        f"/bemiddelaar/voorstellen/{match_id}/uitkomst",
        outcome="placed",
        start_on="2026-12-14",
        hours="32",
        next=page,
    )
    assert "Niet opgeslagen" in html  # no contract kind
    html = post(
        mediator,
        f"/bemiddelaar/voorstellen/{match_id}/uitkomst",
        outcome="placed",
        start_on="2026-12-14",
        hours="32",
        contract="onbepaalde_tijd",
        instrument="jobs_agreement_register",
        next=page,
    )
    assert "Opgeslagen." in html
    placed = changes(db, match_id)[-1]
    assert (placed.from_status, placed.to_status, placed.actor_id) == (
        "interview",
        "placed",
        week.mediator.id,
    )
    assert placed.details["instrument"] == "jobs_agreement_register"
    assert placed.details["hours_per_week"] == 32


@pytest.mark.parametrize(
    ("outcome", "reason", "status"),
    [("not_hired", "ervaring_ontbreekt", "rejected"), ("no_show", "zonder_bericht", "no_show")],
)
def test_not_hired_and_no_show_need_their_own_reasons(
    mediator: FlaskClient, week: Week, db: Session, outcome: str, reason: str, status: str
) -> None:
    match_id = week.proposal.id
    post(mediator, f"/bemiddelaar/voorstellen/{match_id}/goedkeuren")
    post(mediator, f"/bemiddelaar/voorstellen/{match_id}/uitkomst", outcome="interview")
    html = post(
        mediator, f"/bemiddelaar/voorstellen/{match_id}/uitkomst", outcome=outcome, reason="ziek_x"
    )
    assert "Niet opgeslagen" in html
    post(mediator, f"/bemiddelaar/voorstellen/{match_id}/uitkomst", outcome=outcome, reason=reason)
    last = changes(db, match_id)[-1]
    assert (last.to_status, last.reason_code) == (status, reason)
