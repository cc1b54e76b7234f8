"""The index of the words she said and the operators wrote: an FTS5 table inside the encrypted database.

Why FTS5 here, and not an index of keyed hashes: every page of the SQLCipher file is encrypted, the FTS5
shadow tables (`note_index_data`, `_idx`, `_config`, `_docsize`) included, so the index is as unreadable
outside the database as the notes themselves, and nothing is written beside the file. An index of keyed
hashes of words would protect nothing more (the key sits in the same database) and would lose prefix and
phrase search and ranking by position; FTS5 gives them, compiled into the bundled SQLCipher
(ENABLE_FTS5).

The table is *contentless* (``content=''``): it holds the words' positions only, never a second copy of
the text, which stays in its own column. External content was not possible: the notes live in nine
columns of seven tables, and an external-content table reads one. Each indexed note is a row whose rowid
says where it comes from: ``key * 16 + kind`` (the key is the source row's id, or the case id for the
identity's two notes), see `SOURCES`.

SQLite triggers (migration 0018) keep it current whoever writes: the services, the demo generator's bulk
inserts, a received case transfer, a deleted case (cascades fire the triggers), an older backup upgraded
by the migration, which fills it. A changed or emptied note is removed with FTS5's 'delete' command and
the old text, with the table's ``secure-delete`` option on, so that an erasure rewrites the index pages
without her words (tombstones, as ``contentless_delete=1`` writes them, would leave the words in place),
and the database's ``secure_delete`` pragma zeroes the freed pages. Italian text: ``unicode61
remove_diacritics 2`` (perché = perche), prefix indexes of 2 and 3 characters.

The triggers are lost if a later migration rebuilds one of these tables in batch mode: tests/
test_note_search.py checks that every source has its three triggers at the head revision.
"""

from __future__ import annotations

from dataclasses import dataclass

TABLE = "note_index"
KIND_BITS = 16  # rowid = key * KIND_BITS + kind


@dataclass(frozen=True)
class NoteSource:
    """One free-text column: its `kind` (1..15) in the rowid, and how to read its notes back by key."""

    kind: int
    name: str  # stable code, also the field's key for the interface
    table: str
    column: str
    key: str  # the column whose value is the rowid's key
    fetch_sql: str  # (key, case id, date, text) of the rows whose key is in :keys


def _plain(kind: int, name: str, table: str, date: str) -> NoteSource:
    sql = f"SELECT id, case_id, {date}, notes FROM {table} WHERE id IN :keys"
    return NoteSource(kind, name, table, "notes", "id", sql)


def _via_pathway(kind: int, name: str, table: str, date: str, column: str) -> NoteSource:
    sql = (
        f"SELECT t.id, p.case_id, t.{date}, t.{column} FROM {table} t JOIN pathway p ON p.id = t.pathway_id "
        "WHERE t.id IN :keys"
    )
    return NoteSource(kind, name, table, column, "id", sql)


def _identity(kind: int, name: str, column: str) -> NoteSource:
    sql = f"SELECT case_id, case_id, NULL, {column} FROM identity WHERE case_id IN :keys"
    return NoteSource(kind, name, "identity", column, "case_id", sql)


SOURCES: tuple[NoteSource, ...] = (
    _plain(1, "intake", "intake", "date"),
    _plain(2, "risk", "risk_assessment", "date"),
    _plain(3, "pathway", "pathway", "agreed_on"),
    _via_pathway(4, "goal", "goal", "due_on", "description"),
    _via_pathway(5, "review", "pathway_review", "date", "notes"),
    _plain(6, "service", "service_delivery", "date"),
    _plain(7, "referral", "referral", "date"),
    _identity(8, "identity", "notes"),
    _identity(9, "safe_contact", "safe_contact_notes"),
)
BY_KIND = {source.kind: source for source in SOURCES}


def rowid(source: NoteSource, key: int) -> int:
    return key * KIND_BITS + source.kind


def split(row: int) -> tuple[NoteSource | None, int]:
    """The source and key of an index rowid (None: a kind this version does not know)."""
    return BY_KIND.get(row % KIND_BITS), row // KIND_BITS


def case_of_sql(rowid_expr: str) -> str:
    """An SQL expression giving the case id of the note at `rowid_expr` (one primary-key read)."""
    arms = []
    for source in SOURCES:
        key = f"({rowid_expr}) / {KIND_BITS}"
        if source.key == "case_id":
            arms.append(f"WHEN {source.kind} THEN {key}")
        elif source.table in ("goal", "pathway_review"):
            arms.append(
                f"WHEN {source.kind} THEN (SELECT p.case_id FROM {source.table} t JOIN pathway p "
                f"ON p.id = t.pathway_id WHERE t.id = {key})"
            )
        else:
            arms.append(f"WHEN {source.kind} THEN (SELECT case_id FROM {source.table} WHERE id = {key})")
    return f"CASE ({rowid_expr}) % {KIND_BITS} {' '.join(arms)} END"
