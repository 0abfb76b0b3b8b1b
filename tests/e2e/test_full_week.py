"""A full week in Chromium: intake, session, proposals, consent, interview, placement by the
employer, the KPI page counting it, and a withdrawn consent that hides the name at once."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Employer, Match, MatchStatusChange, SessionAttendance
from models.workflow import create
from tests.e2e.conftest import assert_accessible, log_in
from tests.e2e.scenario import Week, build_week
from tests.factories import create_opportunity

pytestmark = pytest.mark.slow


@pytest.fixture
def week(db: Session) -> Week:
    built = build_week(db)
    # A second place of the same employer, proposed to the same claimant.
    second_place = create_opportunity(
        db,
        kind="placement",
        title="Leerwerkplek kantine",
        employer_id=built.employer_user.employer_id,
        employer_name="Magazijn Gooi BV",
        postcode="1271",
    )
    second = Match(
        claimant_id=built.proposal.claimant_id,
        opportunity_id=second_place.id,
        session_id=built.weekly_session.id,
        score=0.8,
        reasons=["Dicht bij huis"],
    )
    create(db, match=second, role="system", actor_id=None, reason_code="matching_run")
    db.commit()
    built.second = second  # type: ignore[attr-defined]
    return built


@pytest.fixture
def open_as(browser: object, live_server: str) -> Iterator[object]:
    """Open a separate browser context per person, logged in."""
    contexts = []

    def _open(email: str) -> Page:
        context = browser.new_context(  # type: ignore[attr-defined]
            base_url=live_server, viewport={"width": 1280, "height": 900}, locale="nl-NL"
        )
        contexts.append(context)
        tab = context.new_page()
        log_in(tab, email)
        return tab  # type: ignore[no-any-return]

    yield _open
    for context in contexts:
        context.close()


def _click(page: Page, scope: object, name: str) -> None:
    with page.expect_navigation():
        scope.get_by_role("button", name=name, exact=True).click()  # type: ignore[attr-defined]


def test_a_full_week(open_as, week: Week, db: Session) -> None:  # type: ignore[no-untyped-def]
    proposal, second = week.proposal.id, week.second.id  # type: ignore[attr-defined]

    # Monday: intake of a new claimant, invited to this week's session.
    mediator = open_as(week.mediator.email)
    with mediator.expect_navigation():
        mediator.get_by_role("link", name="Nieuwe klant").click()
    mediator.get_by_label("Klantnummer").fill("HZ-3001")
    mediator.get_by_label("Voornaam").fill("Sem")
    mediator.get_by_label("Achternaam").fill("Bakker")
    mediator.get_by_label("Postcode", exact=True).fill("1251 AB")
    mediator.get_by_label("Trede op de participatieladder").select_option("5")
    with mediator.expect_navigation():
        mediator.get_by_role("button", name="Inschrijven").click()
    expect(mediator.get_by_text("uitgenodigd voor de eerste sessie")).to_be_visible()

    # The session: Fatima is there; both proposals approved; consent for the first given in
    # the session, with her present; both released to the employer.
    mediator.goto(f"/bemiddelaar/sessies/{week.weekly_session.id}")
    row = mediator.locator("tr", has=mediator.get_by_role("rowheader", name="Fatima Kaya"))
    _click(mediator, row, "Fatima aanwezig melden")
    row = mediator.locator("tr", has=mediator.get_by_role("rowheader", name="Fatima Kaya"))
    with mediator.expect_navigation():
        row.get_by_role("link", name="Fatima Kaya").click()
    for match_id in (proposal, second):
        _click(mediator, mediator.locator(f"#voorstel-{match_id}"), "Goedkeuren")
    _click(mediator, mediator.locator(f"#voorstel-{proposal}"), "Klant geeft toestemming")
    for match_id in (proposal, second):
        _click(mediator, mediator.locator(f"#voorstel-{match_id}"), "Vrijgeven aan werkgever")
    assert_accessible(mediator, "week-session")
    db.expire_all()
    attended = db.scalars(
        select(SessionAttendance.attended).where(
            SessionAttendance.claimant_id == week.proposal.claimant_id
        )
    ).one()
    assert attended is True

    # The claimant says yes to the second place in the portal: that is her consent for it.
    claimant = open_as(week.claimant_user.email)
    _click(claimant, claimant.locator(f"#voorstel-{second}"), "Ja, dit wil ik")
    expect(claimant.get_by_text("Uw antwoord is bewaard.")).to_be_visible()

    # The employer sees both names, invites for the first place and hires her there.
    employer = open_as(week.employer_user.email)
    employer.goto("/werkgever/kandidaten")
    for match_id in (proposal, second):
        expect(employer.locator(f"#kandidaat-{match_id}")).to_contain_text("Fatima Kaya")
    _click(employer, employer.locator(f"#kandidaat-{proposal}"), "Uitnodigen voor gesprek")
    card = employer.locator(f"#kandidaat-{proposal}")
    card.get_by_text("Aangenomen", exact=True).click()
    card.get_by_label("Startdatum").fill("2026-12-14")
    card.get_by_label("Uren per week").fill("24")
    card.get_by_label("Soort contract").select_option("bepaalde_tijd")
    card.get_by_label("Ingezet instrument").select_option("wage_cost_subsidy")
    _click(employer, card, "Plaatsing opslaan")
    expect(employer.get_by_text("Uw antwoord is opgeslagen.")).to_be_visible()
    assert_accessible(employer, "week-employer-after-hire")
    db.expire_all()
    placed = db.scalars(
        select(MatchStatusChange).where(
            MatchStatusChange.match_id == proposal, MatchStatusChange.to_status == "placed"
        )
    ).one()
    assert (
        placed.actor_id == week.employer_user.id and placed.details["contract"] == "bepaalde_tijd"
    )

    # The KPI page counts the placement, from the history.
    mediator.goto("/bemiddelaar/kpi")
    expect(mediator.locator('#table-funnel tr[data-label="Geplaatst"]')).to_have_attribute(
        "data-value", "1"
    )
    employer_name = db.get(Employer, week.employer_user.employer_id).name  # type: ignore[union-attr]
    pledge = mediator.locator("#table-pledges tr", has_text=employer_name)
    # Pledged 3 this year, 1 filled.
    expect(pledge.locator("td").nth(1)).to_have_text("3")
    expect(pledge.locator("td").nth(2)).to_have_text("1")

    # The claimant withdraws consent for the second place; the employer no longer sees her name.
    with claimant.expect_navigation():
        claimant.get_by_role("link", name="Wie mag mijn gegevens zien").first.click()
    assert_accessible(claimant, "week-claimant-consents")
    _click(claimant, claimant.locator(f"#toestemming-{second}"), "Toestemming intrekken")
    expect(
        claimant.get_by_text("De werkgever ziet uw naam en e-mailadres niet meer.")
    ).to_be_visible()
    employer.goto("/werkgever/kandidaten")
    withdrawn = employer.locator(f"#kandidaat-{second}")
    expect(withdrawn).to_contain_text(f"Kandidaat #{second}")
    expect(withdrawn).not_to_contain_text("Fatima")
    expect(withdrawn).not_to_contain_text("fatima@example.org")
    # Where she was hired, the employer who hired her still knows who she is.
    expect(employer.locator(f"#kandidaat-{proposal}")).to_contain_text("Fatima Kaya")
