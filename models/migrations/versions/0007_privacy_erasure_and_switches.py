"""erasure and switches

Revision ID: 0007_privacy
Revises: 0006_sessions
Create Date: 2026-11-22 19:02:54.330172
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_privacy"
down_revision: str | None = "0006_sessions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""

    op.create_table(
        "system_flags",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["changed_by_id"], ["users.id"], name=op.f("fk_system_flags_changed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_system_flags")),
    )
    with op.batch_alter_table("claimants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Revert this revision."""

    with op.batch_alter_table("claimants", schema=None) as batch_op:
        batch_op.drop_column("erased_at")

    op.drop_table("system_flags")
