"""planned reviews: the next review date of a pathway (and of each review), kept in case_activity for
"Oggi" and the agenda; the history of edited goals

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

DEFAULT_MONTHS = 3  # app.services.settings.TODAY_REVIEW_MONTHS: the centre's interval unless it set one

TRIGGERS = [
    "CREATE TRIGGER tr_activity_pathway_due AFTER INSERT ON pathway BEGIN "
    "UPDATE case_activity SET review_due = NEW.next_review_on WHERE case_id = NEW.case_id; END",
    "CREATE TRIGGER tr_activity_pathway_due_changed AFTER UPDATE OF next_review_on, case_id ON pathway BEGIN "
    "UPDATE case_activity SET review_due = NEW.next_review_on WHERE case_id = NEW.case_id; END",
]
TRIGGER_NAMES = ["tr_activity_pathway_due", "tr_activity_pathway_due_changed"]


def _plus_months(column: str, months: int) -> str:
    """`column` + `months` in SQL, the day kept within the month (31 January + 1 month: 28 or 29
    February), as app.services.cases.pathway.add_months counts."""
    return (
        f"min(date({column}, '+{months} months'), "
        f"date({column}, 'start of month', '+{months + 1} months', '-1 day'))"
    )


def _interval(conn: sa.Connection) -> int:
    """The centre's review interval in months, as it stored it (the default if unset or unreadable)."""
    stored = conn.execute(sa.text("SELECT value FROM setting WHERE key = 'today_review_months'")).scalar()
    if stored is not None and str(stored).isdigit() and 1 <= int(stored) <= 24:
        return int(stored)
    return DEFAULT_MONTHS


def upgrade() -> None:
    # plain ALTER, never a batch rebuild: a rebuilt table would lose the triggers of migration 0009
    op.add_column("pathway", sa.Column("next_review_on", sa.Date(), nullable=True))
    op.add_column("pathway_review", sa.Column("next_review_on", sa.Date(), nullable=True))
    op.add_column("case_activity", sa.Column("review_due", sa.Date(), nullable=True))
    op.create_table(
        "goal_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_goal_version_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by"], ["operator.id"], name=op.f("fk_goal_version_replaced_by_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_version")),
    )
    op.create_index("ix_goal_version_goal_id", "goal_version", ["goal_id"])
    # existing pathways: the next review falls one interval after the last review, or the agreement
    months = _interval(op.get_bind())
    last = "max(agreed_on, coalesce((SELECT max(r.date) FROM pathway_review r WHERE r.pathway_id = pathway.id), ''))"
    op.execute(f"UPDATE pathway SET next_review_on = {_plus_months(last, months)}")
    op.execute(
        "UPDATE case_activity SET review_due = "
        "(SELECT p.next_review_on FROM pathway p WHERE p.case_id = case_activity.case_id)"
    )
    for statement in TRIGGERS:
        op.execute(statement)
    op.drop_index("ix_case_activity_review", table_name="case_activity")
    op.create_index("ix_case_activity_review_due", "case_activity", ["status", "review_due", "desk_id"])
    op.execute("ANALYZE case_activity")


def downgrade() -> None:
    op.drop_index("ix_case_activity_review_due", table_name="case_activity")
    op.create_index("ix_case_activity_review", "case_activity", ["status", "review_from", "desk_id"])
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_goal_version_goal_id", table_name="goal_version")
    op.drop_table("goal_version")
    op.drop_column("case_activity", "review_due")
    op.drop_column("pathway_review", "next_review_on")
    op.drop_column("pathway", "next_review_on")
