"""The employer and claimant portals in a real browser, and each role kept to its own pages."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Match, MatchStatusChange, Opportunity
from models.base import utcnow
from models.workflow import standing_consent
from tests.e2e.conftest import assert_accessible, log_in
from tests.e2e.scenario import Week, build_week

pytestmark = pytest.mark.slow


@pytest.fixture
def week(db: Session) -> Week:
    built = build_week(db)
    match = db.get(Match, built.proposal.id)
    assert match is not None
    match.approved_at = utcnow()
    db.commit()
    return built


def test_employer_answers_a_proposal(page, week: Week, db: Session) -> None:  # type: ignore[no-untyped-def]
    match = db.get(Match, week.proposal.id)
    match.released_to_employer_at = utcnow()  # type: ignore[union-attr]
    db.commit()
    log_in(page, week.employer_user.email)
    assert_accessible(page, "employer-home")
    with page.expect_navigation():
        page.get_by_role("link", name="Kandidaten").click()
    card = page.locator(f"#kandidaat-{week.proposal.id}")
    expect(card.get_by_role("heading", name=f"Kandidaat #{week.proposal.id}")).to_be_visible()
    assert page.get_by_text("Fatima").count() == 0
    assert_accessible(page, "employer-proposals")
    with page.expect_navigation():
        card.get_by_role("button", name="Uitnodigen voor gesprek").click()
    expect(page.get_by_text("Uw antwoord is opgeslagen.")).to_be_visible()
    db.expire_all()
    change = db.scalars(select(MatchStatusChange)).one()
    assert (change.to_status, change.actor_id) == ("interview", week.employer_user.id)


def test_employer_posts_a_placement(page, week: Week, db: Session) -> None:  # type: ignore[no-untyped-def]
    log_in(page, week.employer_user.email)
    with page.expect_navigation():
        page.get_by_role("link", name="Nieuwe plaats").click()
    assert_accessible(page, "employer-new-placement")
    page.get_by_label("Titel").fill("Leerwerkplek kantine")
    page.get_by_label("Postcode van de werkplek").fill("1222 AB")
    page.get_by_label("Aantal plaatsen").fill("2")
    page.get_by_label("Loonkostensubsidie").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("link", name="Leerwerkplek kantine")).to_be_visible()
    place = db.scalar(select(Opportunity).where(Opportunity.title == "Leerwerkplek kantine"))
    assert place is not None and place.wage_cost_subsidy and place.capacity == 2


def test_claimant_marks_interest(page, week: Week, db: Session) -> None:  # type: ignore[no-untyped-def]
    log_in(page, week.claimant_user.email)
    expect(page.get_by_text("Een computer heeft geholpen")).to_be_visible()
    assert_accessible(page, "claimant-home")
    card = page.locator(f"#voorstel-{week.proposal.id}")
    with page.expect_navigation():
        card.get_by_role("button", name="Ja, dit wil ik").click()
    expect(page.get_by_text("Uw antwoord is bewaard.")).to_be_visible()
    db.expire_all()
    match = db.get(Match, week.proposal.id)
    assert match is not None and match.status == "interested"
    assert standing_consent(db, match_id=match.id) is not None
    with page.expect_navigation():
        page.get_by_role("link", name="Wie mag mijn gegevens zien").first.click()
    expect(page.get_by_role("button", name="Toestemming intrekken")).to_be_visible()
    assert_accessible(page, "claimant-consents")
    with page.expect_navigation():
        page.get_by_role("link", name="Mijn gegevens", exact=True).click()
    assert_accessible(page, "claimant-profile")


def test_login_page_is_accessible(page, week: Week) -> None:  # type: ignore[no-untyped-def]
    page.goto("/login")
    assert_accessible(page, "login")


@pytest.mark.parametrize(
    ("who", "own", "foreign"),
    [
        ("mediator", "/bemiddelaar/sessies", ["/werkgever/", "/mijn/"]),
        ("employer", "/werkgever/kandidaten", ["/bemiddelaar/", "/mijn/"]),
        ("claimant", "/mijn/gegevens", ["/bemiddelaar/kpi", "/werkgever/"]),
    ],
)
def test_each_role_sees_only_its_own_pages(  # type: ignore[no-untyped-def]
    page, week: Week, who: str, own: str, foreign: list[str]
) -> None:
    user = {"mediator": week.mediator, "employer": week.employer_user}.get(who, week.claimant_user)
    log_in(page, user.email)
    assert page.goto(own).status == 200
    for path in foreign:
        assert page.goto(path).status == 403, path


def test_language_switch_to_english_and_back(page, week: Week) -> None:  # type: ignore[no-untyped-def]
    log_in(page, week.claimant_user.email)
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", name="Work that suits you")).to_be_visible()
    assert_accessible(page, "claimant-home-en")
    with page.expect_navigation():
        page.get_by_role("button", name="Nederlands").click()
    expect(page.get_by_role("heading", name="Werk dat bij u past")).to_be_visible()


@pytest.mark.parametrize(
    ("who", "path"),
    [("claimant", "/mijn/"), ("mediator", "session"), ("employer", "/werkgever/kandidaten")],
)
def test_pages_fit_a_phone_screen(page, week: Week, db: Session, who: str, path: str) -> None:  # type: ignore[no-untyped-def]
    match = db.get(Match, week.proposal.id)
    match.released_to_employer_at = utcnow()  # type: ignore[union-attr]
    db.commit()
    user = {"mediator": week.mediator, "employer": week.employer_user}.get(who, week.claimant_user)
    page.set_viewport_size({"width": 375, "height": 740})
    log_in(page, user.email)
    page.goto(f"/bemiddelaar/sessies/{week.weekly_session.id}" if path == "session" else path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert_accessible(page, f"{who}-phone")
