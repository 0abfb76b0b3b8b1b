"""Migration 0010 carries the consents recorded before it into consent records."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import IntegrityError

from models.db import make_engine
from models.migrate import upgrade

T0 = datetime(2026, 10, 6, 10, 0, tzinfo=UTC)
T1 = datetime(2026, 10, 13, 10, 0, tzinfo=UTC)


def _insert(connection: Connection, table: str, **values: object) -> None:
    """Insert a row as 0009 knew it, filling other required columns with plain values."""
    for column in inspect(connection).get_columns(table):
        name = column["name"]
        if name in values or column["nullable"] or name == "id":
            continue
        kind = str(column["type"]).upper()
        if "DATE" in kind or "TIME" in kind:
            values[name] = T0
        elif "JSON" in kind:
            values[name] = "[]"
        elif "BOOL" in kind:
            values[name] = True
        elif any(word in kind for word in ("INT", "FLOAT", "NUMERIC", "DOUBLE", "REAL")):
            values[name] = 1
        else:
            values[name] = "x"
    names = ", ".join(values)
    marks = ", ".join(f":{n}" for n in values)
    connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), values)  # noqa: S608


def _seed_before(url: str) -> None:
    """Write what 0009 kept: consent dates on matches, history rows that say how."""
    engine = make_engine(url)
    with engine.begin() as c:
        _insert(c, "users", id=1, email="w@example.nl", role="mediator")
        _insert(c, "users", id=2, email="k@example.nl", role="claimant")
        _insert(c, "claimants", id=1, client_number="K1", ladder_step=5, status="active")
        for i in (1, 2, 3, 4):
            _insert(c, "opportunities", id=i, kind="vacancy", title="Orderpicker", status="open")
        # 1: consent in the session; 2: interest in the portal; 3: consent, later declined;
        # 4: no consent at all.
        for mid, status, consented in (
            (1, "interested", T0),
            (2, "interested", T0),
            (3, "declined", T0),
            (4, "proposed", None),
        ):
            _insert(
                c,
                "matches",
                id=mid,
                claimant_id=1,
                opportunity_id=mid,
                status=status,
                approved_at=T0,
                claimant_consented_at=consented,
            )
        history = (
            (1, 1, "interested", "interested", "consent", T0),
            (2, 2, "proposed", "interested", None, T0),
            (3, 1, "proposed", "interested", None, T0),
            (3, 1, "interested", "declined", "reistijd_te_lang", T1),
        )
        for mid, actor, before, after, code, at in history:
            _insert(
                c,
                "match_status_changes",
                match_id=mid,
                actor_id=actor,
                at=at,
                from_status=before,
                to_status=after,
                reason_code=code,
                details="{}",
            )
    engine.dispose()


def test_consents_are_carried_with_how_and_until_when(empty_database_url: str) -> None:  # noqa: F811
    upgrade(empty_database_url, "0011_intake")
    _seed_before(empty_database_url)
    upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    with engine.connect() as c:
        rows = c.execute(
            text(
                "SELECT match_id, given_by_id, given_via, withdrawn_at IS NOT NULL, "
                "withdrawn_via, ended_by FROM match_consents ORDER BY match_id"
            )
        ).all()
        codes = (
            c.execute(text("SELECT reason_code FROM match_status_changes WHERE match_id = 1"))
            .scalars()
            .all()
        )
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        (1, 1, "session", False, None, None),
        (2, 2, "portal", False, None, None),
        (3, 1, "portal", True, "ended", "declined"),
    ]
    assert codes == ["consent_given"]


def test_new_statuses_are_accepted_and_unknown_ones_refused(empty_database_url: str) -> None:  # noqa: F811
    upgrade(empty_database_url, "0011_intake")
    _seed_before(empty_database_url)
    upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    with engine.begin() as c:
        c.execute(text("UPDATE matches SET status = 'no_show' WHERE id = 1"))
    with pytest.raises(IntegrityError), engine.begin() as c:
        c.execute(text("UPDATE matches SET status = 'vanished' WHERE id = 2"))
    engine.dispose()
