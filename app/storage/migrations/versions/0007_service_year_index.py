"""services indexed by year, type, mode and woman (streams the service indicators' GROUP BY)

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_delivery", schema=None) as batch_op:
        batch_op.drop_index("ix_service_delivery_date")
        batch_op.create_index(
            "ix_service_delivery_year",
            [
                sa.text("substr(date, 1, 4)"),
                "service_type",
                "mode",
                "case_id",
                "minutes",
                "help_desk_id",
                "date",
            ],
            unique=False,
        )
    op.execute("ANALYZE service_delivery")  # the planner needs statistics to choose the new index


def downgrade() -> None:
    with op.batch_alter_table("service_delivery", schema=None) as batch_op:
        batch_op.drop_index("ix_service_delivery_year")
        batch_op.create_index(
            "ix_service_delivery_date",
            ["date", "help_desk_id", "service_type", "mode", "minutes", "case_id"],
            unique=False,
        )
