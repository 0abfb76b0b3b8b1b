"""The shape every parser returns: vacancy records and the errors of rejected items."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Enough of a rejected item to recognise it on the admin page, not a copy of the feed.
RAW_SNIPPET_CHARS = 500


@dataclass
class VacancyRecord:
    """One vacancy as a feed describes it, before it becomes an Opportunity."""

    external_id: str
    title: str
    kind: str = "vacancy"
    employer_name: str | None = None
    postcode: str | None = None
    municipality: str | None = None
    hours_min: int | None = None
    hours_max: int | None = None
    description: str = ""
    posted_on: date | None = None
    closes_on: date | None = None
    url: str | None = None
    skills: list[str] = field(default_factory=list)
    education_level: str | None = None
    dutch_level: str | None = None
    requires_driving_licence: bool = False
    physical_demands: list[str] = field(default_factory=list)
    capacity: int = 1
    esco_uri: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordError:
    """A rejected item: where it was (line, item or page) and why."""

    item: str
    reason: str
    raw: str = ""
    # The whole document is unusable: the source is aborted rather than read as empty.
    fatal: bool = False

    def as_dict(self) -> dict[str, str]:
        """Return the error as stored in FeedRun.errors."""
        return {"item": self.item, "reason": self.reason, "raw": self.raw[:RAW_SNIPPET_CHARS]}


ParseResult = tuple[list[VacancyRecord], list[RecordError]]
