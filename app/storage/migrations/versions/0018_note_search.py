"""the index of the notes: an FTS5 table inside the encrypted database, filled, and kept by triggers

Revision ID: 0018
Revises: 0017

Why FTS5 and why contentless, secure-delete: app/models/notes.py. The list of columns is written out here
(a migration is frozen); tests/test_note_search.py checks it against app.models.notes.SOURCES.
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

TABLE = "note_index"
KIND_BITS = 16
# (name, table, column, key column, kind)
SOURCES = [
    ("intake", "intake", "notes", "id", 1),
    ("risk", "risk_assessment", "notes", "id", 2),
    ("pathway", "pathway", "notes", "id", 3),
    ("goal", "goal", "description", "id", 4),
    ("review", "pathway_review", "notes", "id", 5),
    ("service", "service_delivery", "notes", "id", 6),
    ("referral", "referral", "notes", "id", 7),
    ("identity", "identity", "notes", "case_id", 8),
    ("safe_contact", "identity", "safe_contact_notes", "case_id", 9),
]


def _add(row: str, value: str) -> str:
    return f"INSERT INTO {TABLE} (rowid, body) SELECT {row}, {value} WHERE coalesce({value}, '') != '';"


def _remove(row: str, value: str) -> str:
    """FTS5's 'delete' with the old text: with secure-delete on, the words leave the index pages."""
    return (
        f"INSERT INTO {TABLE} ({TABLE}, rowid, body) SELECT 'delete', {row}, {value} "
        f"WHERE coalesce({value}, '') != '';"
    )


def triggers() -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER) for each source: insert, change of the text (or of its key), delete."""
    made = []
    for name, table, column, key, kind in SOURCES:
        new, old = f"NEW.{key} * {KIND_BITS} + {kind}", f"OLD.{key} * {KIND_BITS} + {kind}"
        made += [
            (
                f"tr_note_{name}_insert",
                f"CREATE TRIGGER tr_note_{name}_insert AFTER INSERT ON {table} "
                f"WHEN coalesce(NEW.{column}, '') != '' BEGIN {_add(new, f'NEW.{column}')} END",
            ),
            (
                f"tr_note_{name}_update",
                f"CREATE TRIGGER tr_note_{name}_update AFTER UPDATE OF {column}, {key} ON {table} "
                f"WHEN OLD.{column} IS NOT NEW.{column} OR OLD.{key} IS NOT NEW.{key} BEGIN "
                f"{_remove(old, f'OLD.{column}')} {_add(new, f'NEW.{column}')} END",
            ),
            (
                f"tr_note_{name}_delete",
                f"CREATE TRIGGER tr_note_{name}_delete AFTER DELETE ON {table} "
                f"WHEN coalesce(OLD.{column}, '') != '' BEGIN {_remove(old, f'OLD.{column}')} END",
            ),
        ]
    return made


def upgrade() -> None:
    op.execute(
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(body, content='', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    op.execute(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('secure-delete', 1)")
    for _name, table, column, key, kind in SOURCES:
        op.execute(
            f"INSERT INTO {TABLE} (rowid, body) SELECT {key} * {KIND_BITS} + {kind}, {column} FROM {table} "
            f"WHERE coalesce({column}, '') != ''"
        )
    op.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")
    for _name, statement in triggers():
        op.execute(statement)


def downgrade() -> None:
    for name, _statement in triggers():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
