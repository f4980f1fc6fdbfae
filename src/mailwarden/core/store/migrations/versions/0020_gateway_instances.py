"""Several gateways: the shared index of held and delayed messages (each message stays in its
gateway's spool) with the decision asked for, and the policy versions the gateways share

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gateway_queue",
        sa.Column("spool_id", sa.String(length=40), nullable=False),
        sa.Column("instance", sa.String(length=255), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sender", sa.String(length=320), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=True),
        sa.Column("requested_by", sa.String(length=320), nullable=True),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("spool_id"),
    )
    with op.batch_alter_table("gateway_queue", schema=None) as batch_op:
        batch_op.create_index("ix_gateway_queue_instance", ["instance"], unique=False)
    op.create_table(
        "gateway_policies",
        sa.Column("version", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pushed_by", sa.String(length=320), nullable=False),
        sa.Column("pushed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("version"),
    )


def downgrade() -> None:
    op.drop_table("gateway_policies")
    with op.batch_alter_table("gateway_queue", schema=None) as batch_op:
        batch_op.drop_index("ix_gateway_queue_instance")
    op.drop_table("gateway_queue")
