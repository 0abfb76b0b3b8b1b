"""login failures counted per account name as typed (hashed)

Revision ID: 0013_trust
Revises: 0009_totp
Create Date: 2026-12-01 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_trust"
down_revision: str | None = "0009_totp"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("account_hash", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_login_failures_account_at", ["account_hash", "at"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_login_failures_account_at")
        batch_op.drop_column("account_hash")
