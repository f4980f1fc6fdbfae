"""DMARC aggregate and failure reports, SMTP TLS reports

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dmarc_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("feedback_type", sa.String(length=40), nullable=False),
        sa.Column("reported_domain", sa.String(length=255), nullable=False),
        sa.Column("source_ip", sa.String(length=45), nullable=False),
        sa.Column("arrival_date", sa.String(length=100), nullable=False),
        sa.Column("auth_failure", sa.String(length=100), nullable=False),
        sa.Column("identity_alignment", sa.String(length=100), nullable=False),
        sa.Column("original_mail_from", sa.String(length=255), nullable=False),
        sa.Column("dkim_domain", sa.String(length=255), nullable=False),
        sa.Column("dkim_selector", sa.String(length=255), nullable=False),
        sa.Column("delivery_result", sa.String(length=40), nullable=False),
        sa.Column("reporter", sa.String(length=300), nullable=False),
        sa.Column("original_headers", sa.JSON(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("digest", name="uq_dmarc_failures_digest"),
    )
    op.create_index(
        "ix_dmarc_failures_domain", "dmarc_failures", ["reported_domain", "created_at"], unique=False
    )
    op.create_table(
        "dmarc_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_name", sa.String(length=255), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("report_id", sa.String(length=255), nullable=False),
        sa.Column("policy_domain", sa.String(length=255), nullable=False),
        sa.Column("begin", sa.BigInteger(), nullable=False),
        sa.Column("end", sa.BigInteger(), nullable=False),
        sa.Column("policy", sa.JSON(), nullable=False),
        sa.Column("namespace", sa.String(length=100), nullable=False),
        sa.Column("generator", sa.String(length=255), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("message_count", sa.BigInteger(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("org_name", "report_id", "policy_domain", name="uq_dmarc_reports_identity"),
    )
    op.create_index(
        "ix_dmarc_reports_domain_begin", "dmarc_reports", ["policy_domain", "begin"], unique=False
    )
    op.create_table(
        "tls_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_name", sa.String(length=255), nullable=False),
        sa.Column("report_id", sa.String(length=255), nullable=False),
        sa.Column("begin", sa.BigInteger(), nullable=False),
        sa.Column("end", sa.BigInteger(), nullable=False),
        sa.Column("contact", sa.String(length=255), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("org_name", "report_id", name="uq_tls_reports_identity"),
    )
    op.create_table(
        "dmarc_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_pk", sa.Integer(), nullable=False),
        sa.Column("policy_domain", sa.String(length=255), nullable=False),
        sa.Column("begin", sa.BigInteger(), nullable=False),
        sa.Column("source_ip", sa.String(length=45), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.Column("disposition", sa.String(length=20), nullable=False),
        sa.Column("dkim_aligned", sa.Boolean(), nullable=False),
        sa.Column("spf_aligned", sa.Boolean(), nullable=False),
        sa.Column("header_from", sa.String(length=255), nullable=False),
        sa.Column("envelope_from", sa.String(length=255), nullable=False),
        sa.Column("envelope_to", sa.String(length=255), nullable=False),
        sa.Column("dkim", sa.JSON(), nullable=False),
        sa.Column("spf", sa.JSON(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["report_pk"], ["dmarc_reports.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_dmarc_records_domain_begin", "dmarc_records", ["policy_domain", "begin"], unique=False
    )
    op.create_index("ix_dmarc_records_report", "dmarc_records", ["report_pk"], unique=False)
    op.create_table(
        "tls_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_pk", sa.Integer(), nullable=False),
        sa.Column("policy_domain", sa.String(length=255), nullable=False),
        sa.Column("begin", sa.BigInteger(), nullable=False),
        sa.Column("policy_type", sa.String(length=20), nullable=False),
        sa.Column("policy_strings", sa.JSON(), nullable=False),
        sa.Column("mx_hosts", sa.JSON(), nullable=False),
        sa.Column("successful", sa.BigInteger(), nullable=False),
        sa.Column("failed", sa.BigInteger(), nullable=False),
        sa.Column("failure_details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["report_pk"], ["tls_reports.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_tls_results_domain_begin", "tls_results", ["policy_domain", "begin"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_tls_results_domain_begin", table_name="tls_results")
    op.drop_table("tls_results")
    op.drop_index("ix_dmarc_records_report", table_name="dmarc_records")
    op.drop_index("ix_dmarc_records_domain_begin", table_name="dmarc_records")
    op.drop_table("dmarc_records")
    op.drop_table("tls_reports")
    op.drop_index("ix_dmarc_reports_domain_begin", table_name="dmarc_reports")
    op.drop_table("dmarc_reports")
    op.drop_index("ix_dmarc_failures_domain", table_name="dmarc_failures")
    op.drop_table("dmarc_failures")
