"""the outbox and the inbox: delivery routes, items with their attachments and history, PEC receipts

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delivery_route",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("destination", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("uid_validity", sa.Integer(), nullable=False),
        sa.Column("last_uid", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_route")),
        sa.UniqueConstraint("destination", name=op.f("uq_delivery_route_destination")),
    )
    op.create_table(
        "outbox_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=40), nullable=False),
        sa.Column("destination", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_item")),
        sa.UniqueConstraint("uid", name=op.f("uq_outbox_item_uid")),
    )
    op.create_index("ix_outbox_item_state", "outbox_item", ["state"])
    extras: tuple[tuple[str, list[sa.Column[object]]], ...] = (
        (
            "outbox_attachment",
            [
                sa.Column("name", sa.String(200), nullable=False),
                sa.Column("content", sa.LargeBinary(), nullable=False),
            ],
        ),
        (
            "outbox_event",
            [
                sa.Column("at", sa.DateTime(), nullable=False),
                sa.Column("state", sa.String(12), nullable=False),
                sa.Column("reason", sa.String(40), nullable=False),
            ],
        ),
        (
            "delivery_receipt",
            [
                sa.Column("kind", sa.String(40), nullable=False),
                sa.Column("received_at", sa.DateTime(), nullable=False),
                sa.Column("message", sa.LargeBinary(), nullable=False),
            ],
        ),
    )
    for table, extra in extras:
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("item_id", sa.Integer(), nullable=False),
            *extra,
            sa.ForeignKeyConstraint(
                ["item_id"],
                ["outbox_item.id"],
                name=op.f(f"fk_{table}_item_id_outbox_item"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        )
        op.create_index(op.f(f"ix_{table}_item_id"), table, ["item_id"])
    op.create_table(
        "inbox_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("destination", sa.String(length=40), nullable=False),
        sa.Column("origin", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_entry")),
    )
    op.create_index(op.f("ix_inbox_entry_sha256"), "inbox_entry", ["sha256"])


def downgrade() -> None:
    for table in (
        "inbox_entry",
        "delivery_receipt",
        "outbox_event",
        "outbox_attachment",
        "outbox_item",
        "delivery_route",
    ):
        op.drop_table(table)
