"""audit anchor: controlled truncation of audit events past their retention period

Revision ID: 0003
Revises: 0002

The audit trail stays append-only, with one exception the retention policy needs: events at or below
the anchor may be deleted. The anchor is one row holding the id and hash of the last removed event;
it only moves forward, and only onto an existing event with its real hash, so `verify` can start the
chain there and still detect any edit or deletion among the events that remain.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64
APPEND_ONLY = "SELECT RAISE(ABORT, 'audit events are append-only')"


def upgrade() -> None:
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("removed", sa.Integer(), nullable=False),
        sa.Column("moved_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_anchor_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_anchor")),
    )
    op.execute(
        f"INSERT INTO audit_anchor (id, last_id, last_hash, removed) VALUES (1, 0, '{GENESIS_HASH}', 0)"
    )
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    op.execute(
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        "WHEN OLD.id > COALESCE((SELECT last_id FROM audit_anchor WHERE id = 1), 0) "
        f"BEGIN {APPEND_ONLY}; END"
    )
    op.execute(
        "CREATE TRIGGER audit_anchor_forward_only BEFORE UPDATE ON audit_anchor "
        "WHEN NEW.id != OLD.id OR NEW.last_id <= OLD.last_id OR NEW.removed < OLD.removed "
        "OR NOT EXISTS (SELECT 1 FROM audit_event WHERE id = NEW.last_id AND hash = NEW.last_hash) "
        "BEGIN SELECT RAISE(ABORT, 'the audit anchor moves only forward, onto an existing event'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor "
        "BEGIN SELECT RAISE(ABORT, 'the audit anchor cannot be deleted'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_anchor_no_delete")
    op.execute("DROP TRIGGER IF EXISTS audit_anchor_forward_only")
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    op.execute(f"CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN {APPEND_ONLY}; END")
    op.drop_table("audit_anchor")
