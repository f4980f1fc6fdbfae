"""Phishing simulations: the organisation's domains (verified by DNS TXT token), groups and targets

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sim_domains",
        sa.Column("domain", sa.String(253), primary_key=True),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "sim_groups",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
    )
    op.create_table(
        "sim_targets",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.String(320), nullable=False, unique=True),
        sa.Column(
            "group_id",
            sa.Integer(),
            sa.ForeignKey("sim_groups.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("manager", sa.String(320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_sim_targets_group_id", "sim_targets", ["group_id"])


def downgrade() -> None:
    op.drop_index("ix_sim_targets_group_id", "sim_targets")
    op.drop_table("sim_targets")
    op.drop_table("sim_groups")
    op.drop_table("sim_domains")
