"""Ranker versions: the one in use, and recording a newly trained one."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from matcher.ranker import LinearScorer, ModelVersion
from models import (
    RankerModel,
)


def active_model(session: Session) -> ModelVersion | None:
    """Return the ranker version in use, or None for the transparent default weights."""
    row = session.scalar(select(RankerModel).where(RankerModel.active.is_(True)))
    return None if row is None else _version_of(row)


def model_version(session: Session, *, version: str) -> ModelVersion | None:
    """Return one recorded ranker version by its name, or None when there is none."""
    row = session.scalar(select(RankerModel).where(RankerModel.version == version))
    return None if row is None else _version_of(row)


def model_versions(session: Session) -> list[RankerModel]:
    """Return every recorded ranker version, newest first."""
    return list(session.scalars(select(RankerModel).order_by(RankerModel.created_at.desc())))


def _version_of(row: RankerModel) -> ModelVersion:
    params = json.dumps(row.params, sort_keys=True)
    return ModelVersion(
        version=row.version,
        adopted=row.kind == "learned",
        feature_names=tuple(row.metrics.get("feature_names", ())),
        metrics={k: v for k, v in row.metrics.items() if isinstance(v, float | int)},
        params_json=params,
        params_hash=row.params_hash,
        scorer=LinearScorer.from_json(params),
    )


def save_model_version(session: Session, *, version: ModelVersion, trained_on: int) -> RankerModel:
    """Record a ranker version; an adopted one becomes the only active version."""
    row = session.scalar(select(RankerModel).where(RankerModel.version == version.version))
    if row is None:
        row = RankerModel(
            version=version.version,
            kind="learned" if version.adopted else "default",
            params=json.loads(version.params_json),
            params_hash=version.params_hash,
            metrics={**version.metrics, "feature_names": list(version.feature_names)},
            trained_on=trained_on,
        )
        session.add(row)
    if version.adopted:
        for other in session.scalars(select(RankerModel).where(RankerModel.active.is_(True))):
            other.active = False
        row.active = True
    session.flush()
    return row
