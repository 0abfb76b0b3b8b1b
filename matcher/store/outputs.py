"""Results out: proposals awaiting a mediator, and the record of every matching run."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from matcher.pipeline import ClaimantResult
from matcher.ranker import LinearScorer, ModelVersion
from matcher.runs import inputs_hash
from matcher.store.inputs import SETTLED
from matcher.store.run_records import stored_inputs
from models import Match, MatchingRun
from models.lifecycle import SYSTEM
from models.workflow import create


def save_proposals(
    session: Session,
    *,
    results: Iterable[ClaimantResult],
    session_id: int | None,
    run_id: str,
) -> int:
    """Store ranked matches as proposals awaiting a mediator; never touch settled matches."""
    saved = 0
    for result in results:
        for rank, match in enumerate(result.matches, start=1):
            key = (int(result.claimant_id), int(match.opportunity_id))
            row = session.scalar(
                select(Match).where(Match.claimant_id == key[0], Match.opportunity_id == key[1])
            )
            if row is not None and (row.status in SETTLED or row.approved_at is not None):
                continue
            if row is None:
                row = Match(claimant_id=key[0], opportunity_id=key[1], score=match.score)
                create(session, match=row, role=SYSTEM, actor_id=None, reason_code="matching_run")
            row.score, row.rank, row.reasons = match.score, rank, match.reasons
            row.session_id, row.run_id = session_id, run_id
            saved += 1
    return saved


def save_run(
    session: Session,
    *,
    region: str,
    session_id: int | None,
    started_by_id: int | None,
    model: ModelVersion | None,
    inputs: dict[str, Any],
    results: list[dict[str, Any]],
    opportunity_set: str | None = None,
    linker_version: str | None = None,
) -> MatchingRun:
    """Record a matching run with its inputs and every score and rank.

    With ``opportunity_set`` (from ``keep_opportunities``) the opportunities are not copied
    into the run: it names their shared snapshots, whose hashes its input hash covers.
    """
    if opportunity_set is not None:
        inputs = stored_inputs(inputs, opportunity_set)
    digest = inputs_hash(inputs)
    run = MatchingRun(
        id=f"{inputs['today']}-{uuid.uuid4().hex[:12]}",
        region=region,
        session_id=session_id,
        started_by_id=started_by_id,
        model_version=model.version if model else "default",
        model_hash=model.params_hash if model else _default_hash(),
        input_hash=digest,
        opportunity_set=opportunity_set,
        linker_version=linker_version,
        inputs=inputs,
        results=results,
    )
    session.add(run)
    session.flush()
    return run


def _default_hash() -> str:
    """Return the hash of the transparent default weights."""
    return hashlib.sha256(LinearScorer.default().to_json().encode("utf-8")).hexdigest()
