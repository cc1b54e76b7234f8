"""case_profile: each case's profile fields and latest interview in one short row, filled, kept by triggers

Revision ID: 0019
Revises: 0018

Why: app.models.cases.CaseProfile. The lists of columns are written out here (a migration is frozen);
tests/test_case_profile.py checks them against the model and the table against the interviews.
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

CASE_FIELDS = [
    "statistics_allowed", "opened_on", "closed_on", "record_key", "birth_year", "country", "education",
    "employment", "marital_status", "cohabitation", "has_children", "minors_count", "minors_witnessed",
    "minors_suffered",
]  # fmt: skip
INTAKE_FIELDS = [
    "access_channel", "first_contact_mode", "violence_forms", "relationship_code", "violence_duration",
    "police_report", "measures_requested", "measures_obtained", "emergency",
]  # fmt: skip


def _latest(case_id: str) -> str:
    """Set the interview fields of the case's row to its latest interview's (by date, then id), or NULL."""
    fields = ", ".join(["intake_on", *INTAKE_FIELDS])
    values = ", ".join(["date", *INTAKE_FIELDS])
    return (
        f"UPDATE case_profile SET ({fields}) = (SELECT {values} FROM intake WHERE case_id = {case_id} "
        f"ORDER BY date DESC, id DESC LIMIT 1) WHERE case_id = {case_id};"
    )


_INSERT_CASE = (
    f"INSERT INTO case_profile (case_id, desk_id, {', '.join(CASE_FIELDS)}) "
    f"VALUES (NEW.id, NEW.help_desk_id, {', '.join('NEW.' + f for f in CASE_FIELDS)}); "
)
_CASE_CHANGED = ", ".join(f"{f} = NEW.{f}" for f in CASE_FIELDS)

TRIGGERS = {
    "tr_profile_case": f"CREATE TRIGGER tr_profile_case AFTER INSERT ON case_file BEGIN {_INSERT_CASE}"
    + _latest("NEW.id")
    + " END",
    "tr_profile_case_changed": (
        f"CREATE TRIGGER tr_profile_case_changed AFTER UPDATE OF id, help_desk_id, {', '.join(CASE_FIELDS)} "
        f"ON case_file BEGIN UPDATE case_profile SET case_id = NEW.id, desk_id = NEW.help_desk_id, "
        f"{_CASE_CHANGED} WHERE case_id = OLD.id; END"
    ),
    "tr_profile_intake": "CREATE TRIGGER tr_profile_intake AFTER INSERT ON intake BEGIN "
    + _latest("NEW.case_id")
    + " END",
    "tr_profile_intake_changed": (
        f"CREATE TRIGGER tr_profile_intake_changed AFTER UPDATE OF id, case_id, date, {', '.join(INTAKE_FIELDS)} "
        "ON intake BEGIN " + _latest("OLD.case_id") + " " + _latest("NEW.case_id") + " END"
    ),
    "tr_profile_intake_deleted": "CREATE TRIGGER tr_profile_intake_deleted AFTER DELETE ON intake BEGIN "
    + _latest("OLD.case_id")
    + " END",
}

BACKFILL = [
    f"INSERT INTO case_profile (case_id, desk_id, {', '.join(CASE_FIELDS)}) "
    f"SELECT id, help_desk_id, {', '.join(CASE_FIELDS)} FROM case_file",
    f"UPDATE case_profile SET ({', '.join(['intake_on', *INTAKE_FIELDS])}) = "
    f"(SELECT {', '.join(['date', *INTAKE_FIELDS])} FROM intake i WHERE i.case_id = case_profile.case_id "
    "ORDER BY i.date DESC, i.id DESC LIMIT 1)",
]


def upgrade() -> None:
    op.create_table(
        "case_profile",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("desk_id", sa.Integer(), nullable=False),
        sa.Column("statistics_allowed", sa.Boolean(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("record_key", sa.Integer(), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("education", sa.String(length=20), nullable=False),
        sa.Column("employment", sa.String(length=20), nullable=False),
        sa.Column("marital_status", sa.String(length=20), nullable=False),
        sa.Column("cohabitation", sa.String(length=200), nullable=False),
        sa.Column("has_children", sa.String(length=2), nullable=False),
        sa.Column("minors_count", sa.Integer(), nullable=True),
        sa.Column("minors_witnessed", sa.Integer(), nullable=True),
        sa.Column("minors_suffered", sa.Integer(), nullable=True),
        sa.Column("intake_on", sa.Date(), nullable=True),
        sa.Column("access_channel", sa.String(length=20), nullable=True),
        sa.Column("first_contact_mode", sa.String(length=30), nullable=True),
        sa.Column("violence_forms", sa.String(length=300), nullable=True),
        sa.Column("relationship_code", sa.String(length=2), nullable=True),
        sa.Column("violence_duration", sa.String(length=10), nullable=True),
        sa.Column("police_report", sa.String(length=20), nullable=True),
        sa.Column("measures_requested", sa.String(length=200), nullable=True),
        sa.Column("measures_obtained", sa.String(length=200), nullable=True),
        sa.Column("emergency", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id"),
    )
    for statement in BACKFILL:
        op.execute(statement)
    for statement in TRIGGERS.values():
        op.execute(statement)
    op.create_index("ix_case_profile_desk", "case_profile", ["desk_id", "opened_on"])
    op.create_index("ix_case_profile_intake", "case_profile", ["intake_on"])
    op.execute("ANALYZE case_profile")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_case_profile_intake", table_name="case_profile")
    op.drop_index("ix_case_profile_desk", table_name="case_profile")
    op.drop_table("case_profile")
