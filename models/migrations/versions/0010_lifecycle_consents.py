"""match lifecycle: consent records, the no_show and closed statuses, session closed_at

Carries every recorded consent (matches.claimant_consented_at and the history rows that
tell whether it was given in the session or in the portal) into match_consents; a consent
on a match that was since declined or rejected is carried as ended at that moment.

Revision ID: 0010_lifecycle
Revises: 0011_intake
Create Date: 2026-12-01 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_lifecycle"
down_revision: str | None = "0011_intake"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = (
    "proposed",
    "discussed",
    "interested",
    "applied",
    "interview",
    "placed",
    "declined",
    "rejected",
)
NEW = (*OLD, "no_show", "closed")
ENDING = ("declined", "rejected")
DOWNGRADE_STATUSES = tuple(
    f"UPDATE {table} SET {column} = '{old}' WHERE {column} = '{new}'"  # noqa: S608 - constants
    for table, column in (
        ("matches", "status"),
        ("match_status_changes", "to_status"),
        ("match_status_changes", "from_status"),
    )
    for new, old in (("no_show", "rejected"), ("closed", "declined"))
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _status_checks(values: tuple[str, ...]) -> None:
    """Replace the CHECK constraints that keep match statuses within a vocabulary."""
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_matches_status_known"), type_="check")
        batch_op.create_check_constraint("status_known", _in("status", values))
    with op.batch_alter_table("match_status_changes", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_match_status_changes_from_status_known"), type_="check")
        batch_op.drop_constraint(op.f("ck_match_status_changes_to_status_known"), type_="check")
        batch_op.create_check_constraint(
            "from_status_known", "from_status IS NULL OR " + _in("from_status", values)
        )
        batch_op.create_check_constraint("to_status_known", _in("to_status", values))


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "match_consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("given_by_id", sa.Integer(), nullable=True),
        sa.Column("given_via", sa.String(length=10), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by_id", sa.Integer(), nullable=True),
        sa.Column("withdrawn_via", sa.String(length=10), nullable=True),
        sa.Column("ended_by", sa.String(length=40), nullable=True),
        sa.CheckConstraint(
            "given_via IN ('portal', 'session', 'migrated')",
            name=op.f("ck_match_consents_given_via_known"),
        ),
        sa.CheckConstraint(
            "withdrawn_via IS NULL OR withdrawn_via IN ('portal', 'session', 'ended')",
            name=op.f("ck_match_consents_withdrawn_via_known"),
        ),
        sa.ForeignKeyConstraint(
            ["given_by_id"], ["users.id"], name=op.f("fk_match_consents_given_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["matches.id"],
            name=op.f("fk_match_consents_match_id_matches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["withdrawn_by_id"], ["users.id"], name=op.f("fk_match_consents_withdrawn_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_consents")),
    )
    with op.batch_alter_table("match_consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_match_consents_match_id"), ["match_id"], unique=False)
    _carry_consents()
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_column("claimant_consented_at")
    _status_checks(NEW)
    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))


def _carry_consents() -> None:
    """Write one consent record per match that had a consent date, with its history."""
    bind = op.get_bind()
    matches = bind.execute(
        sa.text(
            "SELECT id, status, claimant_consented_at FROM matches "
            "WHERE claimant_consented_at IS NOT NULL"
        )
    ).all()
    for match_id, status, given_at in matches:
        rows = bind.execute(
            sa.text(
                "SELECT at, actor_id, to_status, reason_code FROM match_status_changes "
                "WHERE match_id = :m ORDER BY at, id"
            ),
            {"m": match_id},
        ).all()
        # The mediator's button wrote reason "consent"; the portal wrote "interested".
        in_session = [r for r in rows if r.reason_code == "consent"]
        in_portal = [r for r in rows if r.to_status == "interested" and r.reason_code is None]
        source = in_session or in_portal
        via = "session" if in_session else "portal" if in_portal else "migrated"
        ended = [r for r in rows if r.to_status in ENDING] if status in ENDING else []
        bind.execute(
            sa.text(
                "INSERT INTO match_consents (match_id, given_at, given_by_id, given_via, "
                "withdrawn_at, withdrawn_by_id, withdrawn_via, ended_by) "
                "VALUES (:m, :given_at, :by, :via, :w_at, :w_by, :w_via, :ended_by)"
            ),
            {
                "m": match_id,
                "given_at": given_at,
                "by": source[0].actor_id if source else None,
                "via": via,
                "w_at": ended[-1].at if ended else None,
                "w_by": ended[-1].actor_id if ended else None,
                "w_via": "ended" if ended else None,
                "ended_by": status if ended else None,
            },
        )
    bind.execute(
        sa.text(
            "UPDATE match_status_changes SET reason_code = 'consent_given' "
            "WHERE reason_code = 'consent' AND from_status = to_status"
        )
    )


def downgrade() -> None:
    """Revert this revision (the statuses no_show and closed become rejected and declined)."""
    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.drop_column("closed_at")
    bind = op.get_bind()
    for statement in DOWNGRADE_STATUSES:
        bind.execute(sa.text(statement))
    _status_checks(OLD)
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("claimant_consented_at", sa.DateTime(timezone=True), nullable=True)
        )
    bind.execute(
        sa.text(
            "UPDATE matches SET claimant_consented_at = (SELECT given_at FROM match_consents c "
            "WHERE c.match_id = matches.id AND c.withdrawn_at IS NULL)"
        )
    )
    with op.batch_alter_table("match_consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_consents_match_id"))
    op.drop_table("match_consents")
