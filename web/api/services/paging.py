"""Limit/offset pages over a select, with the total count."""

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

Row = TypeVar("Row")
MAX_LIMIT = 100
DEFAULT_LIMIT = 25
MAX_OFFSET = 1_000_000


@dataclass(frozen=True)
class Page(Generic[Row]):
    """One page of rows and where it sits in the whole list."""

    items: list[Row]
    total: int
    limit: int
    offset: int


def paginate(session: Session, statement: Select[Any], *, limit: int, offset: int) -> Page[Any]:
    """Return one page of the statement's scalars and the total number of rows."""
    total = session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    items = list(session.scalars(statement.limit(limit).offset(offset)))
    return Page(items, int(total or 0), limit, offset)
