"""Leak scans kept for the console: each scan's counts and its findings, masked

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "leak_scans",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("git", sa.Boolean(), nullable=False),
        sa.Column("files", sa.Integer(), nullable=False),
        sa.Column("commits", sa.Integer(), nullable=False),
        sa.Column("bytes", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("found", sa.Integer(), nullable=False),
        sa.Column("known", sa.Integer(), nullable=False),
        sa.Column("by", sa.String(length=320), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("leak_scans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_leak_scans_at"), ["at"], unique=False)

    op.create_table(
        "leak_findings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("column", sa.Integer(), nullable=False),
        sa.Column("masked", sa.String(length=80), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("commit", sa.String(length=64), nullable=False),
        sa.Column("author", sa.String(length=320), nullable=False),
        sa.Column("date", sa.String(length=40), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["scan_id"], ["leak_scans.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("leak_findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_leak_findings_fingerprint"), ["fingerprint"], unique=False)
        batch_op.create_index(batch_op.f("ix_leak_findings_scan_id"), ["scan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("leak_findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leak_findings_scan_id"))
        batch_op.drop_index(batch_op.f("ix_leak_findings_fingerprint"))

    op.drop_table("leak_findings")
    with op.batch_alter_table("leak_scans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leak_scans_at"))

    op.drop_table("leak_scans")
