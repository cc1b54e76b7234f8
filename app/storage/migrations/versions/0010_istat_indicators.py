"""ISTAT survey fields: help sought before, the perpetrators, the police report's steps, the structure

Revision ID: 0010
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INTAKE_CODES = (
    ("perpetrator_sex", 2),
    ("perpetrator_age", 10),
    ("perpetrator_citizenship", 10),
    ("perpetrator_weapons", 2),
    ("perpetrator_alcohol", 2),
    ("perpetrator_drugs", 2),
    ("perpetrator_prior_violence", 2),
)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN (no batch rebuild), as in 0008: intake keeps its indexes untouched.
    op.add_column("intake", sa.Column("help_sought", sa.String(200), nullable=False, server_default=""))
    op.add_column("intake", sa.Column("perpetrators_count", sa.Integer(), nullable=True))
    for name, length in INTAKE_CODES:
        op.add_column("intake", sa.Column(name, sa.String(length), nullable=False, server_default="ND"))
    op.create_table(
        "police_report_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("case_file.id", ondelete="CASCADE"), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("operator_id", sa.Integer(), sa.ForeignKey("operator.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_police_report_event_case_date", "police_report_event", ["case_id", "date"])
    op.create_table(
        "structure_value",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "help_desk_id", sa.Integer(), sa.ForeignKey("help_desk.id", ondelete="CASCADE"), nullable=True
        ),
        sa.Column("item", sa.String(60), nullable=False),
        sa.Column("value", sa.String(300), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("operator_id", sa.Integer(), sa.ForeignKey("operator.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_structure_value_item", "structure_value", ["item", "help_desk_id", "valid_from"])
    op.create_index("ix_case_file_in_charge", "case_file", ["taken_in_charge_on"])


def downgrade() -> None:
    op.drop_index("ix_case_file_in_charge", "case_file")
    op.drop_index("ix_structure_value_item", "structure_value")
    op.drop_table("structure_value")
    op.drop_index("ix_police_report_event_case_date", "police_report_event")
    op.drop_table("police_report_event")
    for name, _ in reversed(INTAKE_CODES):
        op.execute(f"ALTER TABLE intake DROP COLUMN {name}")
    op.execute("ALTER TABLE intake DROP COLUMN perpetrators_count")
    op.execute("ALTER TABLE intake DROP COLUMN help_sought")
