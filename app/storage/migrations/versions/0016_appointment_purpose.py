"""appointment purpose: what the meeting is for (colloquio, consulenza legale...), a code of the
appointment_purpose list; appointments made before it keep NULL, shown as a dash

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No guess for the appointments already set: nobody recorded what they were for.
    op.add_column("appointment", sa.Column("purpose", sa.String(length=20), nullable=True))


def downgrade() -> None:
    # SQLite drops a column in place (3.35+): copying the table would lose its partial index's condition
    op.execute("ALTER TABLE appointment DROP COLUMN purpose")
