"""Staff reports: each cluster's reporters, worst verdict, top score, newest report and priority
kept on the cluster, and the triage queue's index; filled in for the clusters there are

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

import math

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

#: as reports/priority.py has them (a migration does not import the code it was written for)
ORDER = ("clean", "spam", "suspicious", "phishing", "malicious")
POINTS = {"malicious": 60.0, "phishing": 50.0, "suspicious": 30.0, "spam": 10.0, "clean": 0.0}


def upgrade() -> None:
    with op.batch_alter_table("report_clusters") as batch:
        batch.add_column(sa.Column("reporters", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("verdict_rank", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("top_score", sa.Float(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("newest_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("priority", sa.Float(), nullable=False, server_default="0"))
    op.create_index("ix_report_clusters_queue", "report_clusters", ["status", "priority", "newest_at"])
    conn = op.get_bind()
    rank = sa.case(*((sa.column("verdict") == v, i) for i, v in enumerate(ORDER)), else_=0)
    rows = conn.execute(
        sa.select(
            sa.column("cluster_id"),
            sa.func.count(),
            sa.func.count(sa.distinct(sa.column("reporter"))),
            sa.func.max(rank),
            sa.func.max(sa.column("score")),
            sa.func.max(sa.column("reported_at")),
        )
        .select_from(sa.table("reports"))
        .where(sa.column("cluster_id").is_not(None))
        .group_by(sa.column("cluster_id"))
    ).all()
    clusters = sa.table(
        "report_clusters",
        sa.column("id"),
        sa.column("size"),
        sa.column("reporters"),
        sa.column("verdict_rank"),
        sa.column("top_score"),
        sa.column("newest_at"),
        sa.column("priority"),
    )
    for cid, n, people, worst, score, newest in rows:
        verdict = ORDER[int(worst or 0)]
        priority = round(
            POINTS[verdict] + 10.0 * math.log2(max(1, int(n))) + 15.0 * math.log2(max(1, int(people))), 1
        )
        conn.execute(
            clusters.update()
            .where(clusters.c.id == cid)
            .values(
                reporters=int(people),
                verdict_rank=int(worst or 0),
                top_score=float(score or 0),
                newest_at=newest,
                priority=priority,
            )
        )


def downgrade() -> None:
    op.drop_index("ix_report_clusters_queue", table_name="report_clusters")
    with op.batch_alter_table("report_clusters") as batch:
        for name in ("priority", "newest_at", "top_score", "verdict_rank", "reporters"):
            batch.drop_column(name)
