"""matching state that lasts: linked concepts, shared opportunity snapshots, region run claims

Revision ID: 0012_scale
Revises: 0010_lifecycle
Create Date: 2026-12-01 01:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_scale"
down_revision: str | None = "0010_lifecycle"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "linked_concepts",
        sa.Column("linker_version", sa.String(length=80), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("uri", sa.String(length=200), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("isco", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("linker_version", "text", name=op.f("pk_linked_concepts")),
    )
    op.create_table(
        "opportunity_snapshots",
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("hash", name=op.f("pk_opportunity_snapshots")),
    )
    op.create_table(
        "opportunity_sets",
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("hash", name=op.f("pk_opportunity_sets")),
    )
    op.create_table(
        "region_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("slot", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("worker", sa.String(length=80), nullable=True),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'done', 'failed')",
            name=op.f("ck_region_runs_status_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region_runs")),
        sa.UniqueConstraint("region", "slot", name=op.f("uq_region_runs_region_slot")),
    )
    with op.batch_alter_table("matching_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("opportunity_set", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("linker_version", sa.String(length=80), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("matching_runs", schema=None) as batch_op:
        batch_op.drop_column("linker_version")
        batch_op.drop_column("opportunity_set")
    op.drop_table("region_runs")
    op.drop_table("opportunity_sets")
    op.drop_table("opportunity_snapshots")
    op.drop_table("linked_concepts")
