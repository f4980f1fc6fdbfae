"""Staff reports: reports, their shared analyses, clusters and cluster keys, the audit log of
decisions, and the API tokens report buttons post with

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_analyses",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "report_clusters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("classification", sa.String(length=20), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sender_domain", sa.String(length=255), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.Column("decided_by", sa.String(length=320), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_report_clusters_status", "report_clusters", ["status"])
    op.create_table(
        "report_cluster_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["cluster_id"], ["report_clusters.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "value", name="uq_report_cluster_keys_kind_value"),
    )
    op.create_index("ix_report_cluster_keys_cluster_id", "report_cluster_keys", ["cluster_id"])
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reporter", sa.String(length=320), nullable=False),
        sa.Column("path", sa.String(length=10), nullable=False),
        sa.Column("origin", sa.String(length=400), nullable=True),
        sa.Column("intake", sa.String(length=10), nullable=False),
        sa.Column("degraded", sa.Boolean(), nullable=False),
        sa.Column("reporter_classification", sa.String(length=20), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Text(), nullable=False),
        sa.Column("sender", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("message_received_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("analysis_key", sa.String(length=64), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("signals", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("classification", sa.String(length=20), nullable=True),
        sa.Column("simulation", sa.String(length=200), nullable=True),
        sa.Column("assignee", sa.String(length=320), nullable=True),
        sa.Column("cluster_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["analysis_key"], ["report_analyses.key"]),
        sa.UniqueConstraint("origin"),
        sa.ForeignKeyConstraint(["cluster_id"], ["report_clusters.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_reports_status", "reports", ["status"])
    op.create_index("ix_reports_reported_at", "reports", ["reported_at"])
    op.create_index("ix_reports_analysis_key", "reports", ["analysis_key"])
    op.create_index("ix_reports_cluster_id", "reports", ["cluster_id"])
    op.create_table(
        "report_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=320), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=True),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_report_audit_cluster_id", "report_audit", ["cluster_id"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )


def downgrade() -> None:
    op.drop_table("api_tokens")
    op.drop_index("ix_report_audit_cluster_id", table_name="report_audit")
    op.drop_table("report_audit")
    for name in (
        "ix_reports_cluster_id",
        "ix_reports_analysis_key",
        "ix_reports_reported_at",
        "ix_reports_status",
    ):
        op.drop_index(name, table_name="reports")
    op.drop_table("reports")
    op.drop_index("ix_report_cluster_keys_cluster_id", table_name="report_cluster_keys")
    op.drop_table("report_cluster_keys")
    op.drop_index("ix_report_clusters_status", table_name="report_clusters")
    op.drop_table("report_clusters")
    op.drop_table("report_analyses")
