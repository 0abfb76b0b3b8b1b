"""Access, erasure and retention of a claimant's data, found from the model metadata.

Export follows every foreign key that leads to the claimant (or to their own account), so a
table added later is exported without anyone remembering to add it here.
"""

from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from models.audit import AuditEvent
from models.base import Base, utcnow
from models.claimant import Claimant
from models.job_run import JobRun
from models.login_attempt import LoginFailure
from models.match import Match, MatchStatusChange
from models.matching_run import MatchingRun
from models.matching_state import drop_unused_snapshots
from models.user import User
from models.web_session import WebSession

# Never exported: secrets, and the BSN, which is only ever shown to mediators on screen (the
# person knows their BSN; an export file travels further than a screen).
SECRET_COLUMNS = frozenset(
    {"password_hash", "totp_secret", "token_hash", "origin_hash", "account_hash", "bsn"}
)
# Tables an export never descends into from a claimant or their account (no way back up).
ROOTS = frozenset({"claimants", "users"})

CLAIMANT_RETENTION = timedelta(days=5 * 365)  # after the benefit ended; see docs/dpia-notes.md
LOGIN_FAILURE_RETENTION = timedelta(days=30)
WEB_SESSION_RETENTION = timedelta(days=30)
JOB_RUN_RETENTION = timedelta(days=365)
MATCHING_RUN_RETENTION = timedelta(days=365)  # long enough to answer for a year's proposals


def _plain(value: Any, zone: tzinfo = UTC) -> Any:
    """Return a JSON-friendly value; moments are given in the zone (stored ones are UTC)."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite drops the zone
        return moment.astimezone(zone).isoformat()
    return value.isoformat() if isinstance(value, date) else value


def _rows(
    session: Session, table: Table, column: Any, ids: set[Any], zone: tzinfo = UTC
) -> list[dict[str, Any]]:
    """Return the rows of a table whose column is one of the ids, without secret columns."""
    result = session.execute(select(table).where(column.in_(ids))).mappings()
    return [
        {k: _plain(v, zone) for k, v in row.items() if k not in SECRET_COLUMNS} for row in result
    ]


def export_claimant(
    session: Session, *, claimant_id: int, zone: tzinfo = UTC
) -> dict[str, list[dict[str, Any]]]:
    """Return everything stored about a claimant, table by table, with times in the zone."""
    claimant = session.get(Claimant, claimant_id)
    if claimant is None:
        return {}
    found: dict[str, dict[Any, dict[str, Any]]] = {}
    frontier: list[tuple[Table, set[Any]]] = [(Claimant.__table__, {claimant_id})]  # type: ignore[list-item]
    if claimant.user_id is not None:
        frontier.append((User.__table__, {claimant.user_id}))  # type: ignore[arg-type]
    while frontier:
        table, ids = frontier.pop()
        _collect(found, table, _rows(session, table, table.primary_key.columns[0], ids, zone))
        for child in Base.metadata.sorted_tables:
            if child.name in ROOTS:
                continue
            for fk in child.foreign_keys:
                if fk.column.table is table:
                    rows = _rows(session, child, fk.parent, ids, zone)
                    new = {r["id"] for r in rows} - set(found.get(child.name, {}))
                    _collect(found, child, rows)
                    if new:
                        frontier.append((child, new))
    about = _rows(session, AuditEvent.__table__, AuditEvent.object_id, {str(claimant_id)}, zone)  # type: ignore[arg-type]
    found["audit_events_about_you"] = {r["id"]: r for r in about if r["object_type"] == "claimant"}
    found["matching_runs_about_you"] = {
        run.id: _own_part(run, str(claimant_id), zone)
        for run in _runs_with(session, str(claimant_id))
    }
    return {name: list(rows.values()) for name, rows in sorted(found.items())}


def _collect(
    found: dict[str, dict[Any, dict[str, Any]]], table: Table, rows: list[dict[str, Any]]
) -> None:
    """Add rows to the export, once each."""
    bucket = found.setdefault(table.name, {})
    for row in rows:
        bucket[row["id"]] = row


def _runs_with(session: Session, claimant_key: str) -> list[MatchingRun]:
    """Return the recorded matching runs whose inputs include a claimant."""
    runs = session.scalars(select(MatchingRun).order_by(MatchingRun.started_at))
    return [r for r in runs if any(c["id"] == claimant_key for c in r.inputs["claimants"])]


def _own_part(run: MatchingRun, claimant_key: str, zone: tzinfo) -> dict[str, Any]:
    """Return a run's facts and the claimant's own input and ranking in it."""
    return {
        "id": run.id,
        "started_at": _plain(run.started_at, zone),
        "model_version": run.model_version,
        "profile": [c for c in run.inputs["claimants"] if c["id"] == claimant_key],
        "ranking": [r for r in run.results if r["claimant_id"] == claimant_key],
    }


def erase_claimant(session: Session, *, claimant_id: int) -> None:
    """Anonymise a claimant; keep what the law requires (see docs/dpia-notes.md)."""
    claimant = session.get(Claimant, claimant_id)
    if claimant is None:
        return
    claimant.first_name, claimant.last_name = "Verwijderd", f"#{claimant.id}"
    claimant.email = claimant.bsn = claimant.postcode = claimant.notes = None
    claimant.desired_occupations, claimant.work_history = [], []
    claimant.skills, claimant.restrictions, claimant.monitoring = [], [], {}
    claimant.status, claimant.digest_opt_out, claimant.erased_at = "ended", True, utcnow()
    match_ids = list(session.scalars(select(Match.id).where(Match.claimant_id == claimant_id)))
    for match in session.scalars(select(Match).where(Match.id.in_(match_ids))):
        match.reasons = []  # reasons quote the person's experience and wishes
    for change in session.scalars(
        select(MatchStatusChange).where(MatchStatusChange.match_id.in_(match_ids))
    ):
        change.note, change.details = None, {}
    for run in _runs_with(session, str(claimant_id)):
        # Erasure outranks replay: that run can no longer be replayed for this person.
        claimants = [c for c in run.inputs["claimants"] if c["id"] != str(claimant_id)]
        run.inputs = {**run.inputs, "claimants": claimants}
        run.results = [r for r in run.results if r["claimant_id"] != str(claimant_id)]
    if claimant.user_id is not None:
        _close_account(session, user_id=claimant.user_id)
        claimant.user_id = None


def _close_account(session: Session, *, user_id: int) -> None:
    """Make an account unusable and anonymous; remove its sessions and login traces."""
    user = session.get(User, user_id)
    if user is None:
        return
    user.email, user.display_name = f"verwijderd-{user.id}@invalid", "Verwijderd"
    user.password_hash, user.totp_secret, user.active = "!", None, False
    session.execute(delete(WebSession).where(WebSession.user_id == user_id))
    session.execute(delete(LoginFailure).where(LoginFailure.user_id == user_id))
    for table in Base.metadata.sorted_tables:
        if table.name == "api_tokens":
            session.execute(delete(table).where(table.c.user_id == user_id))


def apply_retention(session: Session, *, now: datetime) -> dict[str, int]:
    """Erase or delete what has passed its retention period; return counts per kind."""
    ended = list(
        session.scalars(
            select(Claimant.id).where(
                Claimant.status.in_(("outflow", "ended")),
                Claimant.erased_at.is_(None),
                Claimant.updated_at < now - CLAIMANT_RETENTION,
            )
        )
    )
    for claimant_id in ended:
        erase_claimant(session, claimant_id=claimant_id)
    counts = {"claimants_erased": len(ended)}
    for name, model, column, period in (
        ("login_failures", LoginFailure, LoginFailure.at, LOGIN_FAILURE_RETENTION),
        ("web_sessions", WebSession, WebSession.last_seen_at, WEB_SESSION_RETENTION),
        ("job_runs", JobRun, JobRun.started_at, JOB_RUN_RETENTION),
        ("matching_runs", MatchingRun, MatchingRun.started_at, MATCHING_RUN_RETENTION),
    ):
        # "fetch", not the default "evaluate": evaluating the cut-off in Python against rows
        # this session holds compares their naive SQLite times with the aware `now`.
        result = session.execute(
            delete(model).where(column < now - period),
            execution_options={"synchronize_session": "fetch"},
        )
        counts[name] = result.rowcount  # type: ignore[attr-defined]
    counts.update(drop_unused_snapshots(session))
    return counts
