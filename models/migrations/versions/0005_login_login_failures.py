"""login failures

Revision ID: 0005_login
Revises: 0004_digest
Create Date: 2026-11-22 18:56:26.206114
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_login"
down_revision: str | None = "0004_digest"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""

    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("origin_hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_login_failures_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.create_index("ix_login_failures_origin_at", ["origin_hash", "at"], unique=False)
        batch_op.create_index("ix_login_failures_user_at", ["user_id", "at"], unique=False)


def downgrade() -> None:
    """Revert this revision."""

    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_login_failures_user_at")
        batch_op.drop_index("ix_login_failures_origin_at")

    op.drop_table("login_failures")
