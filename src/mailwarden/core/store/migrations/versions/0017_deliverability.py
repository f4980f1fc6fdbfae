"""Deliverability: the sending providers' events, Google Postmaster Tools' days, the alerts sent
and the sender test inbox's graded messages

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delivery_alerts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("domain", sa.String(length=253), nullable=False),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("rate", sa.Float(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("domain", "provider", "metric", "level", "day", name="uq_delivery_alerts_key"),
    )
    op.create_table(
        "delivery_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("domain", sa.String(length=253), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("bounce", sa.String(length=8), nullable=False),
        sa.Column("smtp_code", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("received", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("provider", "event_id", name="uq_delivery_events_provider_event"),
    )
    with op.batch_alter_table("delivery_events", schema=None) as batch_op:
        batch_op.create_index("ix_delivery_events_domain_day", ["domain", "day"], unique=False)
        batch_op.create_index("ix_delivery_events_recipient", ["recipient"], unique=False)

    op.create_table(
        "postmaster_stats",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("domain", sa.String(length=253), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("spam_rate", sa.Float(), nullable=True),
        sa.Column("reputation", sa.String(length=16), nullable=False),
        sa.Column("metrics", sa.JSON(), nullable=False),
        sa.Column("compliance", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("domain", "day", name="uq_postmaster_stats_domain_day"),
    )
    op.create_table(
        "sender_checks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("sender", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("grade", sa.String(length=2), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sender_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sender_checks_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sender_checks_token"), ["token"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sender_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sender_checks_token"))
        batch_op.drop_index(batch_op.f("ix_sender_checks_at"))

    op.drop_table("sender_checks")
    op.drop_table("postmaster_stats")
    with op.batch_alter_table("delivery_events", schema=None) as batch_op:
        batch_op.drop_index("ix_delivery_events_recipient")
        batch_op.drop_index("ix_delivery_events_domain_day")

    op.drop_table("delivery_events")
    op.drop_table("delivery_alerts")
