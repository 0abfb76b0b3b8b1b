"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 18:39:15.157689
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""

    op.create_table(
        "covenants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_covenants")),
        sa.UniqueConstraint("name", name=op.f("uq_covenants_name")),
    )
    op.create_table(
        "employers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=True),
        sa.Column("postcode", sa.String(length=7), nullable=True),
        sa.Column("covenant_member", sa.Boolean(), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employers")),
    )
    with op.batch_alter_table("employers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_employers_region"), ["region"], unique=False)

    op.create_table(
        "feed_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("full_feed", sa.Boolean(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('jsonld', 'sitemap', 'rss', 'csv', 'jsonl', 'upload')",
            name=op.f("ck_feed_sources_kind_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_feed_sources_name")),
    )
    op.create_table(
        "job_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job", sa.String(length=60), nullable=False),
        sa.Column("slot", sa.String(length=40), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('running', 'ok', 'aborted', 'failed')",
            name=op.f("ck_job_runs_status_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_runs")),
        sa.UniqueConstraint("job", "slot", name=op.f("uq_job_runs_job_slot")),
    )
    op.create_table(
        "ranker_models",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("params_hash", sa.String(length=64), nullable=False),
        sa.Column("metrics", sa.JSON(), nullable=False),
        sa.Column("trained_on", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ranker_models")),
        sa.UniqueConstraint("version", name=op.f("uq_ranker_models_version")),
    )
    op.create_table(
        "feed_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("fetched", sa.Integer(), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("duplicate", sa.Integer(), nullable=False),
        sa.Column("expired", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "status IN ('running', 'ok', 'aborted', 'failed')",
            name=op.f("ck_feed_runs_status_known"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["feed_sources.id"], name=op.f("fk_feed_runs_source_id_feed_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_runs")),
    )
    with op.batch_alter_table("feed_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feed_runs_source_id"), ["source_id"], unique=False)

    op.create_table(
        "opportunities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("employer_name", sa.String(length=200), nullable=True),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("postcode", sa.String(length=7), nullable=True),
        sa.Column("municipality", sa.String(length=80), nullable=True),
        sa.Column("hours_min", sa.Integer(), nullable=True),
        sa.Column("hours_max", sa.Integer(), nullable=True),
        sa.Column("requires_driving_licence", sa.Boolean(), nullable=False),
        sa.Column("education_level", sa.String(length=12), nullable=True),
        sa.Column("dutch_level", sa.String(length=2), nullable=True),
        sa.Column("physical_demands", sa.JSON(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("posted_on", sa.Date(), nullable=True),
        sa.Column("closes_on", sa.Date(), nullable=True),
        sa.Column("esco_uri", sa.String(length=120), nullable=True),
        sa.Column("esco_label", sa.String(length=300), nullable=True),
        sa.Column("wage_cost_subsidy", sa.Boolean(), nullable=False),
        sa.Column("job_coaching", sa.Boolean(), nullable=False),
        sa.Column("trial_placement", sa.Boolean(), nullable=False),
        sa.Column("secondment", sa.Boolean(), nullable=False),
        sa.Column("sheltered_work", sa.Boolean(), nullable=False),
        sa.Column("jobs_agreement_register", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("status_reason", sa.String(length=200), nullable=True),
        sa.Column("duplicate_of_id", sa.Integer(), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("missed_runs", sa.Integer(), nullable=False),
        sa.Column("raw", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "dutch_level IS NULL OR dutch_level IN ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')",
            name=op.f("ck_opportunities_dutch_level_known"),
        ),
        sa.CheckConstraint(
            "education_level IS NULL OR education_level IN ('geen', 'vmbo', 'mbo1', 'mbo2', 'mbo3', 'mbo4', 'havo_vwo', 'hbo', 'wo')",
            name=op.f("ck_opportunities_education_level_known"),
        ),
        sa.CheckConstraint(
            "kind IN ('vacancy', 'placement', 'coaching', 'day_activity')",
            name=op.f("ck_opportunities_kind_known"),
        ),
        sa.CheckConstraint(
            "status IN ('open', 'filled', 'expired', 'duplicate', 'withdrawn')",
            name=op.f("ck_opportunities_status_known"),
        ),
        sa.CheckConstraint("capacity >= 0", name=op.f("ck_opportunities_capacity_not_negative")),
        sa.CheckConstraint(
            "hours_min IS NULL OR hours_max IS NULL OR hours_min <= hours_max",
            name=op.f("ck_opportunities_hours_min_le_max"),
        ),
        sa.CheckConstraint(
            "hours_min IS NULL OR hours_min >= 0",
            name=op.f("ck_opportunities_hours_min_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["duplicate_of_id"],
            ["opportunities.id"],
            name=op.f("fk_opportunities_duplicate_of_id_opportunities"),
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employers.id"], name=op.f("fk_opportunities_employer_id_employers")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["feed_sources.id"], name=op.f("fk_opportunities_source_id_feed_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunities")),
        sa.UniqueConstraint(
            "source_id", "external_id", name=op.f("uq_opportunities_source_id_external_id")
        ),
    )
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunities_employer_id"), ["employer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_opportunities_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_opportunities_region"), ["region"], unique=False)
        batch_op.create_index(batch_op.f("ix_opportunities_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_opportunities_status"), ["status"], unique=False)

    op.create_table(
        "pledges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("covenant_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("placements", sa.Integer(), nullable=False),
        sa.CheckConstraint("placements >= 0", name=op.f("ck_pledges_placements_not_negative")),
        sa.ForeignKeyConstraint(
            ["covenant_id"],
            ["covenants.id"],
            name=op.f("fk_pledges_covenant_id_covenants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employers.id"],
            name=op.f("fk_pledges_employer_id_employers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pledges")),
        sa.UniqueConstraint(
            "covenant_id",
            "employer_id",
            "year",
            name=op.f("uq_pledges_covenant_id_employer_id_year"),
        ),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("totp_secret", sa.String(length=64), nullable=True),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "role != 'employer' OR employer_id IS NOT NULL",
            name=op.f("ck_users_employer_user_has_employer"),
        ),
        sa.CheckConstraint(
            "role IN ('admin', 'mediator', 'employer', 'claimant')",
            name=op.f("ck_users_role_known"),
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employers.id"], name=op.f("fk_users_employer_id_employers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_employer_id"), ["employer_id"], unique=False)

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_role", sa.String(length=10), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_audit_events_actor_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_object_id"), ["object_id"], unique=False)

    op.create_table(
        "claimants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_number", sa.String(length=32), nullable=False),
        sa.Column("bsn", sa.String(length=9), nullable=True),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("first_name", sa.String(length=80), nullable=False),
        sa.Column("last_name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("postcode", sa.String(length=7), nullable=True),
        sa.Column("municipality", sa.String(length=80), nullable=True),
        sa.Column("max_travel_km", sa.Double(), nullable=True),
        sa.Column("hours_per_week", sa.Integer(), nullable=True),
        sa.Column("driving_licence", sa.Boolean(), nullable=True),
        sa.Column("ladder_step", sa.Integer(), nullable=False),
        sa.Column("education_level", sa.String(length=12), nullable=True),
        sa.Column("dutch_level", sa.String(length=2), nullable=True),
        sa.Column("desired_occupations", sa.JSON(), nullable=False),
        sa.Column("work_history", sa.JSON(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("restrictions", sa.JSON(), nullable=False),
        sa.Column("allowed_kinds", sa.JSON(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("monitoring", sa.JSON(), nullable=False),
        sa.Column("intake_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("digest_opt_out", sa.Boolean(), nullable=False),
        sa.Column("mediator_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "dutch_level IS NULL OR dutch_level IN ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')",
            name=op.f("ck_claimants_dutch_level_known"),
        ),
        sa.CheckConstraint(
            "education_level IS NULL OR education_level IN ('geen', 'vmbo', 'mbo1', 'mbo2', 'mbo3', 'mbo4', 'havo_vwo', 'hbo', 'wo')",
            name=op.f("ck_claimants_education_level_known"),
        ),
        sa.CheckConstraint(
            "status IN ('active', 'outflow', 'ended')", name=op.f("ck_claimants_status_known")
        ),
        sa.CheckConstraint(
            "hours_per_week IS NULL OR hours_per_week BETWEEN 0 AND 60",
            name=op.f("ck_claimants_hours_0_to_60"),
        ),
        sa.CheckConstraint(
            "ladder_step BETWEEN 1 AND 6", name=op.f("ck_claimants_ladder_step_1_to_6")
        ),
        sa.CheckConstraint(
            "max_travel_km IS NULL OR max_travel_km >= 0",
            name=op.f("ck_claimants_travel_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["mediator_id"], ["users.id"], name=op.f("fk_claimants_mediator_id_users")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_claimants_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claimants")),
        sa.UniqueConstraint("client_number", name=op.f("uq_claimants_client_number")),
        sa.UniqueConstraint("user_id", name=op.f("uq_claimants_user_id")),
    )
    with op.batch_alter_table("claimants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claimants_mediator_id"), ["mediator_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claimants_region"), ["region"], unique=False)

    op.create_table(
        "group_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("mediator_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=True),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('planned', 'held', 'cancelled')",
            name=op.f("ck_group_sessions_status_known"),
        ),
        sa.CheckConstraint("seats >= 0", name=op.f("ck_group_sessions_seats_not_negative")),
        sa.ForeignKeyConstraint(
            ["mediator_id"], ["users.id"], name=op.f("fk_group_sessions_mediator_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_sessions")),
    )
    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_group_sessions_mediator_id"), ["mediator_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_group_sessions_region"), ["region"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_group_sessions_starts_at"), ["starts_at"], unique=False
        )

    op.create_table(
        "ladder_step_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claimant_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("from_step", sa.Integer(), nullable=True),
        sa.Column("to_step", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "from_step IS NULL OR from_step BETWEEN 1 AND 6",
            name=op.f("ck_ladder_step_changes_from_step_1_to_6"),
        ),
        sa.CheckConstraint(
            "to_step BETWEEN 1 AND 6", name=op.f("ck_ladder_step_changes_to_step_1_to_6")
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_ladder_step_changes_actor_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["claimant_id"],
            ["claimants.id"],
            name=op.f("fk_ladder_step_changes_claimant_id_claimants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ladder_step_changes")),
    )
    with op.batch_alter_table("ladder_step_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ladder_step_changes_claimant_id"), ["claimant_id"], unique=False
        )

    op.create_table(
        "matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claimant_id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("run_id", sa.String(length=40), nullable=True),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimant_consented_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("released_to_employer_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('proposed', 'discussed', 'interested', 'applied', 'interview', 'placed', 'declined', 'rejected')",
            name=op.f("ck_matches_status_known"),
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_id"], ["users.id"], name=op.f("fk_matches_approved_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["claimant_id"],
            ["claimants.id"],
            name=op.f("fk_matches_claimant_id_claimants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_matches_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["group_sessions.id"], name=op.f("fk_matches_session_id_group_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matches")),
        sa.UniqueConstraint(
            "claimant_id", "opportunity_id", name=op.f("uq_matches_claimant_id_opportunity_id")
        ),
    )
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_matches_claimant_id"), ["claimant_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_matches_opportunity_id"), ["opportunity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_matches_run_id"), ["run_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_matches_session_id"), ["session_id"], unique=False)

    op.create_table(
        "session_attendances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("claimant_id", sa.Integer(), nullable=False),
        sa.Column("invited_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["claimant_id"],
            ["claimants.id"],
            name=op.f("fk_session_attendances_claimant_id_claimants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["group_sessions.id"],
            name=op.f("fk_session_attendances_session_id_group_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_attendances")),
        sa.UniqueConstraint(
            "session_id", "claimant_id", name=op.f("uq_session_attendances_session_id_claimant_id")
        ),
    )
    with op.batch_alter_table("session_attendances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_attendances_claimant_id"), ["claimant_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_session_attendances_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "match_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("from_status", sa.String(length=10), nullable=True),
        sa.Column("to_status", sa.String(length=10), nullable=False),
        sa.Column("reason_code", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "from_status IS NULL OR from_status IN ('proposed', 'discussed', 'interested', 'applied', 'interview', 'placed', 'declined', 'rejected')",
            name=op.f("ck_match_status_changes_from_status_known"),
        ),
        sa.CheckConstraint(
            "to_status IN ('proposed', 'discussed', 'interested', 'applied', 'interview', 'placed', 'declined', 'rejected')",
            name=op.f("ck_match_status_changes_to_status_known"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_match_status_changes_actor_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["matches.id"],
            name=op.f("fk_match_status_changes_match_id_matches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_status_changes")),
    )
    with op.batch_alter_table("match_status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_match_status_changes_match_id"), ["match_id"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""

    with op.batch_alter_table("match_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_status_changes_match_id"))

    op.drop_table("match_status_changes")
    with op.batch_alter_table("session_attendances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_attendances_session_id"))
        batch_op.drop_index(batch_op.f("ix_session_attendances_claimant_id"))

    op.drop_table("session_attendances")
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_matches_session_id"))
        batch_op.drop_index(batch_op.f("ix_matches_run_id"))
        batch_op.drop_index(batch_op.f("ix_matches_opportunity_id"))
        batch_op.drop_index(batch_op.f("ix_matches_claimant_id"))

    op.drop_table("matches")
    with op.batch_alter_table("ladder_step_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ladder_step_changes_claimant_id"))

    op.drop_table("ladder_step_changes")
    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_sessions_starts_at"))
        batch_op.drop_index(batch_op.f("ix_group_sessions_region"))
        batch_op.drop_index(batch_op.f("ix_group_sessions_mediator_id"))

    op.drop_table("group_sessions")
    with op.batch_alter_table("claimants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claimants_region"))
        batch_op.drop_index(batch_op.f("ix_claimants_mediator_id"))

    op.drop_table("claimants")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_object_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_at"))

    op.drop_table("audit_events")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_employer_id"))

    op.drop_table("users")
    op.drop_table("pledges")
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunities_status"))
        batch_op.drop_index(batch_op.f("ix_opportunities_source_id"))
        batch_op.drop_index(batch_op.f("ix_opportunities_region"))
        batch_op.drop_index(batch_op.f("ix_opportunities_kind"))
        batch_op.drop_index(batch_op.f("ix_opportunities_employer_id"))

    op.drop_table("opportunities")
    with op.batch_alter_table("feed_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feed_runs_source_id"))

    op.drop_table("feed_runs")
    op.drop_table("ranker_models")
    op.drop_table("job_runs")
    op.drop_table("feed_sources")
    with op.batch_alter_table("employers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employers_region"))

    op.drop_table("employers")
    op.drop_table("covenants")
