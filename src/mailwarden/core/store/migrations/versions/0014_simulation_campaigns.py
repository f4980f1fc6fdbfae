"""Phishing simulations: sending profiles, campaigns, recipients, raw tracking hits, training
assignments, surveys, webhooks; reports indexed by the simulation they name

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sim_profiles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relay", sa.String(length=300), nullable=False),
        sa.Column("security", sa.String(length=10), nullable=False),
        sa.Column("username", sa.String(length=320), nullable=False),
        sa.Column("password_env", sa.String(length=100), nullable=False),
        sa.Column("mail_from", sa.String(length=320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "sim_webhooks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("secret", sa.String(length=100), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sim_campaigns",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("template", sa.String(length=64), nullable=False),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("send_by", sa.DateTime(timezone=True), nullable=True),
        sa.Column("contact", sa.String(length=320), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("base_url", sa.String(length=300), nullable=False),
        sa.Column("training_after", sa.String(length=8), nullable=False),
        sa.Column("survey", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["profile_id"], ["sim_profiles.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sim_campaigns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sim_campaigns_profile_id"), ["profile_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sim_campaigns_status"), ["status"], unique=False)

    op.create_table(
        "sim_webhook_deliveries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("webhook_id", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["webhook_id"], ["sim_webhooks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sim_webhook_deliveries", schema=None) as batch_op:
        batch_op.create_index("ix_sim_webhook_deliveries_due", ["status", "next_at"], unique=False)

    op.create_table(
        "sim_assignments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["campaign_id"], ["sim_campaigns.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["target_id"], ["sim_targets.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sim_assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sim_assignments_target_id"), ["target_id"], unique=False)

    op.create_table(
        "sim_recipients",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("manager", sa.String(length=320), nullable=False),
        sa.Column("token", sa.String(length=22), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("trained_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("quiz_score", sa.Integer(), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["campaign_id"], ["sim_campaigns.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["target_id"], ["sim_targets.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("campaign_id", "target_id", name="uq_sim_recipients_campaign_target"),
        sa.UniqueConstraint("token"),
    )
    with op.batch_alter_table("sim_recipients", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sim_recipients_campaign_id"), ["campaign_id"], unique=False)
        batch_op.create_index("ix_sim_recipients_due", ["status", "due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sim_recipients_target_id"), ["target_id"], unique=False)

    op.create_table(
        "sim_hits",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("since_delivery", sa.Float(), nullable=True),
        sa.Column("ip", sa.String(length=45), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("user_agent", sa.String(length=500), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("human", sa.Boolean(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["sim_campaigns.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["recipient_id"], ["sim_recipients.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sim_hits", schema=None) as batch_op:
        batch_op.create_index("ix_sim_hits_campaign_at", ["campaign_id", "at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sim_hits_recipient_id"), ["recipient_id"], unique=False)

    op.create_table(
        "sim_surveys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["recipient_id"], ["sim_recipients.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("recipient_id"),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reports_simulation"), ["simulation"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reports_simulation"))

    op.drop_table("sim_surveys")
    with op.batch_alter_table("sim_hits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sim_hits_recipient_id"))
        batch_op.drop_index("ix_sim_hits_campaign_at")

    op.drop_table("sim_hits")
    with op.batch_alter_table("sim_recipients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sim_recipients_target_id"))
        batch_op.drop_index("ix_sim_recipients_due")
        batch_op.drop_index(batch_op.f("ix_sim_recipients_campaign_id"))

    op.drop_table("sim_recipients")
    with op.batch_alter_table("sim_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sim_assignments_target_id"))

    op.drop_table("sim_assignments")
    with op.batch_alter_table("sim_webhook_deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_sim_webhook_deliveries_due")

    op.drop_table("sim_webhook_deliveries")
    with op.batch_alter_table("sim_campaigns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sim_campaigns_status"))
        batch_op.drop_index(batch_op.f("ix_sim_campaigns_profile_id"))

    op.drop_table("sim_campaigns")
    op.drop_table("sim_webhooks")
    op.drop_table("sim_profiles")
