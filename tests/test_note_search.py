"""Search in the notes: every kind of note is found, by word, prefix, without accents, as a phrase; what
she types is never FTS5 syntax; only the cases of her desks; audited without the words; erased with her
identity, from the index's own pages too; kept by every way a note is written (services, bulk inserts, a
case received from another PC).

Real encrypted databases in tmp_path; the operatrice of desk A is `bice`, of desk B `carla`.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from app.models.notes import SOURCES, TABLE
from app.services import cases as c
from app.services.cases import transfer
from app.services.workspace import Workspace
from app.storage import migrate
from app.storage.migrations.versions import __name__ as versions_package
from tests.case_fixtures import (
    COORD,
    D0,
    OP_B,
    TODAY,
    FullCase,
    People,
    audit_events,
    full_case,
    open_case,
    switch,
)
from tests.test_centre import Centre, network, network_template  # noqa: F401 - fixtures

pytest_plugins = ["tests.case_fixtures"]

SECRET = "segreto"  # in every note of desk B's complete case (tests.case_fixtures.case_b_template)
WORD_OF = {  # the word full_case puts before the note in each kind of note
    "intake": "colloquio",
    "risk": "rischio",
    "pathway": "percorso",
    "goal": "obiettivo",
    "review": "verifica",
    "service": "servizio",
    "referral": "invio",
    "identity": "identita",
    "safe_contact": "contatto",
}


def _codes(ws: Workspace, query: str, **filters: object) -> list[str]:
    return [hit.code for hit in c.search_notes(ws, query, statuses=None, **filters).items]  # type: ignore[arg-type]


def _index_bytes(ws: Workspace) -> bytes:
    """Every stored block of the index's shadow tables (segments, their directory, settings, sizes)."""
    with ws.transaction(write=False) as session:
        blocks = [
            bytes(value)
            for name, column in (("data", "block"), ("idx", "term"), ("config", "v"), ("docsize", "sz"))
            for (value,) in session.execute(text(f"SELECT {column} FROM {TABLE}_{name}"))
            if isinstance(value, bytes | memoryview)
        ]
        terms = session.execute(text(f"SELECT term FROM {TABLE}_idx")).scalars().all()
    return b"".join(blocks) + b"".join(t if isinstance(t, bytes) else str(t).encode() for t in terms)


def _terms(ws: Workspace) -> set[str]:
    """The words the index holds, as FTS5 itself lists them."""
    with ws.transaction() as session:
        session.execute(text(f"CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, {TABLE}, 'row')"))
        found = {str(t) for t in session.execute(text("SELECT term FROM temp.words")).scalars()}
        session.execute(text("DROP TABLE temp.words"))
    return found


# --- finding -------------------------------------------------------------------------------------------------
def test_every_kind_of_note_is_found_with_its_field(ws_b: Workspace, case_b: FullCase) -> None:
    switch(ws_b, COORD)
    for field, word in WORD_OF.items():
        (hit,) = c.search_notes(ws_b, f"{word} {SECRET}", statuses=None).items
        assert (hit.case_id, hit.code, hit.field) == (case_b.id, case_b.code, field), field
        assert [piece for piece, bold in hit.snippet if bold] == [word, SECRET]
    assert {s.name for s in SOURCES} == set(WORD_OF)
    (hit,) = c.search_notes(ws_b, SECRET, statuses=None).items
    assert hit.notes == len(WORD_OF)  # each of her nine notes matched; shown once, by her newest note
    assert _codes(ws_b, f"mattina {SECRET}") == []  # the contact times and the address are not notes
    assert _codes(ws_b, "via") == []


def test_prefixes_accents_case_and_phrases(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    c.add_service(
        case_ws,
        ref.id,
        c.ServiceInput(
            D0, "LEGALE_CIV", "PRESENZA", 60, "AVVOCATA", notes="Perché L'AVVOCATA è già in città?"
        ),
    )
    other = open_case(case_ws, "Sara", "Neri")
    c.add_risk_assessment(
        case_ws, other.id, D0 + timedelta(days=5), "MEDIO", "SARA_S", "già sentita dall'avvocato"
    )
    for query in ("perche", "PERCHÉ", "avvocata", "citta", "gia citt", "l'avvocata", '"avvocata e gia"'):
        assert _codes(case_ws, query) == [ref.code], query
    assert _codes(case_ws, "avvocat") == [other.code, ref.code]  # newest note first
    assert _codes(case_ws, '"gia avvocata"') == []  # a phrase keeps its order
    assert _codes(case_ws, "avvocatessa") == []
    (hit,) = c.search_notes(case_ws, "citt perch", statuses=None).items
    assert [piece for piece, bold in hit.snippet if bold] == ["Perché", "città"]
    assert "".join(piece for piece, _ in hit.snippet) == "Perché L'AVVOCATA è già in città?"


@pytest.mark.parametrize(
    "typed",
    ['"', '""', "'", "AND", "OR NOT", "NEAR(", "NEAR(a b, 3)", "a*", "*", "^x", "col:umn", "(", ")", "-x",
     '"unbalanced phrase', "\\", "\x00", "…", "x" * 5000, "a b c d e f g h i j k l"],
)  # fmt: skip
def test_what_she_types_is_never_query_syntax(case_ws: Workspace, typed: str) -> None:
    page = c.search_notes(case_ws, typed)  # no exception, whatever she typed
    assert page.items == [] and not page.more


def test_nothing_to_search_is_not_a_search(case_ws: Workspace) -> None:
    before = len(audit_events(case_ws, "cases.listed"))
    assert c.search_notes(case_ws, " ' - ; ") == c.NotePage([], False, 0)
    assert len(audit_events(case_ws, "cases.listed")) == before


# --- scope and audit -------------------------------------------------------------------------------------------
def test_only_the_cases_of_her_desks(ws_b: Workspace, case_b: FullCase, people: People) -> None:
    assert _codes(ws_b, SECRET) == []  # bice (desk A) does not see desk B's case
    switch(ws_b, OP_B)
    assert _codes(ws_b, SECRET) == [case_b.code]
    assert _codes(ws_b, SECRET, help_desk_id=people.desk_a) == [case_b.code]  # an operatrice's desk is hers
    switch(ws_b, COORD)
    assert _codes(ws_b, SECRET) == [case_b.code]
    assert _codes(ws_b, SECRET, help_desk_id=people.desk_a) == []
    assert _codes(ws_b, SECRET, help_desk_id=people.desk_b) == [case_b.code]
    assert c.search_notes(ws_b, SECRET, statuses=("CHIUSO_CONCLUSO",)).items == []


def test_each_search_is_audited_with_the_filter_never_the_words(ws_b: Workspace, people: People) -> None:
    before = audit_events(ws_b, "cases.listed")
    c.search_notes(ws_b, f"{SECRET} colloquio", statuses=("IN_CORSO",))
    (event,) = audit_events(ws_b, "cases.listed")[len(before) :]
    detail = json.loads(event.detail or "{}")
    assert event.operator_id == people.op_a and event.entity == "case_list"
    assert detail == {"search": "notes", "text": True, "statuses": ["IN_CORSO"], "desk": people.desk_a, "shown": 0,
                      "more": False}  # fmt: skip
    assert SECRET not in (event.detail or "") and "colloquio" not in (event.detail or "")


def test_the_audit_names_the_desk_searched_not_the_desk_asked_for(ws_b: Workspace, people: People) -> None:
    """An operatrice asking for another desk searches her own: the trail says what was really searched,
    by the notes and by the case list alike."""
    before = audit_events(ws_b, "cases.listed")
    c.search_notes(ws_b, SECRET, help_desk_id=people.desk_b)
    c.search_cases(ws_b, help_desk_id=people.desk_b)
    switch(ws_b, COORD)
    c.search_notes(ws_b, SECRET)
    c.search_notes(ws_b, SECRET, help_desk_id=people.desk_b)
    details = [json.loads(e.detail or "{}") for e in audit_events(ws_b, "cases.listed")[len(before) :]]
    assert [d["desk"] for d in details] == [people.desk_a, people.desk_a, None, people.desk_b]


# --- erasure ---------------------------------------------------------------------------------------------------
def test_erasure_takes_her_words_out_of_the_index(ws_b: Workspace, case_b: FullCase) -> None:
    """After her identity is erased, nothing finds her notes, and her words are in none of the index's
    pages: FTS5's secure-delete rewrites them, SQLite's secure_delete zeroes what is freed."""
    kept = open_case(ws_b, "Olga", "Riva")  # desk A's
    c.add_intake(ws_b, kept.id, c.IntakeInput(D0, "N1522", "TELEFONO", ("PSICOLOGICA",), "01", "1_5Y",
                                              notes="resta qui"))  # fmt: skip
    switch(ws_b, COORD)
    assert SECRET in _terms(ws_b) and SECRET.encode() in _index_bytes(ws_b)
    c.erase_identity(ws_b, case_b.id)
    assert _codes(ws_b, SECRET) == []
    for word in WORD_OF.values():
        assert _codes(ws_b, word) == [], word
    assert not {SECRET, *WORD_OF.values()} & _terms(ws_b)
    index = _index_bytes(ws_b)
    for word in (SECRET, *WORD_OF.values()):
        assert word.encode() not in index, word
    assert _codes(ws_b, "resta") == [kept.code]  # the others' notes are still found


def test_a_deleted_case_leaves_the_index(case_ws: Workspace) -> None:
    from app.models.cases import Case
    from app.services.cases.erasure import delete_case

    made = full_case(case_ws, "Ada", "Neri", note="effimero")
    assert _codes(case_ws, "effimero")
    with case_ws.transaction() as session:
        delete_case(case_ws, session, session.get_one(Case, made.id), TODAY)
    assert _codes(case_ws, "effimero") == [] and "effimero" not in _terms(case_ws)


def test_changed_notes_are_found_by_their_new_words_only(case_ws: Workspace) -> None:
    made = full_case(case_ws, note="prima")
    c.update_goal(case_ws, made.goal_id, status="IN_CORSO", description="obiettivo dopo")
    (hit,) = c.search_notes(case_ws, "obiettivo", statuses=None).items
    assert hit.field == "goal" and "dopo" in "".join(p for p, _ in hit.snippet)
    assert _codes(case_ws, "obiettivo prima") == []


# --- every way in -----------------------------------------------------------------------------------------------
def test_a_case_received_from_another_pc_is_searchable_there_only(network: Centre) -> None:  # noqa: F811
    whole = full_case(network.desk, "Lucia", "Verdi", note="trasferita")
    assert _codes(network.desk, "trasferita")
    c.record_consent(network.desk, whole.id, transfer.CONSENT_SCOPE, True, TODAY)
    out = network.folder / "transfer.age"
    transfer.transfer_case(network.desk, whole.id, "Centro Antiviolenza Prova", out)
    assert _codes(network.desk, "trasferita") == []  # the sender keeps a tombstone, not her words
    assert "trasferita" not in _terms(network.desk)
    from app.services import centre

    received = centre.receive_one(network.main, out)
    found = c.search_notes(network.main, "servizio trasferita", statuses=None).items
    assert [(h.code, h.field) for h in found] == [(received.summary, "service")]


def test_bulk_inserts_are_indexed(case_ws: Workspace) -> None:
    """The demo generator writes with executemany, past the services: the triggers index it all the same."""
    from app import demo

    switch(case_ws, "anna")
    made = demo.generate(case_ws, cases=30, seed=4, years=1, into_real_archive=True)
    assert made.cases == 30
    with case_ws.transaction(write=False) as session:
        written = sum(
            session.execute(text(f"SELECT count(*) FROM {s.table} WHERE {s.column} != ''")).scalar_one()
            for s in SOURCES
        )
        indexed = session.execute(text(f"SELECT count(*) FROM {TABLE}_docsize")).scalar_one()
    assert written == indexed > 30
    assert c.search_notes(case_ws, "colloquio", statuses=None).items


def test_every_source_keeps_its_triggers_at_head(case_ws: Workspace) -> None:
    """A later migration that rebuilds one of these tables in batch mode would drop its triggers: the index
    would silently miss new notes. The migration's list is the models' list."""
    from importlib import import_module

    frozen = import_module(f"{versions_package}.0018_note_search")
    assert [(n, t, col, k, kind) for n, t, col, k, kind in frozen.SOURCES] == [
        (s.name, s.table, s.column, s.key, s.kind) for s in SOURCES
    ]
    with case_ws.transaction(write=False) as session:
        found = set(session.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    assert {name for name, _ in frozen.triggers()} <= found
    assert migrate.head_revision() >= "0018"
