"""The covenant ledger per year: placements pledged, proposed and made, per employer.

Proposed counts the proposals made that year to the employer's opportunities; placed
counts the placements recorded that year (the moment a match became "placed"), so a
placement counts in the year it happened, whenever its proposal was made.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Employer, Match, MatchStatusChange, Opportunity, Pledge

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class LedgerRow:
    """One employer's covenant figures for one year."""

    employer_id: int
    employer: str
    pledged: int
    proposed: int
    placed: int

    @property
    def progress(self) -> int | None:
        """Return placed as a percentage of pledged; None without a pledge."""
        return None if not self.pledged else round(100 * self.placed / self.pledged)


def ledger_years(session: Session, *, this_year: int) -> list[int]:
    """Return the years with pledges, and this year, newest first."""
    years = set(session.scalars(select(Pledge.year).distinct())) | {this_year}
    return sorted(years, reverse=True)


def regional_ledger(session: Session, *, region: str, year: int) -> list[LedgerRow]:
    """Return the ledger of every covenant member of the region, most placements first."""
    employers = session.execute(
        select(Employer.id, Employer.name).where(
            Employer.region == region, Employer.covenant_member.is_(True)
        )
    ).all()
    rows = [_row(session, employer_id, name, year) for employer_id, name in employers]
    return sorted(rows, key=lambda r: (-r.placed, -r.pledged, r.employer))


def employer_ledger(session: Session, *, employer_id: int, year: int) -> LedgerRow:
    """Return one employer's ledger for a year."""
    name = session.scalar(select(Employer.name).where(Employer.id == employer_id)) or ""
    return _row(session, employer_id, name, year)


def totals(rows: list[LedgerRow], *, year: int) -> LedgerRow:
    """Return the region's totals as one row."""
    return LedgerRow(
        0,
        str(year),
        sum(r.pledged for r in rows),
        sum(r.proposed for r in rows),
        sum(r.placed for r in rows),
    )


def _row(session: Session, employer_id: int, name: str, year: int) -> LedgerRow:
    # The year as lived in Amsterdam; the database keeps UTC.
    start = datetime(year, 1, 1, tzinfo=AMSTERDAM).astimezone(UTC)
    end = datetime(year + 1, 1, 1, tzinfo=AMSTERDAM).astimezone(UTC)
    pledged = session.scalar(
        select(func.coalesce(func.sum(Pledge.placements), 0)).where(
            Pledge.employer_id == employer_id, Pledge.year == year
        )
    )
    proposed = session.scalar(
        select(func.count())
        .select_from(Match)
        .join(Opportunity, Opportunity.id == Match.opportunity_id)
        .where(
            Opportunity.employer_id == employer_id,
            Match.created_at >= start,
            Match.created_at < end,
        )
    )
    placed = session.scalar(
        select(func.count(func.distinct(MatchStatusChange.match_id)))
        .join(Match, Match.id == MatchStatusChange.match_id)
        .join(Opportunity, Opportunity.id == Match.opportunity_id)
        .where(
            Opportunity.employer_id == employer_id,
            MatchStatusChange.to_status == "placed",
            MatchStatusChange.at >= start,
            MatchStatusChange.at < end,
        )
    )
    return LedgerRow(employer_id, name, int(pledged or 0), int(proposed or 0), int(placed or 0))
