"""Recording and replaying matching runs: inputs and ranked output as plain JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from matcher.linking import Linker
from matcher.pipeline import ClaimantResult, rank
from matcher.ranker import LinearScorer
from matcher.records import ClaimantProfile, OpportunityRecord, WorkExperience


def _jsonable(value: Any) -> Any:
    """Return a JSON-friendly copy of dataclass values."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(OpportunityRecord))


def record_data(record: OpportunityRecord) -> dict[str, Any]:
    """Return an opportunity as JSON-friendly data, the form its snapshot is stored in."""
    data = {name: getattr(record, name) for name in _RECORD_FIELDS}
    data["physical_demands"] = list(record.physical_demands)
    data["skills"] = list(record.skills)
    data["closes_on"] = record.closes_on.isoformat() if record.closes_on else None
    data["extra"] = _jsonable(dict(record.extra))
    return data


def content_hash(data: Any) -> str:
    """Return the SHA-256 of JSON data in canonical form."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def run_inputs(
    profiles: Sequence[ClaimantProfile],
    records: Sequence[OpportunityRecord],
    *,
    today: dt.date,
    top: int,
    scorer: LinearScorer,
) -> dict[str, Any]:
    """Return everything a run needs to be replayed, as JSON-friendly data."""
    return {
        "today": today.isoformat(),
        "top": top,
        "scorer": json.loads(scorer.to_json()),
        "claimants": [_jsonable(dataclasses.asdict(p)) for p in profiles],
        "opportunities": [record_data(r) for r in records],
    }


def inputs_hash(inputs: dict[str, Any]) -> str:
    """Return the SHA-256 of a run's inputs in canonical JSON."""
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode("utf-8")).hexdigest()


def run_results(results: Sequence[ClaimantResult]) -> list[dict[str, Any]]:
    """Return every score and rank of a run."""
    return [
        {
            "claimant_id": r.claimant_id,
            "ranking": [
                {"opportunity_id": m.opportunity_id, "rank": i, "score": m.score}
                for i, m in enumerate(r.matches, start=1)
            ],
        }
        for r in results
    ]


def _profile(data: dict[str, Any]) -> ClaimantProfile:
    """Rebuild a claimant profile from its recorded form."""
    values = dict(data)
    values["work_history"] = tuple(WorkExperience(**w) for w in values["work_history"])
    for name in ("desired_occupations", "skills", "preferences"):
        values[name] = tuple(values[name])
    for name in ("restrictions", "allowed_kinds"):
        values[name] = None if values[name] is None else tuple(values[name])
    return ClaimantProfile(**values)


def _record(data: dict[str, Any]) -> OpportunityRecord:
    """Rebuild an opportunity from its recorded form."""
    values = dict(data)
    for name in ("physical_demands", "skills"):
        values[name] = tuple(values[name])
    if values["closes_on"]:
        values["closes_on"] = dt.date.fromisoformat(values["closes_on"])
    return OpportunityRecord(**values)


def replay(inputs: dict[str, Any], *, linker: Linker) -> list[dict[str, Any]]:
    """Rank a recorded run's inputs again and return its scores and ranks.

    Scores depend on the linker's answers: replay with the linker version the run names.
    """
    results = rank(
        [_profile(p) for p in inputs["claimants"]],
        [_record(r) for r in inputs["opportunities"]],
        today=dt.date.fromisoformat(inputs["today"]),
        top=inputs["top"],
        linker=linker,
        model=LinearScorer.from_json(json.dumps(inputs["scorer"])),
    )
    return run_results(results)
