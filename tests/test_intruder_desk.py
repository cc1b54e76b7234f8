"""An insider against the operatrice's desk (documents, search in notes, the week, goal history, the case
summary), on real encrypted databases: what an operatrice of another desk, a locked session or a revoked
account reaches; what an erasure leaves in the file's decrypted pages, its WAL and a later backup; what
the audit trail keeps of the words typed; what a crafted PDF costs the viewer.

The page scans decrypt every page of the SQLCipher file with the data key (as anyone holding a password
could): free pages, FTS5 segments and WAL frames included, which reading the tables cannot show.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.services import accounts, backup, pdf_pages, week
from app.services import cases as c
from app.services.case_summary import case_summary_pdf
from app.services.cases import documents as docs
from app.services.cases import note_search
from app.services.errors import PermissionDenied, ValidationError, WorkspaceLocked, WrongCredentials
from app.services.workspace import Workspace
from tests.case_fixtures import (
    ADMIN,
    COORD,
    D0,
    FAST_KDF,
    OP_A,
    OP_B,
    PASSWORDS,
    TODAY,
    FullCase,
    People,
    audit_events,
    db_snapshot,
    full_case,
    open_case,
    switch,
    text_cells,
)
from tests.document_fixtures import make_pdf, make_png

pytest_plugins = ["tests.case_fixtures"]

PAGE = 4096  # SQLCipher 4's default page
RESERVE = 48  # its IV (16) and HMAC-SHA256 (32, database.CIPHER_HMAC) at the end of each page
WAL_HEADER, FRAME_HEADER = 32, 24


# --- reading the file as whoever holds the key would ----------------------------------------------------------
def _decrypt(page: bytes, key: bytes) -> bytes:
    """One page in clear (page 1's first two blocks come out garbled: its salt is not encrypted)."""
    end = PAGE - RESERVE
    decryptor = Cipher(algorithms.AES(key), modes.CBC(page[end : end + 16])).decryptor()
    return decryptor.update(page[:end]) + decryptor.finalize()


def _pages(data: bytes, key: bytes, start: int = 0, stride: int = PAGE) -> bytes:
    return b"".join(
        _decrypt(data[at + stride - PAGE : at + stride], key)
        for at in range(start, len(data) - stride + 1, stride)
    )


def clear_text(folder: Path, key: bytes) -> bytes:
    """Every page of the database file and every frame of its WAL, decrypted."""
    db = folder / "ascolto.db"
    found = _pages(db.read_bytes(), key)
    wal = folder / "ascolto.db-wal"
    if wal.exists():
        found += _pages(wal.read_bytes(), key, WAL_HEADER, FRAME_HEADER + PAGE)
    return found


def backup_clear_text(path: Path, key: bytes) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return _pages(archive.read("ascolto.db"), key)


# --- what an erasure leaves ----------------------------------------------------------------------------------
WORD = "qxjzvkwtorno"  # in her notes: FTS5 may keep a term's first letters shared with the term before it
TAIL = WORD[-8:].encode()
DOC_MARKER = b"ZQXDOCPAGEMARK"  # in her PDF's uncompressed page


def _erase_by_coordinatrice(ws: Workspace, case_id: int) -> None:
    switch(ws, COORD)
    c.erase_identity(ws, case_id)


def _withdrawal_by_operatrice(ws: Workspace, case_id: int) -> None:
    c.record_consent(ws, case_id, "TRATTAMENTO", False, TODAY)


@pytest.mark.parametrize("erase", [_erase_by_coordinatrice, _withdrawal_by_operatrice])
def test_an_erasure_leaves_her_words_and_documents_in_no_decrypted_page_wal_or_later_backup(
    case_ws: Workspace, tmp_path: Path, erase: Callable[[Workspace, int], None]
) -> None:
    made = full_case(case_ws, "Ottavia", "Quaglieri", note=WORD)
    c.update_goal(case_ws, made.goal_id, description=f"obiettivo riscritto {WORD}")  # a goal version too
    docs.add_document_bytes(case_ws, made.id, f"denuncia {WORD}.pdf", make_pdf(DOC_MARKER.decode(), pages=4))
    other = full_case(case_ws, "Alessia", "Brambilla", note="altrove")
    key = case_ws.data_key.raw()
    live = clear_text(case_ws.folder, key)
    assert TAIL in live and DOC_MARKER in live  # the scan sees them while they are hers to keep

    erase(case_ws, made.id)
    assert c.search_notes(case_ws, WORD, statuses=None).items == []
    after = clear_text(case_ws.folder, key)
    assert TAIL not in after and DOC_MARKER not in after
    switch(case_ws, ADMIN)
    saved = backup.make_backup(case_ws, tmp_path / "usb")
    copy = backup_clear_text(saved.path, key)
    assert TAIL not in copy and DOC_MARKER not in copy
    assert b"altrove" in copy and [h.case_id for h in c.search_notes(case_ws, "altrove").items] == [other.id]


def test_a_removed_document_leaves_no_byte_in_the_decrypted_file(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    gone = docs.add_document_bytes(case_ws, ref.id, "referto.pdf", make_pdf(DOC_MARKER.decode(), pages=3))
    key = case_ws.data_key.raw()
    assert DOC_MARKER in clear_text(case_ws.folder, key)
    docs.remove_document(case_ws, gone)
    assert DOC_MARKER not in clear_text(case_ws.folder, key)


# --- another desk, through search in notes ---------------------------------------------------------------------
def test_search_in_notes_counts_and_flags_only_her_desks_notes(
    ws_b: Workspace, case_b: FullCase, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Desk B's case holds many notes with the word; desk A's one. What bice sees of the search (the cases,
    the notes counted, the snippet, "more results") must be the same as if desk B's notes did not exist."""
    switch(ws_b, OP_B)
    for n in range(6):
        c.add_service(
            ws_b,
            case_b.id,
            c.ServiceInput(D0 + timedelta(days=20 + n), "PSICO_IND", "PRESENZA", 30, "PSICOLOGA",
                           notes=f"condiviso nascosto{n}"),
        )  # fmt: skip
    switch(ws_b, OP_A)
    mine = open_case(ws_b, "Olga", "Riva")
    c.add_intake(ws_b, mine.id, c.IntakeInput(D0, "N1522", "TELEFONO", ("PSICOLOGICA",), "01", "1_5Y",
                                               notes="condiviso qui"))  # fmt: skip
    monkeypatch.setattr(note_search, "MAX_ROWS", 3)  # desk B alone would overflow it
    for desk in (None, people.desk_b, people.desk_a):
        page = c.search_notes(ws_b, "condiviso", statuses=None, help_desk_id=desk)
        assert [(h.case_id, h.notes) for h in page.items] == [(mine.id, 1)] and not page.more
        assert "nascosto" not in "".join(piece for h in page.items for piece, _ in h.snippet)
    for typed in (
        "nascosto",
        "nascosto*",
        '"condiviso nascosto0"',
        "nascosto0 OR qui",
        "NEAR(condiviso qui)",
    ):
        assert c.search_notes(ws_b, typed, statuses=None).items == [], typed
    switch(ws_b, OP_B)
    page = c.search_notes(ws_b, "condiviso", statuses=None)
    assert [h.case_id for h in page.items] == [case_b.id] and page.more  # the bound is reached by desk B


# --- removing a document --------------------------------------------------------------------------------------
def test_a_colleague_at_her_desk_cannot_destroy_a_document_she_did_not_attach(
    ws_b: Workspace, case_b: FullCase, people: People
) -> None:
    """A document may be evidence (a protection order, a medical report): removing it is for good. An
    operatrice about to leave could erase what a colleague attached; the one who attached it (a wrong file)
    or an administrator may remove it, anyone else is refused, audited, and nothing changes."""
    switch(ws_b, ADMIN)
    accounts.add_operator(ws_b, "elisa", "Elisa", "operatrice", people.desk_b, PASSWORDS[OP_B], kdf=FAST_KDF)
    switch(ws_b, OP_B)
    evidence = docs.add_document_bytes(ws_b, case_b.id, "ordinanza.pdf", make_pdf("ordinanza"))
    mistaken = docs.add_document_bytes(ws_b, case_b.id, "sbagliato.png", make_png())
    ws_b.lock()
    ws_b.unlock("elisa", PASSWORDS[OP_B])
    before = db_snapshot(ws_b)
    with pytest.raises(PermissionDenied, match="attached"):
        docs.remove_document(ws_b, evidence)
    assert db_snapshot(ws_b) == before
    (denied,) = audit_events(ws_b, "access.denied")[-1:]
    assert denied.entity_id == str(case_b.id) and "document.remove" in (denied.detail or "")
    switch(ws_b, COORD)
    with pytest.raises(PermissionDenied):
        docs.remove_document(ws_b, evidence)
    switch(ws_b, OP_B)
    docs.remove_document(ws_b, mistaken)  # her own wrong file
    switch(ws_b, ADMIN)
    docs.remove_document(ws_b, evidence)
    assert docs.list_documents(ws_b, case_b.id) == []


# --- a locked session, a revoked account -----------------------------------------------------------------------
def test_a_locked_session_or_a_revoked_account_reaches_nothing_of_the_desk(
    ws_b: Workspace, case_b: FullCase, tmp_path: Path
) -> None:
    switch(ws_b, OP_B)
    doc = docs.add_document_bytes(ws_b, case_b.id, "ordinanza.png", make_png())
    calls: list[Callable[[], object]] = [
        lambda: docs.list_documents(ws_b, case_b.id),
        lambda: docs.open_document(ws_b, doc),
        lambda: docs.record_print(ws_b, doc),
        lambda: docs.remove_document(ws_b, doc),
        lambda: c.search_notes(ws_b, "segreto"),
        lambda: week.week(ws_b, TODAY),
        lambda: week.print_week(ws_b, TODAY, io.BytesIO()),
        lambda: case_summary_pdf(ws_b, case_b.id, io.BytesIO()),
        lambda: c.edit_goal(ws_b, case_b.goal_id, "riscritto", None, "IN_CORSO"),
        lambda: c.get_case(ws_b, case_b.id),
    ]
    ws_b.lock()
    for call in calls:
        with pytest.raises(WorkspaceLocked):
            call()
    ws_b.unlock(ADMIN, PASSWORDS[ADMIN])
    accounts.revoke_operator(ws_b, OP_B)
    ws_b.lock()
    with pytest.raises(WrongCredentials):
        ws_b.unlock(OP_B, PASSWORDS[OP_B])
    with pytest.raises(WorkspaceLocked):
        docs.open_document(ws_b, doc)


# --- what the trail keeps ---------------------------------------------------------------------------------------
def test_the_trail_keeps_no_typed_word_document_name_or_goal_text(
    ws_b: Workspace, case_b: FullCase, tmp_path: Path
) -> None:
    switch(ws_b, OP_B)
    secret = "Ottavia Quaglieri zqvbtraccia"
    doc = docs.add_document_bytes(ws_b, case_b.id, f"Denuncia {secret}.pdf", make_pdf("x"))
    docs.open_document(ws_b, doc)
    docs.record_print(ws_b, doc)
    c.search_notes(ws_b, f'"{secret}" segreto')
    c.edit_goal(ws_b, case_b.goal_id, f"obiettivo {secret}", TODAY + timedelta(days=30), "IN_CORSO")
    c.add_goal(ws_b, case_b.id, "LAVORO", f"nuovo {secret}")
    week.week(ws_b, TODAY)
    week.print_week(ws_b, TODAY, io.BytesIO(), with_names=True)
    case_summary_pdf(ws_b, case_b.id, io.BytesIO(), ("pathway", "notes"), with_name=True)
    docs.remove_document(ws_b, doc)
    trail = [cell for cell in text_cells(ws_b) if cell[0] == "audit_event"]
    for word in (*secret.split(), "Denuncia", "segreto", "obiettivo", "Zanetti"):
        assert not [cell for cell in trail if word.lower() in cell[2].lower()], word


# --- crafted documents ----------------------------------------------------------------------------------------
def _pdf(media_box: str, pages: int) -> bytes:
    """A minimal valid PDF of `pages` empty pages sharing one MediaBox (written by hand, xref included)."""
    kids = " ".join(f"{3 + n} 0 R" for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        *[f"<< /Type /Page /Parent 2 0 R /MediaBox [{media_box}] >>".encode() for _ in range(pages)],
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{at:010d} 00000 n \n".encode() for at in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@pytest.mark.parametrize(
    ("media_box", "scale"),
    [("0 0 14400 14400", 4.0), ("0 0 0.01 14400", 500.0), ("0 0 14400 0.01", 500.0), ("0 0 0 0", 1000.0),
     ("0 0 1 1", 1e6)],
)  # fmt: skip
def test_a_crafted_page_never_renders_beyond_the_pixel_bound(media_box: str, scale: float) -> None:
    with pdf_pages.PdfPages(_pdf(media_box, 1)) as pdf:
        try:
            pixels = pdf.render(0, scale)
        except pdf_pages.UnreadablePdf:
            return  # refused with a message: fine
        assert pixels.width * pixels.height <= pdf_pages.MAX_PIXELS
        assert len(pixels.data) <= pdf_pages.MAX_PIXELS * 4 + pixels.stride


def test_a_pdf_of_many_pages_within_the_size_bound_is_accepted_without_rendering_them(
    case_ws: Workspace,
) -> None:
    data = _pdf("0 0 595 842", 50_000)
    assert len(data) <= docs.MAX_FILE_BYTES
    ref = open_case(case_ws)
    doc = docs.add_document_bytes(case_ws, ref.id, "molte.pdf", data)
    with pdf_pages.PdfPages(docs.open_document(case_ws, doc).content) as pdf:
        assert len(pdf) == 50_000
        assert pdf.render(49_999, 1.0).width == 595


def test_a_backup_from_before_the_erasure_restored_after_it_brings_none_of_her_back(
    case_ws: Workspace, tmp_path: Path
) -> None:
    """The backup still holds her (it was made before); the restored data folder must not: the erasure
    is taken again, and no file the restore leaves in the folder keeps the old pages."""
    made = full_case(case_ws, "Ottavia", "Quaglieri", note=WORD)
    docs.add_document_bytes(case_ws, made.id, "denuncia.pdf", make_pdf(DOC_MARKER.decode(), pages=2))
    switch(case_ws, ADMIN)
    old = backup.make_backup(case_ws, tmp_path / "usb")
    key = case_ws.data_key.raw()
    assert DOC_MARKER in backup_clear_text(old.path, key)
    switch(case_ws, COORD)
    c.erase_identity(case_ws, made.id)
    switch(case_ws, ADMIN)
    backup.restore_backup(case_ws, old.path, ADMIN, password=PASSWORDS[ADMIN])
    assert c.search_notes(case_ws, WORD, statuses=None).items == []
    assert docs.list_documents(case_ws, made.id) == []
    key = case_ws.data_key.raw()  # a restore may rotate the key: read with the current one
    case_ws.lock()
    for path in case_ws.folder.rglob("*"):
        if path.is_file() and path.stat().st_size >= PAGE:
            clear = _pages(path.read_bytes(), key)
            if path.name.endswith("-wal"):
                clear += _pages(path.read_bytes(), key, WAL_HEADER, FRAME_HEADER + PAGE)
            assert TAIL not in clear and DOC_MARKER not in clear, path


def test_after_an_erasure_no_document_is_attached_until_she_consents_again(case_ws: Workspace) -> None:
    """A complaint or a court order names her: attaching one to an erased case would enter who she is again,
    which the profile allows only under a new consent to processing (profile.require_new_consent)."""
    ref = open_case(case_ws, "Ottavia", "Quaglieri")
    switch(case_ws, COORD)
    c.erase_identity(case_ws, ref.id)
    switch(case_ws, OP_A)
    with pytest.raises(ValidationError, match="identity was erased"):
        docs.add_document_bytes(case_ws, ref.id, "denuncia di Ottavia Quaglieri.pdf", make_pdf("Ottavia"))
    assert docs.list_documents(case_ws, ref.id) == []
    c.record_consent(case_ws, ref.id, "TRATTAMENTO", True, TODAY)
    docs.add_document_bytes(case_ws, ref.id, "denuncia.pdf", make_pdf("di nuovo"))
    assert len(docs.list_documents(case_ws, ref.id)) == 1
