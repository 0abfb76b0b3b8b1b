"""matching runs

Revision ID: 0008_runs
Revises: 0007_privacy
Create Date: 2026-11-22 19:04:55.399032
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_runs"
down_revision: str | None = "0007_privacy"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""

    op.create_table(
        "matching_runs",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_by_id", sa.Integer(), nullable=True),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("model_version", sa.String(length=40), nullable=False),
        sa.Column("model_hash", sa.String(length=64), nullable=False),
        sa.Column("input_hash", sa.String(length=64), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["group_sessions.id"],
            name=op.f("fk_matching_runs_session_id_group_sessions"),
        ),
        sa.ForeignKeyConstraint(
            ["started_by_id"], ["users.id"], name=op.f("fk_matching_runs_started_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matching_runs")),
    )


def downgrade() -> None:
    """Revert this revision."""

    op.drop_table("matching_runs")
