"""Jobs on the distributed queue (mailwarden worker): a survey's rows stored once per position,
and the runs of the other job kinds with their items, each stored once per (run, item)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A survey row is stored once per position: a chunk retried after its worker was killed
    # writes what is missing and nothing twice. Older duplicates (none are written, but a
    # database may hold some) keep their first row.
    op.execute(
        "DELETE FROM survey_results WHERE id NOT IN"
        " (SELECT MIN(id) FROM survey_results GROUP BY survey_id, position)"
    )
    with op.batch_alter_table("survey_results", schema=None) as batch_op:
        batch_op.drop_index("ix_survey_results_survey_position")
        batch_op.create_index("ux_survey_results_survey_position", ["survey_id", "position"], unique=True)
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chunks", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True))

    op.create_table(
        "job_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("job_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_runs_created_at"), ["created_at"], unique=False)
    op.create_table(
        "job_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=1024), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("worker", sa.String(length=255), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["job_runs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("run_id", "item", name="ux_job_items_run_item"),
    )


def downgrade() -> None:
    op.drop_table("job_items")
    with op.batch_alter_table("job_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_runs_created_at"))
    op.drop_table("job_runs")
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.drop_column("finished_at")
        batch_op.drop_column("chunks")
    with op.batch_alter_table("survey_results", schema=None) as batch_op:
        batch_op.drop_index("ux_survey_results_survey_position")
        batch_op.create_index("ix_survey_results_survey_position", ["survey_id", "position"], unique=False)
