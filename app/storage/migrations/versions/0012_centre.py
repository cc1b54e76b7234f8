"""a centre of several installations: members and their keys, bundles, tombstones and arrivals of cases

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "centre_installation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("install_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("is_self", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("recipient", sa.String(length=100), nullable=False),
        sa.Column("signing_public", sa.LargeBinary(), nullable=False),
        sa.Column("age_identity", sa.LargeBinary(), nullable=True),
        sa.Column("signing_key", sa.LargeBinary(), nullable=True),
        sa.Column("invite_token", sa.String(length=64), nullable=False),
        sa.Column("last_seq_in", sa.Integer(), nullable=False),
        sa.Column("last_seq_out", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_centre_installation")),
        sa.UniqueConstraint("install_id", name=op.f("uq_centre_installation_install_id")),
        sa.UniqueConstraint("name", name=op.f("uq_centre_installation_name")),
    )
    op.create_table(
        "centre_bundle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("peer_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["peer_id"], ["centre_installation.id"], name=op.f("fk_centre_bundle_peer_id_centre_installation")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_centre_bundle")),
        sa.UniqueConstraint("direction", "peer_id", "seq", name="uq_centre_bundle_seq"),
    )
    op.create_table(
        "case_tombstone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("moved_on", sa.Date(), nullable=False),
        sa.Column("to_installation_id", sa.Integer(), nullable=False),
        sa.Column("bundle_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["to_installation_id"],
            ["centre_installation.id"],
            name=op.f("fk_case_tombstone_to_installation_id_centre_installation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_tombstone")),
        sa.UniqueConstraint("code", name=op.f("uq_case_tombstone_code")),
    )
    op.create_index("ix_case_tombstone_year_seq", "case_tombstone", ["year", "seq"])
    op.create_table(
        "case_arrival",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("from_installation_id", sa.Integer(), nullable=False),
        sa.Column("origin_code", sa.String(length=20), nullable=False),
        sa.Column("arrived_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_case_arrival_case_id_case_file"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["from_installation_id"],
            ["centre_installation.id"],
            name=op.f("fk_case_arrival_from_installation_id_centre_installation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_arrival")),
        sa.UniqueConstraint("from_installation_id", "origin_code", name="uq_case_arrival_origin"),
    )
    op.create_index("ix_case_arrival_case_id", "case_arrival", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_case_arrival_case_id", table_name="case_arrival")
    op.drop_table("case_arrival")
    op.drop_index("ix_case_tombstone_year_seq", table_name="case_tombstone")
    op.drop_table("case_tombstone")
    op.drop_table("centre_bundle")
    op.drop_table("centre_installation")
