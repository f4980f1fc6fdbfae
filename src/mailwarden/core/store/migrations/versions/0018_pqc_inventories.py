"""The post-quantum inventories kept for the console (pqc inventory --save)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pqc_inventories",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("scope", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("assets", sa.JSON(), nullable=False),
        sa.Column("by", sa.String(length=320), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pqc_inventories", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pqc_inventories_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pqc_inventories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pqc_inventories_at"))

    op.drop_table("pqc_inventories")
