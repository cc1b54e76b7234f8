"""record keys for the cell key method (and each service's woman key); frozen releases (bytes in export_record)

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

KEYED_TABLES = ("case_file", "contact", "service_delivery", "referral")
RECORD_KEY_RANGE = 4096  # app.models.base.RECORD_KEY_RANGE at this revision


YEAR_INDEX = ("service_type", "mode", "case_id", "minutes", "help_desk_id", "date")


def _year_index(extra: tuple[str, ...]) -> None:
    columns = ", ".join((*YEAR_INDEX, *extra))
    op.execute(f"CREATE INDEX ix_service_delivery_year ON service_delivery (substr(date, 1, 4), {columns})")


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN, not batch mode: a batch rebuild would drop the expression and partial
    # indexes it cannot reflect (the year index, the case-code NOCASE index, the no-statistics index).
    for table in KEYED_TABLES:
        op.add_column(table, sa.Column("record_key", sa.Integer(), nullable=False, server_default="0"))
        # SQLite's random() draws from its own CSPRNG (seeded by the OS): one independent key per row,
        # derived from nothing in the row; "& 4095" keeps the low 12 bits, uniform over the range.
        # New rows get theirs from Python's `secrets`.
        op.execute(f"UPDATE {table} SET record_key = (random() & {RECORD_KEY_RANGE - 1})")
    op.add_column(
        "service_delivery", sa.Column("woman_key", sa.Integer(), nullable=False, server_default="0")
    )
    op.execute(
        "UPDATE service_delivery SET woman_key = "
        "(SELECT record_key FROM case_file WHERE case_file.id = service_delivery.case_id)"
    )
    op.execute("DROP INDEX ix_service_delivery_year")
    _year_index(("record_key", "woman_key"))
    op.add_column("export_record", sa.Column("period_code", sa.String(30), nullable=False, server_default=""))
    op.add_column(
        "export_record", sa.Column("tables_digest", sa.String(64), nullable=False, server_default="")
    )
    op.add_column("export_record", sa.Column("pdf_digest", sa.String(64), nullable=False, server_default=""))
    op.add_column("export_record", sa.Column("package", sa.LargeBinary(), nullable=True))
    op.add_column("export_record", sa.Column("pdf", sa.LargeBinary(), nullable=True))
    op.execute("ANALYZE service_delivery")


def downgrade() -> None:
    for column in ("pdf", "package", "pdf_digest", "tables_digest", "period_code"):
        op.execute(f"ALTER TABLE export_record DROP COLUMN {column}")
    op.execute("DROP INDEX ix_service_delivery_year")
    _year_index(())
    op.execute("ALTER TABLE service_delivery DROP COLUMN woman_key")
    for table in KEYED_TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN record_key")
