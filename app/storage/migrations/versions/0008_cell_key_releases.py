"""record keys for the cell key method; frozen releases (bytes and digests in export_record)

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


def upgrade() -> None:
    for table in KEYED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("record_key", sa.Integer(), nullable=False, server_default="0"))
        # SQLite's random() draws from its own CSPRNG (seeded by the OS): one independent key per row,
        # derived from nothing in the row. New rows get theirs from Python's `secrets`.
        op.execute(f"UPDATE {table} SET record_key = (random() & {RECORD_KEY_RANGE - 1})")
    with op.batch_alter_table("service_delivery", schema=None) as batch_op:
        batch_op.drop_index("ix_service_delivery_year")
        batch_op.create_index(
            "ix_service_delivery_year",
            [
                sa.text("substr(date, 1, 4)"),
                "service_type",
                "mode",
                "case_id",
                "minutes",
                "help_desk_id",
                "date",
                "record_key",
            ],
            unique=False,
        )
    with op.batch_alter_table("export_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("period_code", sa.String(length=30), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("tables_digest", sa.String(length=64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("pdf_digest", sa.String(length=64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("package", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("pdf", sa.LargeBinary(), nullable=True))
    op.execute("ANALYZE service_delivery")


def downgrade() -> None:
    with op.batch_alter_table("export_record", schema=None) as batch_op:
        for column in ("pdf", "package", "pdf_digest", "tables_digest", "period_code"):
            batch_op.drop_column(column)
    with op.batch_alter_table("service_delivery", schema=None) as batch_op:
        batch_op.drop_index("ix_service_delivery_year")
        batch_op.create_index(
            "ix_service_delivery_year",
            [sa.text("substr(date, 1, 4)"), "service_type", "mode", "case_id", "minutes", "help_desk_id", "date"],
            unique=False,
        )
    for table in KEYED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("record_key")
