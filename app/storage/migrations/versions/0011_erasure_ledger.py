"""the erasure ledger's mirror: erasures, withdrawals and revocations that a restore re-applies

Revision ID: 0011
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasure_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_ledger")),
        sa.UniqueConstraint("line", name=op.f("uq_erasure_ledger_line")),
    )


def downgrade() -> None:
    op.drop_table("erasure_ledger")
