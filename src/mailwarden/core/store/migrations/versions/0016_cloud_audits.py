"""Cloud audits kept for the console: each run's report and its failing resources

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cloud_audits",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("account_id", sa.String(length=32), nullable=False),
        sa.Column("partition", sa.String(length=16), nullable=False),
        sa.Column("regions", sa.JSON(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("failing", sa.Integer(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("by", sa.String(length=320), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cloud_audits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cloud_audits_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cloud_audits_at"), ["at"], unique=False)

    op.create_table(
        "cloud_audit_findings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("check", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["audit_id"], ["cloud_audits.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cloud_audit_findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cloud_audit_findings_audit_id"), ["audit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cloud_audit_findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cloud_audit_findings_audit_id"))

    op.drop_table("cloud_audit_findings")
    with op.batch_alter_table("cloud_audits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cloud_audits_at"))
        batch_op.drop_index(batch_op.f("ix_cloud_audits_account_id"))

    op.drop_table("cloud_audits")
