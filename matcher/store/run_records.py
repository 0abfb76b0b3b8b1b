"""Run records that name their opportunities by content: snapshots stored once, shared.

A run keeps its claimants' profiles, its settings and the hash of an opportunity set; the
set lists snapshot hashes, and each snapshot is one opportunity exactly as some run saw
it. The sessions of one week share one set, and an opportunity that did not change is
stored once however many weeks it stays open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from matcher.records import OpportunityRecord
from matcher.runs import content_hash, record_data
from models import MatchingRun, OpportunitySet, OpportunitySnapshot
from models.base import utcnow

_CHUNK = 500


def keep_opportunities(session: Session, records: Sequence[OpportunityRecord]) -> str:
    """Store the snapshots and the set of these opportunities once; return the set's hash."""
    data = [record_data(r) for r in records]
    members = [content_hash(d) for d in data]
    set_hash = content_hash(members)
    if session.get(OpportunitySet, set_hash) is not None:
        return set_hash
    unique = dict(zip(members, data, strict=True))
    hashes = list(unique)
    for start in range(0, len(hashes), _CHUNK):
        chunk = hashes[start : start + _CHUNK]
        known = set(
            session.scalars(
                select(OpportunitySnapshot.hash).where(OpportunitySnapshot.hash.in_(chunk))
            )
        )
        rows = [
            {"hash": h, "data": unique[h], "created_at": utcnow()} for h in chunk if h not in known
        ]
        if rows:
            session.execute(_insert_new(session, OpportunitySnapshot, rows))
    session.execute(
        _insert_new(
            session,
            OpportunitySet,
            [{"hash": set_hash, "members": members, "created_at": utcnow()}],
        )
    )
    return set_hash


def stored_inputs(inputs: dict[str, Any], opportunity_set: str) -> dict[str, Any]:
    """Return a run's inputs with the opportunities replaced by the hash of their set."""
    lean = {k: v for k, v in inputs.items() if k != "opportunities"}
    lean["opportunity_set"] = opportunity_set
    return lean


def recorded_inputs(session: Session, run: MatchingRun) -> dict[str, Any]:
    """Return a run's full inputs, the opportunities read back from their snapshots."""
    inputs = dict(run.inputs)
    set_hash = inputs.pop("opportunity_set", None)
    if set_hash is None:
        return inputs  # recorded before snapshots: the opportunities are inline
    members = session.get_one(OpportunitySet, set_hash).members
    found: dict[str, dict[str, Any]] = {}
    distinct = list(dict.fromkeys(members))
    for start in range(0, len(distinct), _CHUNK):
        rows = session.execute(
            select(OpportunitySnapshot.hash, OpportunitySnapshot.data).where(
                OpportunitySnapshot.hash.in_(distinct[start : start + _CHUNK])
            )
        )
        found.update({h: d for h, d in rows})
    inputs["opportunities"] = [found[h] for h in members]
    return inputs


def _insert_new(session: Session, table: type[Any], rows: list[dict[str, Any]]) -> Any:
    """Return an INSERT that skips rows whose key exists (two runs may store one snapshot)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table).values(rows).on_conflict_do_nothing()
