"""A mediator's week in a real browser: the session, the intake, the lists; axe on each page."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Claimant, Match, MatchStatusChange, SessionAttendance
from tests.e2e.conftest import assert_accessible, log_in, screenshot
from tests.e2e.scenario import Week, add_attendees, build_week

pytestmark = pytest.mark.slow


@pytest.fixture
def week(db: Session) -> Week:
    built = build_week(db)
    db.commit()
    return built


def statuses(db: Session, match_id: int) -> list[tuple[str | None, str, str | None]]:
    db.expire_all()
    return [
        (c.from_status, c.to_status, c.reason_code)
        for c in db.scalars(
            select(MatchStatusChange)
            .where(MatchStatusChange.match_id == match_id)
            .order_by(MatchStatusChange.id)
        )
    ]


def test_a_full_session(page, week: Week, db: Session) -> None:  # type: ignore[no-untyped-def]
    log_in(page, week.mediator.email)
    assert_accessible(page, "mediator-caseload")
    with page.expect_navigation():
        page.get_by_role("link", name="Sessies").click()
    assert_accessible(page, "mediator-planner")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("10:00|:")).first.click()
    # The overview: one line per attendee; Fatima's proposals are one keypress away.
    row = page.locator("tr", has=page.get_by_role("rowheader", name="Fatima Kaya"))
    expect(row.locator("td").nth(2)).to_have_text("2")  # to review
    assert_accessible(page, "mediator-session-before")
    with page.expect_navigation():
        row.get_by_role("button", name="Fatima aanwezig melden").click()
    row = page.locator("tr", has=page.get_by_role("rowheader", name="Fatima Kaya"))
    expect(row.get_by_text("Aanwezig", exact=True)).to_be_visible()
    row.get_by_role("link", name="Fatima Kaya").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Fatima Kaya", level=1)).to_be_visible()
    expect(page.get_by_text("Ontbreekt in profiel: rijbewijs, taalniveau.").first).to_be_visible()
    assert_accessible(page, "mediator-session-person")

    first = page.locator(f"#voorstel-{week.proposal.id}")
    with page.expect_navigation():
        first.get_by_role("button", name="Goedkeuren").click()
    first = page.locator(f"#voorstel-{week.proposal.id}")
    with page.expect_navigation():
        first.get_by_role("button", name="Interesse").click()
    page.locator(f"#voorstel-{week.proposal.id}").get_by_label("Opvolgen op").fill("2026-12-01")
    card = page.locator(f"#voorstel-{week.proposal.id}")
    with page.expect_navigation():
        card.get_by_role("button", name="Datum opslaan").click()
    card = page.locator(f"#voorstel-{week.proposal.id}")
    card.get_by_label("Cv klaar").check()
    card.get_by_label("Brief geschreven").check()
    with page.expect_navigation():
        card.get_by_role("button", name="Checklist opslaan").click()
    card = page.locator(f"#voorstel-{week.proposal.id}")
    with page.expect_navigation():
        card.get_by_role("button", name="Vrijgeven aan werkgever").click()

    second = page.locator(f"#voorstel-{week.other_proposal.id}")
    with page.expect_navigation():
        second.get_by_role("button", name="Goedkeuren").click()
    second = page.locator(f"#voorstel-{week.other_proposal.id}")
    second.get_by_label("Reden", exact=True).select_option("reistijd_te_lang")
    with page.expect_navigation():
        second.get_by_role("button", name="Past niet").click()
    page.locator(f"#voorstel-{week.other_proposal.id}").wait_for()
    assert_accessible(page, "mediator-session-after")

    assert statuses(db, week.proposal.id) == [
        ("proposed", "proposed", "approved"),
        ("proposed", "interested", None),
        ("interested", "interested", "checklist"),
        ("interested", "interested", "released"),
    ]
    assert statuses(db, week.other_proposal.id)[-1] == ("proposed", "declined", "reistijd_te_lang")
    match = db.get(Match, week.proposal.id)
    assert match is not None and match.follow_up_on == date(2026, 12, 1)
    assert match.released_to_employer_at is not None

    with page.expect_navigation():
        page.get_by_role("link", name="Blad om mee te geven").click()
    expect(page.get_by_role("heading", name="Leerwerkplek magazijn")).to_be_visible()
    expect(page.get_by_text("Gedaan: Brief geschreven")).to_be_visible()
    assert_accessible(page, "mediator-take-home")
    page.emulate_media(media="print")
    screenshot(page, "mediator-take-home-print")
    page.emulate_media(media="screen")
    page.go_back()
    with page.expect_navigation():
        page.get_by_role("link", name="Terug naar het overzicht").click()
    row = page.locator("tr", has=page.get_by_role("rowheader", name="Fatima Kaya"))
    expect(row.locator("td").nth(3)).to_have_text("1")  # under way
    expect(row.locator("td").nth(5)).to_have_text("1 dec")  # follow-up
    assert_accessible(page, "mediator-session-after-overview")
    with page.expect_navigation():
        page.get_by_role("link", name="Scherm voor de beamer").click()
    expect(page.get_by_role("heading", name="Fatima", exact=True)).to_be_visible()
    expect(page.get_by_text("Leerwerkplek magazijn")).to_be_visible()
    assert_accessible(page, "mediator-projector")

    page.goto(f"/bemiddelaar/sessies/{week.weekly_session.id}/agenda")
    assert_accessible(page, "mediator-agenda")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    expect(page.get_by_role("rowheader", name=re.compile("Fatima Kaya"))).to_be_visible()
    assert page.evaluate("document.documentElement.scrollHeight") < 1200
    screenshot(page, "mediator-agenda-print")


def test_intake_to_first_session_invitation(page, week: Week, db: Session) -> None:  # type: ignore[no-untyped-def]
    log_in(page, week.mediator.email)
    with page.expect_navigation():
        page.get_by_role("link", name="Nieuwe klant").click()
    assert_accessible(page, "mediator-intake")
    page.get_by_label("Klantnummer").fill("HZ-2001")
    page.get_by_label("Voornaam").fill("Sem")
    page.get_by_label("Achternaam").fill("Bakker")
    page.get_by_label("Postcode", exact=True).fill("12 AB")
    with page.expect_navigation():
        page.get_by_role("button", name="Inschrijven").click()
    expect(page.get_by_text("Gebruik de vorm 1234 AB.")).to_be_visible()
    assert_accessible(page, "mediator-intake-errors")

    page.get_by_label("Postcode", exact=True).fill("1251 AB")
    page.get_by_label("Maximale reisafstand (km)").fill("12")
    page.get_by_label("Uren per week").fill("24")
    page.get_by_label("Trede op de participatieladder").select_option("5")
    with page.expect_navigation():
        page.get_by_role("button", name="Inschrijven").click()
    expect(page.get_by_text("uitgenodigd voor de eerste sessie")).to_be_visible()
    expect(page.get_by_role("heading", name="Sem Bakker")).to_be_visible()
    assert_accessible(page, "mediator-claimant")

    claimant = db.scalar(select(Claimant).where(Claimant.client_number == "HZ-2001"))
    assert claimant is not None
    invited = db.scalars(
        select(SessionAttendance.session_id).where(SessionAttendance.claimant_id == claimant.id)
    ).all()
    assert invited == [week.weekly_session.id]

    with page.expect_navigation():
        page.get_by_role("link", name="Profiel bewerken").click()
    assert_accessible(page, "mediator-edit")


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/bemiddelaar/aanbod?postcode=1271&km=20", "mediator-opportunities"),
        ("/bemiddelaar/kpi", "mediator-kpi"),
        ("/bemiddelaar/klanten/import", "mediator-import"),
    ],
)
def test_list_pages_are_accessible(page, week: Week, path: str, name: str) -> None:  # type: ignore[no-untyped-def]
    log_in(page, week.mediator.email)
    page.goto(path)
    assert_accessible(page, name)


def test_kpi_charts_draw_under_the_content_security_policy(page, week: Week) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    log_in(page, week.mediator.email)
    page.goto("/bemiddelaar/kpi")
    expect(page.locator("#chart-funnel")).to_be_visible()
    assert [url for url in failed if not url.endswith("/favicon.ico")] == []
    assert [e for e in errors if "Content Security Policy" in e] == []


def test_thirty_people_agenda_prints_on_two_pages_at_most(  # type: ignore[no-untyped-def]
    page, week: Week, db: Session
) -> None:
    add_attendees(db, week, count=29)
    db.commit()
    log_in(page, week.mediator.email)
    page.goto(f"/bemiddelaar/sessies/{week.weekly_session.id}")
    assert page.locator("tbody tr").count() == 30
    assert_accessible(page, "mediator-session-thirty")
    # The overview fits a laptop screen at a glance: no proposals, one line per person.
    assert page.evaluate("document.documentElement.scrollHeight") < 2600
    page.goto(f"/bemiddelaar/sessies/{week.weekly_session.id}/agenda")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, pages
