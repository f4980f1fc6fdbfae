"""DMARC report identity includes the period: a reused report id for another range is a new report

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dmarc_reports") as batch:
        batch.drop_constraint("uq_dmarc_reports_identity", type_="unique")
        batch.create_unique_constraint(
            "uq_dmarc_reports_identity", ["org_name", "report_id", "policy_domain", "begin", "end"]
        )


def downgrade() -> None:
    with op.batch_alter_table("dmarc_reports") as batch:
        batch.drop_constraint("uq_dmarc_reports_identity", type_="unique")
        batch.create_unique_constraint(
            "uq_dmarc_reports_identity", ["org_name", "report_id", "policy_domain"]
        )
