"""indexes for the requirement table's fingerprint: occupying matches, a region's places

Revision ID: 0014_fingerprint
Revises: 0012_scale
Create Date: 2026-12-01 17:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014_fingerprint"
down_revision: str | None = "0012_scale"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_index("ix_matches_status_updated_at", "matches", ["status", "updated_at"])
    op.create_index("ix_opportunities_region_updated_at", "opportunities", ["region", "updated_at"])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_opportunities_region_updated_at", table_name="opportunities")
    op.drop_index("ix_matches_status_updated_at", table_name="matches")
