"""Documents attached to her case: real PDFs and images stored inside the encrypted database, bounded,
recognised by their bytes, confined to her desks, audited without their names, erased with her identity,
carried by backups and listed in her copy of the data. Everything on real SQLCipher folders."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models.documents import CaseDocument, CaseDocumentContent
from app.services import backup
from app.services import cases as c
from app.services.cases import documents as docs
from app.services.errors import PermissionDenied, UserError
from app.services.pdf_pages import PdfPages, UnreadablePdf
from app.services.subject_access import subject_access_pdf
from app.services.workspace import Workspace
from tests.case_fixtures import (
    ADMIN,
    COORD,
    PASSWORDS,
    TODAY,
    FullCase,
    People,
    audit_events,
    db_snapshot,
    open_case,
    switch,
)
from tests.document_fixtures import make_jpeg, make_pdf, make_png

pytest_plugins = ["tests.case_fixtures"]

NAME = "Denuncia di Ottavia Quaglieri.pdf"  # a name that identifies her: never in the audit trail


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _rows(ws: Workspace) -> tuple[int, int]:
    with ws.transaction(write=False) as session:
        return (
            session.scalar(select(func.count()).select_from(CaseDocument)) or 0,
            session.scalar(select(func.count()).select_from(CaseDocumentContent)) or 0,
        )


def _document_events(ws: Workspace) -> list[tuple[str, str | None]]:
    return [(e.action, e.detail) for e in audit_events(ws) if e.action.startswith("document.")]


def test_pdf_png_and_jpeg_are_stored_listed_and_read_back(case_ws: Workspace, tmp_path: Path) -> None:
    ref = open_case(case_ws, "Ottavia", "Quaglieri")
    pdf, png, jpeg = make_pdf("Tribunale di Bergamo", pages=2), make_png(), make_jpeg()
    pdf_id = docs.add_document(case_ws, ref.id, _write(tmp_path, NAME, pdf))
    png_id = docs.add_document(case_ws, ref.id, _write(tmp_path, "referto.png", png))
    jpeg_id = docs.add_document(case_ws, ref.id, _write(tmp_path, "foto.JPG", jpeg))
    listed = docs.list_documents(case_ws, ref.id)
    assert [(d.id, d.name, d.kind, d.size) for d in listed] == [
        (jpeg_id, "foto.JPG", "JPEG", len(jpeg)),
        (png_id, "referto.png", "PNG", len(png)),
        (pdf_id, NAME, "PDF", len(pdf)),
    ]  # newest first
    assert {d.added_by for d in listed} == {"Bice"} and all(d.added_at.date() == TODAY for d in listed)
    opened = docs.open_document(case_ws, pdf_id)
    assert (opened.name, opened.kind, opened.content, opened.case_id) == (NAME, "PDF", pdf, ref.id)
    with PdfPages(opened.content) as pages:
        assert len(pages) == 2
        shown = pages.render(0, 0.5)
        assert shown.width == round(595 * 0.5) and shown.data.count(b"\xff") > len(shown.data) // 2
    docs.record_print(case_ws, png_id)
    events = _document_events(case_ws)
    assert [a for a, _ in events] == ["document.added"] * 3 + ["document.viewed", "document.printed"]
    assert json.loads(events[3][1] or "") == {"document": pdf_id, "kind": "PDF"}
    assert all("Quaglieri" not in (detail or "") and ".pdf" not in (detail or "") for _, detail in events)
    assert all(e.entity_id == str(ref.id) for e in audit_events(case_ws) if e.action.startswith("document."))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("lettera.pdf", b"Gentile avvocata, ..."),  # a text file named .pdf: refused by its bytes
        ("foto.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        ("scansione.jpg", b"II*\x00" + bytes(64)),  # a TIFF
        ("documento.docx", b"PK\x03\x04" + bytes(64)),
    ],
)
def test_anything_but_pdf_png_jpeg_is_refused_by_its_bytes(
    case_ws: Workspace, tmp_path: Path, name: str, data: bytes
) -> None:
    ref = open_case(case_ws)
    before = db_snapshot(case_ws)
    with pytest.raises(UserError, match="Only PDF documents and PNG or JPEG images"):
        docs.add_document(case_ws, ref.id, _write(tmp_path, name, data))
    assert db_snapshot(case_ws) == before


def test_empty_damaged_and_password_protected_pdfs_are_refused(case_ws: Workspace, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    ref = open_case(case_ws)
    with pytest.raises(UserError, match="empty"):
        docs.add_document(case_ws, ref.id, _write(tmp_path, "vuoto.pdf", b""))
    with pytest.raises(UserError, match="damaged or protected by a password"):
        docs.add_document(case_ws, ref.id, _write(tmp_path, "rotto.pdf", b"%PDF-1.7\n" + os.urandom(2000)))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf("riservato"))))
    writer.encrypt("segreta")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(UserError, match="damaged or protected by a password"):
        docs.add_document(case_ws, ref.id, _write(tmp_path, "chiuso.pdf", locked.getvalue()))
    assert _rows(case_ws) == (0, 0)
    with pytest.raises(UnreadablePdf):  # the viewer's door says the same, never a traceback
        PdfPages(b"%PDF-1.4 nothing else")


def test_a_file_over_the_bound_is_refused_before_it_is_read(case_ws: Workspace, tmp_path: Path) -> None:
    ref = open_case(case_ws)
    huge = tmp_path / "scansione.pdf"
    with huge.open("wb") as handle:  # sparse: 4 GB on paper, nothing on the disk
        handle.write(b"%PDF-1.7\n")
        handle.truncate(4 * 1024**3)
    with pytest.raises(UserError, match="at most 20 MB") as refused:
        docs.add_document(case_ws, ref.id, huge)
    assert "4096 MB" in str(refused.value)
    just_over = _write(tmp_path, "grande.png", make_png() + bytes(docs.MAX_FILE_BYTES))
    with pytest.raises(UserError, match="at most 20 MB"):
        docs.add_document(case_ws, ref.id, just_over)
    with pytest.raises(UserError, match="is not a file"):
        docs.add_document(case_ws, ref.id, tmp_path)
    assert _rows(case_ws) == (0, 0)


def test_a_document_of_the_largest_size_is_stored_and_read_back_whole(case_ws: Workspace) -> None:
    """SQLite's limit on one value (~1 GB) is far above the bound: 20 MB go in and come back intact."""
    ref = open_case(case_ws)
    largest = make_png() + os.urandom(docs.MAX_FILE_BYTES - len(make_png()))
    assert len(largest) == docs.MAX_FILE_BYTES
    doc_id = docs.add_document_bytes(case_ws, ref.id, "scansione.png", largest)
    assert docs.open_document(case_ws, doc_id).content == largest


def test_her_documents_together_are_bounded(
    case_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = open_case(case_ws)
    first, second = make_pdf("primo"), make_pdf("secondo", pages=2)
    monkeypatch.setattr(docs, "MAX_CASE_BYTES", len(first) + len(second) - 1)
    docs.add_document_bytes(case_ws, ref.id, "primo.pdf", first)
    with pytest.raises(UserError, match="Her documents would take more than"):
        docs.add_document_bytes(case_ws, ref.id, "secondo.pdf", second)
    other = open_case(case_ws, "Alessia", "Brambilla")  # the bound is hers, not the centre's
    docs.add_document_bytes(case_ws, other.id, "secondo.pdf", second)
    with pytest.raises(UserError, match="already among her documents"):
        docs.add_document_bytes(case_ws, other.id, "copia.pdf", second)
    assert _rows(case_ws) == (2, 2)


def test_names_are_cleaned_and_bounded(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    doc_id = docs.add_document_bytes(case_ws, ref.id, "a\x00b\nc" + "x" * 300 + ".pdf", make_pdf())
    (shown,) = docs.list_documents(case_ws, ref.id)
    assert shown.id == doc_id and shown.name.startswith("abc") and shown.name.endswith("x.pdf")
    assert len(shown.name) == docs.MAX_NAME


def test_documents_are_confined_to_her_desks(ws_b: Workspace, case_b: FullCase, people: People) -> None:
    """Desk A's operatrice reaches no document of desk B's case, by case id nor by document id; each try is
    refused, changes nothing and is on the audit trail. The coordinatrice reaches them."""
    switch(ws_b, COORD)
    doc_id = docs.add_document_bytes(ws_b, case_b.id, "ordinanza.pdf", make_pdf("ordinanza"))
    switch(ws_b, "bice")
    before = db_snapshot(ws_b)
    tries = [
        lambda: docs.list_documents(ws_b, case_b.id),
        lambda: docs.open_document(ws_b, doc_id),
        lambda: docs.record_print(ws_b, doc_id),
        lambda: docs.remove_document(ws_b, doc_id),
        lambda: docs.add_document_bytes(ws_b, case_b.id, "altro.png", make_png()),
    ]
    for n, attempt in enumerate(tries, start=1):
        with pytest.raises(PermissionDenied):
            attempt()
        assert len(audit_events(ws_b, "access.denied")) == n
    assert db_snapshot(ws_b) == before
    assert all(e.entity_id == str(case_b.id) for e in audit_events(ws_b, "access.denied"))
    assert not [e for e in audit_events(ws_b) if e.action in ("document.viewed", "document.printed")]
    switch(ws_b, COORD)
    assert docs.open_document(ws_b, doc_id).content.startswith(b"%PDF")


def test_a_removed_document_is_gone_and_its_removal_audited(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    keep = docs.add_document_bytes(case_ws, ref.id, "tieni.png", make_png())
    gone = docs.add_document_bytes(case_ws, ref.id, "togli.pdf", make_pdf("togli"))
    docs.remove_document(case_ws, gone)
    assert [d.id for d in docs.list_documents(case_ws, ref.id)] == [keep]
    assert _rows(case_ws) == (1, 1)
    with pytest.raises(UserError, match="No such document"):
        docs.open_document(case_ws, gone)
    (removed,) = audit_events(case_ws, "document.removed")
    assert json.loads(removed.detail or "") == {"document": gone, "kind": "PDF"}


def test_nothing_is_added_after_she_withdrew_consent_and_the_withdrawal_erases_them(
    case_ws: Workspace,
) -> None:
    ref = open_case(case_ws)
    docs.add_document_bytes(case_ws, ref.id, "referto.png", make_png())
    c.record_consent(case_ws, ref.id, "TRATTAMENTO", False, TODAY)
    assert _rows(case_ws) == (0, 0)
    with pytest.raises(UserError, match="withdrew her consent"):
        docs.add_document_bytes(case_ws, ref.id, "altro.pdf", make_pdf())


def test_erasing_her_identity_erases_her_documents(case_ws: Workspace) -> None:
    ref = open_case(case_ws, "Ottavia", "Quaglieri")
    other = open_case(case_ws, "Alessia", "Brambilla")
    marker = b"zqxdocmarker"
    docs.add_document_bytes(case_ws, ref.id, "zqxdocmarker.pdf", make_pdf(marker.decode()))
    docs.add_document_bytes(case_ws, ref.id, "referto.png", make_png(text=marker.decode()))
    kept = docs.add_document_bytes(case_ws, other.id, "sua.png", make_png(rgb=(1, 2, 3)))
    switch(case_ws, COORD)
    c.erase_identity(case_ws, ref.id)
    assert docs.list_documents(case_ws, ref.id) == []
    assert [d.id for d in docs.list_documents(case_ws, other.id)] == [kept]
    assert _rows(case_ws) == (1, 1)
    case_ws.lock()  # the erasure compacted the file: the bytes are in no page of it, nor in the WAL
    for path in case_ws.folder.glob("ascolto.db*"):
        assert marker not in path.read_bytes()


def test_a_backup_carries_her_documents_and_a_restore_brings_them_back(
    case_ws: Workspace, tmp_path: Path
) -> None:
    ref = open_case(case_ws)
    pdf = make_pdf("decreto", pages=3)
    doc_id = docs.add_document_bytes(case_ws, ref.id, "decreto.pdf", pdf)
    switch(case_ws, ADMIN)
    made = backup.make_backup(case_ws, tmp_path / "usb")
    assert pdf[:200] not in made.path.read_bytes()  # encrypted in the backup like every page
    docs.remove_document(case_ws, doc_id)
    assert docs.list_documents(case_ws, ref.id) == []
    backup.restore_backup(case_ws, made.path, ADMIN, password=PASSWORDS[ADMIN])
    (back,) = docs.list_documents(case_ws, ref.id)
    assert (back.id, back.name) == (doc_id, "decreto.pdf")
    restored = docs.open_document(case_ws, doc_id).content
    assert restored == pdf
    with PdfPages(restored) as pages:
        assert len(pages) == 3


def test_her_copy_of_the_data_lists_her_documents(case_ws: Workspace, tmp_path: Path) -> None:
    from pypdf import PdfReader

    ref = open_case(case_ws)
    docs.add_document_bytes(case_ws, ref.id, "ordinanza di protezione.pdf", make_pdf("ordinanza"))
    docs.add_document_bytes(case_ws, ref.id, "certificato medico.jpg", make_jpeg())
    out = tmp_path / "copia.pdf"
    subject_access_pdf(case_ws, ref.id, out, "it")
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages)
    assert "Documenti allegati alla scheda" in text
    assert "ordinanza di protezione.pdf" in text and "certificato medico.jpg" in text
    assert TODAY.strftime("%d/%m/%Y") in text and "JPEG" in text
