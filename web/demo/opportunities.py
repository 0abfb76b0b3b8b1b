"""Demo opportunities of all four kinds."""

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from models import Employer, Opportunity
from web.demo.data import (
    COACHING_PROVIDERS,
    EMPLOYER_JOBS,
    FULL_TIME,
    JOB_DEMANDS,
    JOB_EDUCATION,
    JOB_HOURS,
    NEEDS_LICENCE,
    SKILLS,
    WELFARE_PROVIDERS,
    DemoOccupation,
    occupations,
    postcodes,
)

COUNTS = {"vacancy": 520, "placement": 150, "coaching": 60, "day_activity": 70}
DAY_ACTIVITIES = (
    "Dagbesteding in de moestuin",
    "Dagbesteding in de kringloopwinkel",
    "Dagbesteding houtwerkplaats",
    "Dagbesteding in het buurthuis",
)
COACHING = (
    "Jobcoaching bij de start van werk",
    "Traject naar werk met jobcoach",
    "Training werknemersvaardigheden",
)


def _base(rng: random.Random, region: str, today: date, kind: str) -> Opportunity:
    """Return an opportunity with the fields every kind shares."""
    pc4, municipality = rng.choice(postcodes())
    hours_min = rng.choice((4, 8, 12, 16))
    return Opportunity(
        kind=kind,
        region=region,
        postcode=pc4,
        municipality=municipality,
        hours_min=hours_min,
        hours_max=hours_min + rng.choice((0, 4, 8)),
        dutch_level=rng.choice((None, None, "A2")),
        physical_demands=[],
        skills=rng.sample(SKILLS, k=rng.randint(1, 3)),
        posted_on=today - timedelta(days=rng.randint(0, 60)),
        closes_on=rng.choice((None, today + timedelta(days=rng.randint(-10, 90)))),
    )


def _job(
    rng: random.Random, region: str, today: date, kind: str, employer: Employer
) -> Opportunity:
    """Return a vacancy or covenant placement at an employer, in a job that employer has."""
    title = rng.choice(EMPLOYER_JOBS[employer.name])
    occupation = _occupation(title)
    opportunity = _base(rng, region, today, kind)
    # The work is where the employer is; hours, diploma and demands belong to the job.
    opportunity.postcode, opportunity.municipality = employer.postcode, employer.municipality
    low, high = JOB_HOURS.get(title, FULL_TIME)
    opportunity.hours_min = low if kind == "vacancy" else max(8, low - 8)
    opportunity.hours_max = high
    opportunity.title = f"{title.capitalize()} ({opportunity.hours_min}-{high} uur)"
    opportunity.esco_uri, opportunity.esco_label = occupation.esco_uri, occupation.esco_label
    opportunity.employer_id, opportunity.employer_name = employer.id, employer.name
    opportunity.requires_driving_licence = title in NEEDS_LICENCE
    opportunity.education_level = JOB_EDUCATION.get(title) if kind == "vacancy" else None
    opportunity.dutch_level = rng.choice(("A2", "B1")) if kind == "vacancy" else None
    opportunity.physical_demands = list(JOB_DEMANDS.get(title, ()))
    opportunity.description = (
        f"{employer.name} in {opportunity.municipality} zoekt een {title} voor "
        f"{opportunity.hours_min} tot {high} uur per week."
    )
    if kind == "placement":
        opportunity.capacity = rng.randint(1, 3)
        opportunity.wage_cost_subsidy = rng.random() < 0.5
        opportunity.job_coaching = rng.random() < 0.5
        opportunity.trial_placement = rng.random() < 0.4
        opportunity.secondment = rng.random() < 0.15
        opportunity.sheltered_work = rng.random() < 0.1
        opportunity.jobs_agreement_register = rng.random() < 0.3
    return opportunity


def _occupation(title: str) -> DemoOccupation:
    return next(o for o in occupations() if o.title == title)


def _support(rng: random.Random, region: str, today: date, kind: str) -> Opportunity:
    """Return a coaching slot or a day-activity place."""
    opportunity = _base(rng, region, today, kind)
    titles, providers = (
        (COACHING, COACHING_PROVIDERS)
        if kind == "coaching"
        else (DAY_ACTIVITIES, WELFARE_PROVIDERS)
    )
    opportunity.title = rng.choice(titles)
    opportunity.employer_name = rng.choice(providers)
    opportunity.description = f"{opportunity.title} bij {opportunity.employer_name}."
    opportunity.capacity = rng.randint(2, 8)
    opportunity.job_coaching = kind == "coaching"
    return opportunity


def add_opportunities(
    session: Session, rng: random.Random, *, region: str, today: date, employers: list[Employer]
) -> list[Opportunity]:
    """Add about 800 demo opportunities of all four kinds."""
    members = [e for e in employers if e.covenant_member]
    made = [
        _job(rng, region, today, "vacancy", rng.choice(employers)) for _ in range(COUNTS["vacancy"])
    ]
    made += [
        _job(rng, region, today, "placement", rng.choice(members))
        for _ in range(COUNTS["placement"])
    ]
    made += [
        _support(rng, region, today, kind)
        for kind in ("coaching", "day_activity")
        for _ in range(COUNTS[kind])
    ]
    for opportunity in made:
        if opportunity.closes_on is not None and opportunity.closes_on < today:
            opportunity.status = "expired"
    session.add_all(made)
    session.flush()
    return made
