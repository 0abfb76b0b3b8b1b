"""One week of work to test against: a session with attendees, proposals and an employer."""

import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from models import Covenant, Match, Opportunity, Pledge, SessionAttendance, User, WeeklySession
from models.base import utcnow
from models.workflow import approve
from tests.factories import create_claimant, create_opportunity, create_user

REGION = "gooi-en-vechtstreek"


@dataclass
class Week:
    """The rows a test needs to find again."""

    mediator: User
    employer_user: User
    claimant_user: User
    weekly_session: WeeklySession
    placement: Opportunity
    vacancy: Opportunity
    proposal: Match  # for the claimant with a login, at the employer's placement
    other_proposal: Match  # the same claimant, a vacancy elsewhere


def build_week(db: Session, *, seats: int = 12) -> Week:
    """Add a mediator, an employer, a claimant with a login and a session in two days."""
    mediator = create_user(db, "mediator", region=REGION)
    employer_user = create_user(db, "employer")
    claimant_user = create_user(db, "claimant")
    claimant = create_claimant(
        db,
        first_name="Fatima",
        last_name="Kaya",
        user_id=claimant_user.id,
        mediator_id=mediator.id,
        max_travel_km=15,
        hours_per_week=24,
        skills=["orderpicken", "heftruck"],
        email="fatima@example.org",
        restrictions=["geen_zwaar_tillen"],
    )
    weekly_session = WeeklySession(
        region=REGION,
        mediator_id=mediator.id,
        starts_at=utcnow() + timedelta(days=2),
        location="Werkplein Huizen, zaal 2",
        seats=seats,
    )
    db.add(weekly_session)
    db.flush()
    db.add(SessionAttendance(session_id=weekly_session.id, claimant_id=claimant.id))
    placement = create_opportunity(
        db,
        kind="placement",
        title="Leerwerkplek magazijn",
        employer_id=employer_user.employer_id,
        employer_name="Magazijn Gooi BV",
        municipality="Huizen",
        job_coaching=True,
    )
    vacancy = create_opportunity(
        db, title="Medewerker schoonmaak", municipality="Hilversum", postcode="1211"
    )
    proposal = Match(
        claimant_id=claimant.id,
        opportunity_id=placement.id,
        session_id=weekly_session.id,
        score=0.91,
        reasons=["Past bij uw ervaring als orderpicker"],
    )
    other = Match(
        claimant_id=claimant.id,
        opportunity_id=vacancy.id,
        session_id=weekly_session.id,
        score=0.55,
        reasons=["Dicht bij huis"],
    )
    db.add_all([proposal, other])
    covenant = Covenant(name="Hilversum werkt Samen", region=REGION, starts_on=utcnow().date())
    db.add(covenant)
    db.flush()
    db.add(
        Pledge(
            covenant_id=covenant.id,
            employer_id=employer_user.employer_id,
            year=utcnow().year,
            placements=3,
        )
    )
    db.flush()
    return Week(
        mediator, employer_user, claimant_user, weekly_session, placement, vacancy, proposal, other
    )


def csrf_token(html: str) -> str:
    """Return the CSRF token from a rendered page."""
    found = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', html)
    assert found, "the page carries a CSRF token"
    return found.group(1)


FIRST_NAMES = (
    "Anouk Mohamed Sanne Dewi Kevin Priya Jan-Willem Yusuf Marleen Ilse Bram Naima Tom Eline "
    "Rachid Femke Sem Aylin Daan Chantal Mehmet Lotte Ruud Esra Jeroen Nadia Kees Samira Ivo"
).split()
LAST_NAMES = (
    "de Vries|Bakker|Jansen|El Amrani|van den Berg|Visser|Smit|Yilmaz|de Boer|Mulder|"
    "Bouzid|de Groot|Bos|Vos|Peters|Hendriks|van Dijk|Öztürk|Dekker|Brouwer|de Wit|"
    "Dijkstra|Smits|van der Meer|Kramer|Koç|Verhoeven|Postma|van Leeuwen"
).split("|")
TITLES = (
    "Medewerker magazijn (32-38 uur)",
    "Schoonmaker kantoren / avond",
    "Leerwerkplek kok - Hilversum",
    "Chauffeur C/CE",
    "Kassamedewerker supermarkt",
    "Medewerker groenvoorziening (BBL)",
    "Productiemedewerker 2-ploegen",
    "Gastvrouw/-heer zorgcentrum",
    "Dagbesteding houtwerkplaats",
    "Orderpicker koel/vries",
)


def add_attendees(db: Session, week: Week, *, count: int, proposals_each: int = 8) -> None:
    """Fill the week's session with more people, each with proposals in every state."""
    places = [
        create_opportunity(
            db, title=TITLES[i % len(TITLES)], municipality="Hilversum", postcode="1211"
        )
        for i in range(max(proposals_each, len(TITLES)))
    ]
    week.weekly_session.seats = max(week.weekly_session.seats, count + 1)
    now = utcnow()
    for i in range(count):
        claimant = create_claimant(
            db,
            first_name=FIRST_NAMES[i % len(FIRST_NAMES)],
            last_name=LAST_NAMES[i % len(LAST_NAMES)],
            mediator_id=week.mediator.id,
            hours_per_week=24 + i % 3 * 4,
            skills=["orderpicken"],
        )
        db.add(SessionAttendance(session_id=week.weekly_session.id, claimant_id=claimant.id))
        for k in range(proposals_each):
            match = Match(
                claimant_id=claimant.id,
                opportunity_id=places[(i + k) % len(places)].id,
                session_id=week.weekly_session.id,
                score=0.9 - k * 0.05,
                reasons=["Past bij uw ervaring als orderpicker", "U woont 4 km van deze plek"],
            )
            db.add(match)
            if k % 3 == 0:  # some approved, with a follow-up date and a history
                db.flush()
                approve(db, match=match, actor_id=week.mediator.id, now=now)
                match.follow_up_on = now.date() + timedelta(days=7 + k)
    db.flush()
