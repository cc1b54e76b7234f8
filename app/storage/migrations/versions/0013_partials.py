"""partial aggregates received from the centre's other installations, until their period is final

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partial_aggregate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=128), nullable=False),
        sa.Column("period_code", sa.String(length=30), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=True),
        sa.Column("desks", sa.String(length=4000), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("waived_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["waived_by"], ["operator.id"], name=op.f("fk_partial_aggregate_waived_by_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partial_aggregate")),
        sa.UniqueConstraint("source", "period_code", name="uq_partial_aggregate_source_period"),
    )


def downgrade() -> None:
    op.drop_table("partial_aggregate")
