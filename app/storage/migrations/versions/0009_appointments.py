"""appointments (the next meeting with her); case_activity and the indexes the "Oggi" page reads through

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _touch(column: str, case_id: str, day: str) -> str:
    """Keep the later of the stored and the new date (every case has its row from its insert on)."""
    return (
        f"UPDATE case_activity SET {column} = max(coalesce({column}, ''), {day}) WHERE case_id = {case_id};"
    )


SCOPE = "CASE WHEN NEW.processing_consent THEN NEW.status ELSE 'BLOCCATO' END"
ACTIVITY_INDEXES = {
    "ix_case_activity_last": ["status", "last_on", "desk_id"],
    "ix_case_activity_review": ["status", "review_from", "desk_id"],
    "ix_case_activity_intake": ["status", "intake_on", "desk_id"],
    "ix_case_activity_consent": ["status", "consent_notice", "consent_on", "desk_id"],
}

TRIGGERS = [
    "CREATE TRIGGER tr_activity_case AFTER INSERT ON case_file BEGIN "
    "INSERT INTO case_activity (case_id, desk_id, status, last_on) "
    f"VALUES (NEW.id, NEW.help_desk_id, {SCOPE}, NEW.opened_on); END",
    "CREATE TRIGGER tr_activity_case_changed AFTER UPDATE OF status, help_desk_id, processing_consent, opened_on "
    "ON case_file BEGIN "
    f"UPDATE case_activity SET desk_id = NEW.help_desk_id, status = {SCOPE}, "
    "last_on = max(last_on, NEW.opened_on) WHERE case_id = NEW.id; END",
    "CREATE TRIGGER tr_activity_service AFTER INSERT ON service_delivery BEGIN "
    + _touch("last_on", "NEW.case_id", "NEW.date")
    + " END",
    "CREATE TRIGGER tr_activity_contact AFTER INSERT ON contact WHEN NEW.case_id IS NOT NULL BEGIN "
    + _touch("last_on", "NEW.case_id", "NEW.date")
    + " END",
    "CREATE TRIGGER tr_activity_contact_linked AFTER UPDATE OF case_id ON contact "
    "WHEN NEW.case_id IS NOT NULL BEGIN " + _touch("last_on", "NEW.case_id", "NEW.date") + " END",
    "CREATE TRIGGER tr_activity_intake AFTER INSERT ON intake BEGIN "
    + _touch("last_on", "NEW.case_id", "NEW.date")
    + _touch("intake_on", "NEW.case_id", "NEW.date")
    + " END",
    "CREATE TRIGGER tr_activity_pathway AFTER INSERT ON pathway BEGIN "
    + _touch("review_from", "NEW.case_id", "NEW.agreed_on")
    + " END",
    "CREATE TRIGGER tr_activity_review AFTER INSERT ON pathway_review BEGIN "
    + _touch("review_from", "(SELECT case_id FROM pathway WHERE id = NEW.pathway_id)", "NEW.date")
    + " END",
    # the latest consent to processing by date (then the last recorded), as the consents tab shows it
    "CREATE TRIGGER tr_activity_consent AFTER INSERT ON consent_event "
    "WHEN NEW.scope = 'TRATTAMENTO' AND NEW.granted BEGIN "
    "UPDATE case_activity SET "
    "consent_notice = CASE WHEN NEW.date >= coalesce(consent_on, '') THEN NEW.notice_version "
    "ELSE consent_notice END, "
    "consent_on = max(coalesce(consent_on, ''), NEW.date) WHERE case_id = NEW.case_id; END",
]
TRIGGER_NAMES = [
    "tr_activity_case",
    "tr_activity_case_changed",
    "tr_activity_service",
    "tr_activity_contact",
    "tr_activity_contact_linked",
    "tr_activity_intake",
    "tr_activity_pathway",
    "tr_activity_review",
    "tr_activity_consent",
]

BACKFILL = [
    "INSERT INTO case_activity (case_id, desk_id, status, last_on) SELECT id, help_desk_id, "
    "CASE WHEN processing_consent THEN status ELSE 'BLOCCATO' END, opened_on FROM case_file",
    "CREATE TEMP TABLE activity_fill (case_id INTEGER PRIMARY KEY, d DATE)",
    "INSERT INTO activity_fill SELECT case_id, max(d) FROM ("
    " SELECT case_id, max(date) AS d FROM service_delivery GROUP BY case_id"
    " UNION ALL SELECT case_id, max(date) FROM contact WHERE case_id IS NOT NULL GROUP BY case_id"
    " UNION ALL SELECT case_id, max(date) FROM intake GROUP BY case_id"
    ") GROUP BY case_id",
    "UPDATE case_activity SET last_on = max(last_on, coalesce("
    "(SELECT d FROM activity_fill f WHERE f.case_id = case_activity.case_id), ''))",
    "DROP TABLE activity_fill",
    "UPDATE case_activity SET intake_on = (SELECT max(date) FROM intake i WHERE i.case_id = case_activity.case_id)",
    "UPDATE case_activity SET review_from = ("
    " SELECT max(p.agreed_on, coalesce((SELECT max(r.date) FROM pathway_review r WHERE r.pathway_id = p.id), ''))"
    " FROM pathway p WHERE p.case_id = case_activity.case_id)",
    "UPDATE case_activity SET (consent_on, consent_notice) = ("
    " SELECT e.date, e.notice_version FROM consent_event e"
    " WHERE e.case_id = case_activity.case_id AND e.scope = 'TRATTAMENTO' AND e.granted"
    " ORDER BY e.date DESC, e.id DESC LIMIT 1)",
]


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
    op.create_table(
        "case_activity",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("desk_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("last_on", sa.Date(), nullable=False),
        sa.Column("intake_on", sa.Date(), nullable=True),
        sa.Column("review_from", sa.Date(), nullable=True),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("consent_notice", sa.String(length=30), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id"),
    )
    for statement in TRIGGERS:
        op.execute(statement)
    for statement in BACKFILL:
        op.execute(statement)
    # plain CREATE INDEX, not a batch rebuild: a rebuild would lose the tables' expression and partial indexes
    for name, columns in ACTIVITY_INDEXES.items():
        op.create_index(name, "case_activity", columns)
    op.create_index(  # partial: a full index on closed_on misled the indicators' plan (see app.models.agenda)
        "ix_case_file_closed_identity",
        "case_file",
        ["closed_on"],
        sqlite_where=sa.text("closed_on IS NOT NULL AND identity_erased_on IS NULL"),
    )
    op.create_index("ix_goal_status_due", "goal", ["status", "due_on", "pathway_id"])
    op.execute("ANALYZE case_file")
    op.execute("ANALYZE case_activity")
    op.execute("ANALYZE goal")


def downgrade() -> None:
    op.drop_index("ix_goal_status_due", table_name="goal")
    op.drop_index("ix_case_file_closed_identity", table_name="case_file")
    for name in ACTIVITY_INDEXES:
        op.drop_index(name, table_name="case_activity")
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("case_activity")
    op.drop_index("ix_appointment_case", table_name="appointment")
    op.drop_index("ix_appointment_day_desk", table_name="appointment")
    op.drop_table("appointment")
