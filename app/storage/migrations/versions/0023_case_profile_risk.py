"""case_profile keeps each case's latest risk assessment (date and level) too, filled, kept by triggers

Revision ID: 0023
Revises: 0022

Why: the profile (app/reports/indicators/profile.py) looked up every active woman's latest risk
assessment up to the period's end with a correlated subquery, in the interviews' manner before 0019:
about 29,000 index searches for a year at full scale. The row now holds the latest assessment (by date,
then id, as the indicators order them) and its date, so a period ending on or after that date reads the
level there and only the others look it up. The triggers recompute it from the case's assessments
whenever one is inserted, changed or deleted; a deleted case takes its row with it. The index serves the
women a past period must look up (assessed after its end), as ix_case_profile_intake does for interviews.
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

INDEX = "ix_case_profile_risk"


def _latest(case_id: str) -> str:
    """Set the risk fields of the case's row to its latest assessment's (by date, then id), or NULL."""
    return (
        "UPDATE case_profile SET (risk_on, risk_level) = (SELECT date, level FROM risk_assessment "
        f"WHERE case_id = {case_id} ORDER BY date DESC, id DESC LIMIT 1) WHERE case_id = {case_id};"
    )


TRIGGERS = {
    "tr_profile_risk": "CREATE TRIGGER tr_profile_risk AFTER INSERT ON risk_assessment BEGIN "
    + _latest("NEW.case_id")
    + " END",
    "tr_profile_risk_changed": (
        "CREATE TRIGGER tr_profile_risk_changed AFTER UPDATE OF id, case_id, date, level ON risk_assessment "
        "BEGIN " + _latest("OLD.case_id") + " " + _latest("NEW.case_id") + " END"
    ),
    "tr_profile_risk_deleted": "CREATE TRIGGER tr_profile_risk_deleted AFTER DELETE ON risk_assessment BEGIN "
    + _latest("OLD.case_id")
    + " END",
}

BACKFILL = (
    "UPDATE case_profile SET (risk_on, risk_level) = (SELECT r.date, r.level FROM risk_assessment r "
    "WHERE r.case_id = case_profile.case_id ORDER BY r.date DESC, r.id DESC LIMIT 1) "
    "WHERE case_id IN (SELECT case_id FROM risk_assessment)"  # the others stay NULL: never assessed
)


def upgrade() -> None:
    op.add_column("case_profile", sa.Column("risk_on", sa.Date(), nullable=True))
    op.add_column("case_profile", sa.Column("risk_level", sa.String(length=10), nullable=True))
    op.execute(BACKFILL)
    for statement in TRIGGERS.values():
        op.execute(statement)
    op.create_index(INDEX, "case_profile", ["risk_on", "desk_id", "opened_on", "closed_on"])
    op.execute(sa.text("ANALYZE case_profile"))  # the planner needs the new index's statistics


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index(INDEX, table_name="case_profile")
    op.drop_column("case_profile", "risk_level")
    op.drop_column("case_profile", "risk_on")
