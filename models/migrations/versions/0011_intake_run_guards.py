"""feed run read counts, expiry notes and merges; job run heartbeats; split duplicates

Revision ID: 0011_intake
Revises: 0013_trust
Create Date: 2026-12-01 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_intake"
down_revision: str | None = "0013_trust"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("feed_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("read_count", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("expiry_note", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("merges", sa.JSON(), nullable=True))
    with op.batch_alter_table("job_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("host", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("pid", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("not_duplicate_of", sa.JSON(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.drop_column("not_duplicate_of")
    with op.batch_alter_table("job_runs", schema=None) as batch_op:
        batch_op.drop_column("heartbeat_at")
        batch_op.drop_column("pid")
        batch_op.drop_column("host")
    with op.batch_alter_table("feed_runs", schema=None) as batch_op:
        batch_op.drop_column("merges")
        batch_op.drop_column("expiry_note")
        batch_op.drop_column("read_count")
