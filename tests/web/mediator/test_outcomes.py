"""Outcomes of a proposal: one-click outcomes, their reasons, follow-up, checklist, placement."""

import re
from datetime import date

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from models import Claimant, Match
from tests.e2e.scenario import Week
from tests.web.mediator.helpers import attendee_page, changes, post


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
    overview = mediator.get(f"/bemiddelaar/sessies/{week.weekly_session.id}").get_data(as_text=True)
    row = overview[overview.index('id="deelnemer-') :]
    row = row[: row.index("</tr>")]
    assert re.findall(r'cell--numeric">(\d+)</td>', row) == ["1", "1", "1"]
    assert ">1 dec</td>" in row  # the follow-up date


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
