"""appointments (the next meeting with her), and the indexes the "Oggi" page reads through

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appointment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("help_desk_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("time", sa.String(length=5), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["help_desk_id"], ["help_desk.id"]),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"]),
        sa.ForeignKeyConstraint(["created_by"], ["operator.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_appointment_day_desk",
        "appointment",
        ["date", "help_desk_id", "time"],
        sqlite_where=sa.text("status = 'PROGRAMMATO'"),
    )
    op.create_index("ix_appointment_case", "appointment", ["case_id", "date"])
    # plain CREATE INDEX, not a batch rebuild: a rebuild would lose contact's other indexes' options
    op.create_index("ix_contact_case_date", "contact", ["case_id", "date"])
    op.execute("ANALYZE contact")


def downgrade() -> None:
    op.drop_index("ix_contact_case_date", table_name="contact")
    op.drop_index("ix_appointment_case", table_name="appointment")
    op.drop_index("ix_appointment_day_desk", table_name="appointment")
    op.drop_table("appointment")
