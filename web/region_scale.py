"""Region-scale demonstration data, for load tests: the size of a real labour-market region.

Kept apart from the hand-made demo region (web/demo): rows here are generated in bulk,
plainly fictional, and only as varied as a benchmark needs. All accounts share the demo
password; claimants, places and proposals follow the shape of the demo region.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from models import (
    Claimant,
    Employer,
    Match,
    Opportunity,
    SessionAttendance,
    User,
    WeeklySession,
)
from web.auth.passwords import hash_password
from web.demo.people import DEMO_PASSWORD

REGION = "gooi-en-vechtstreek"
PLACES = [
    "1211",
    "1213",
    "1215",
    "1217",
    "1221",
    "1222",
    "1251",
    "1261",
    "1271",
    "1272",
    "1274",
    "1275",
    "1276",
    "1277",
    "1401",
    "1402",
    "1403",
    "1404",
    "1405",
    "1406",
]
TITLES = [
    "Orderpicker",
    "Magazijnmedewerker (m/v)",
    "Kok",
    "Hulpkok 24-32 uur",
    "Schoonmaker kantoren",
    "Verkoopmedewerker",
    "Kassamedewerker",
    "Vakkenvuller",
    "Chauffeur C/CE",
    "Hovenier",
    "Productiemedewerker",
    "Heftruckchauffeur",
    "Administratief medewerker",
    "Receptionist(e)",
    "Thuiszorgmedewerker",
    "Helpende zorg en welzijn",
    "Medewerker bediening",
    "Afwasser",
    "Timmerman",
    "Schilder / onderhoudsschilder",
]
SKILLS = [
    "heftruck rijden",
    "kassa",
    "koken",
    "hygiëne",
    "scannen",
    "plannen",
    "excel",
    "klantvriendelijk",
    "snoeien",
    "schoonmaken",
]


@dataclass(frozen=True)
class RegionSize:
    """How many of each to generate; the default is a real region (issue 12)."""

    claimants: int = 5600
    mediators: int = 50
    employer_users: int = 600
    claimant_users: int = 500
    opportunities: int = 20000
    per_session: int = 30
    proposals_each: int = 5


def _ids(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows in bulk and return their ids in order."""
    if not rows:
        return []
    return list(
        session.scalars(insert(model).returning(model.id, sort_by_parameter_order=True), rows)
    )


def load_region_scale(
    session: Session, *, today: dt.date, size: RegionSize | None = None, seed: int = 12
) -> dict[str, int]:
    """Fill an empty database with a region of the given size; return the counts."""
    size = size or RegionSize()
    rng = random.Random(seed)  # noqa: S311  (demo data, not security)
    password = hash_password(DEMO_PASSWORD)  # once: argon2 is slow on purpose
    employers = _ids(
        session,
        Employer,
        [
            {
                "name": f"Werkgever {i} BV",
                "region": REGION,
                "postcode": rng.choice(PLACES),
                "covenant_member": i % 5 == 0,
            }
            for i in range(size.employer_users)
        ],
    )
    users: list[dict[str, Any]] = [
        {"email": "beheer@region.zow", "display_name": "Beheer", "role": "admin"}
    ]
    users += [
        {"email": f"coach{i}@region.zow", "display_name": f"Werkcoach {i}", "role": "mediator"}
        for i in range(size.mediators)
    ]
    users += [
        {
            "email": f"werkgever{i}@region.zow",
            "display_name": f"Werkgever {i}",
            "role": "employer",
            "employer_id": e,
        }
        for i, e in enumerate(employers)
    ]
    users += [
        {"email": f"klant{i}@region.zow", "display_name": f"Klant {i}", "role": "claimant"}
        for i in range(size.claimant_users)
    ]
    for user in users:
        user.update(password_hash=password, region=REGION, is_demo=True)
    user_ids = _ids(session, User, users)
    mediators = user_ids[1 : 1 + size.mediators]
    logins = user_ids[1 + size.mediators + size.employer_users :]
    claimants = _ids(
        session,
        Claimant,
        [
            {
                "client_number": f"R{i:06d}",
                "region": REGION,
                "first_name": f"Klant{i}",
                "last_name": "Voorbeeld",
                "postcode": rng.choice(PLACES),
                "max_travel_km": rng.choice([5.0, 10.0, 15.0, 25.0]),
                "hours_per_week": rng.choice([16, 24, 32, 36]),
                "driving_licence": rng.random() < 0.6,
                "ladder_step": rng.randint(3, 6),
                "desired_occupations": [rng.choice(TITLES)],
                "work_history": [{"title": rng.choice(TITLES), "years": rng.randint(0, 9)}],
                "skills": rng.sample(SKILLS, 2),
                "restrictions": [],
                "intake_on": today,
                "mediator_id": mediators[i % len(mediators)],
                "user_id": logins[i] if i < len(logins) else None,
            }
            for i in range(size.claimants)
        ],
    )
    opportunities = _ids(
        session,
        Opportunity,
        [
            {
                "kind": rng.choice(["vacancy"] * 6 + ["placement", "coaching", "day_activity"]),
                "region": REGION,
                "title": rng.choice(TITLES),
                "description": "Werken in een klein team; begeleiding mogelijk.",
                "postcode": rng.choice(PLACES),
                "employer_id": rng.choice(employers),
                "employer_name": "Werkgever",
                "capacity": rng.randint(1, 3),
                "hours_min": 16,
                "hours_max": 38,
                "skills": rng.sample(SKILLS, 2),
                "physical_demands": [],
            }
            for i in range(size.opportunities)
        ],
    )
    start = dt.datetime.combine(today + dt.timedelta(days=2), dt.time(10), tzinfo=dt.UTC)
    groups = _ids(
        session,
        WeeklySession,
        [
            {
                "region": REGION,
                "mediator_id": mediators[g % len(mediators)],
                "starts_at": start + dt.timedelta(hours=g % 40),
                "location": "Werkplein",
                "seats": size.per_session,
            }
            for g in range(-(-size.claimants // size.per_session))
        ],
    )
    session.execute(
        insert(SessionAttendance),
        [
            {"session_id": groups[i // size.per_session], "claimant_id": c}
            for i, c in enumerate(claimants)
        ],
    )
    session.execute(
        insert(Match),
        [
            {
                "claimant_id": c,
                "opportunity_id": o,
                "session_id": groups[i // size.per_session],
                "score": round(rng.random(), 4),
                "rank": r + 1,
                "reasons": ["Dicht bij huis."],
                "status": "proposed",
            }
            for i, c in enumerate(claimants)
            for r, o in enumerate(rng.sample(opportunities, size.proposals_each))
        ],
    )
    session.flush()
    return {
        "claimants": len(claimants),
        "users": len(user_ids),
        "opportunities": len(opportunities),
        "sessions": len(groups),
    }
