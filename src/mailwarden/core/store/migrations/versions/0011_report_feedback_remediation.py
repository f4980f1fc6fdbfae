"""Staff reports: the feedback outbox and the remediation log

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("report_id", "kind", name="uq_report_feedback_report_kind"),
    )
    op.create_index("ix_report_feedback_due", "report_feedback", ["status", "next_attempt_at"])
    op.create_table(
        "report_remediations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run", sa.String(length=32), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=320), nullable=False),
        sa.Column("mailbox", sa.String(length=320), nullable=False),
        sa.Column("folder", sa.String(length=255), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("uid", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.Text(), nullable=False),
        sa.Column("matched_by", sa.String(length=12), nullable=False),
        sa.Column("quarantine", sa.String(length=255), nullable=False),
        sa.Column("new_uidvalidity", sa.BigInteger(), nullable=True),
        sa.Column("new_uid", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("restored_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_report_remediations_run", "report_remediations", ["run"])
    op.create_index("ix_report_remediations_cluster", "report_remediations", ["cluster_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_report_remediations_cluster", table_name="report_remediations")
    op.drop_index("ix_report_remediations_run", table_name="report_remediations")
    op.drop_table("report_remediations")
    op.drop_index("ix_report_feedback_due", table_name="report_feedback")
    op.drop_table("report_feedback")
