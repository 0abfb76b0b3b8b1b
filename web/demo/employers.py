"""Demo employers, the covenant and its pledges."""

import random
from datetime import date

from sqlalchemy.orm import Session

from models import Covenant, Employer, Pledge
from web.demo.data import EMPLOYER_NAMES, postcodes

COVENANT_MEMBERS = 15


def add_employers(
    session: Session, rng: random.Random, *, region: str, today: date
) -> list[Employer]:
    """Add the demo employers; the first fifteen signed the covenant and pledge every year."""
    employers = []
    for index, name in enumerate(EMPLOYER_NAMES):
        pc4, municipality = _place_of(rng, name)
        employers.append(
            Employer(
                name=name,
                region=region,
                municipality=municipality,
                postcode=pc4,
                covenant_member=index < COVENANT_MEMBERS,
                contact_email=f"werkgever{index + 1}@demo.zow",
            )
        )
    covenant = Covenant(
        name="Hilversum werkt Samen (demo)", region=region, starts_on=date(today.year - 1, 1, 1)
    )
    session.add_all([*employers, covenant])
    session.flush()
    session.add_all(
        Pledge(
            covenant_id=covenant.id,
            employer_id=employer.id,
            year=year,
            placements=rng.randint(4, 12),
        )
        for year in (today.year - 1, today.year)
        for employer in employers[:COVENANT_MEMBERS]
    )
    return employers


def _place_of(rng: random.Random, name: str) -> tuple[str, str]:
    """Return a postcode in the town the employer is named after, else anywhere in the region."""
    places = postcodes()
    named = [place for place in places if place[1] in name]
    return rng.choice(named or list(places))
