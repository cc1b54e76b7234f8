"""Documents attached to her case (complaints, protection orders, certificates, court papers): PDFs and
images kept inside the encrypted database.

Why inside the database and not as files beside it (app/models/documents.py): a backup and a restore
carry them like the rest of her file; SQLCipher encrypts their pages and WAL frames under the data key,
so there is no second key scheme and no key handling outside `app/crypto`; an erasure removes them in
the same unit of work as her identity. Nothing of a document is ever written as a plaintext file: the
file she chose is read into memory with a bound (its size is checked before it is read whole), checked,
stored; a view returns the bytes to be rendered in memory.

Only PDF, PNG and JPEG, recognised by their first bytes (never by the file's extension): anything else
is refused with a message that says what is accepted. A PDF that PDFium cannot open (damaged, or locked
with a password) is refused when it is added, so that whatever is stored can be shown.

Confined like the rest of her file: an operatrice reaches the documents of her desk's cases only. Every
addition, view, print and removal is audited with the document's id and kind, never its name (the name
she gave the file may identify her).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Operator, Role
from app.models.documents import CaseDocument, CaseDocumentContent
from app.services import audit, pdf_pages
from app.services.cases.permissions import changing_case, load_case
from app.services.cases.profile import require_new_consent
from app.services.errors import NotFound, PermissionDenied, UserError, ValidationError
from app.services.workspace import Actor, Workspace

MIB = 1024 * 1024
MAX_FILE_BYTES = 20 * MIB
"""One document: a scanned court order of many pages fits; SQLite's limit on one value is ~1 GB."""
MAX_CASE_BYTES = 200 * MIB
"""All of one woman's documents together: keeps backups of a centre with thousands of women movable."""
MAX_NAME = 200

PDF, PNG, JPEG = "PDF", "PNG", "JPEG"
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
)
KINDS = (PDF, PNG, JPEG)


@dataclass(frozen=True)
class DocumentView:
    """One line of her documents' list (no content)."""

    id: int
    name: str
    kind: str
    size: int
    added_at: dt.datetime  # naive UTC, as stored
    added_by: str | None  # the operator's name; None when unknown here (a case that came from another PC)
    removable: bool = False  # by whoever is listing them (remove_document says who may)


@dataclass(frozen=True)
class OpenedDocument:
    """A document to show: its bytes, in memory only."""

    id: int
    case_id: int
    name: str
    kind: str
    content: bytes


def kind_of(data: bytes) -> str | None:
    """PDF, PNG or JPEG by the file's first bytes; None for anything else."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _mb(n: int) -> str:
    return f"{n / MIB:.1f}".rstrip("0").rstrip(".")


def _too_large(size: int) -> UserError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "Errors", "This file is {size} MB: a document can be at most {limit} MB. Nothing was added."
        ),
        field="document",
        size=_mb(size),
        limit=MAX_FILE_BYTES // MIB,
    )


def _unreadable(path: Path, exc: OSError) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}."),
        path=str(path),
        reason=exc.strerror or type(exc).__name__,
    )


def read_file(path: Path) -> bytes:
    """The chosen file's bytes, read into memory (never copied anywhere). Its size is checked before it is
    read, and at most one byte more than the bound is read: a file that grew meanwhile is refused too."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    _check_opened(fd, path)
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise _unreadable(path, exc) from exc
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    return data


def _check_opened(fd: int, path: Path) -> None:
    """A regular file within the bound passes; otherwise the descriptor is closed and a refusal raised."""
    info = os.fstat(fd)
    if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_FILE_BYTES:
        return
    os.close(fd)
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{path} is not a file."), field="document", path=str(path)
        )
    raise _too_large(info.st_size)


def check_content(data: bytes) -> str:
    """The document's kind, or a refusal: empty, too large, not PDF/PNG/JPEG, or a PDF PDFium cannot open."""
    if not data:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The file is empty."), field="document")
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    kind = kind_of(data)
    if kind is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Only PDF documents and PNG or JPEG images can be attached; this file is none of them "
                "(whatever its name says).",
            ),
            field="document",
        )
    if kind == PDF:
        pages = pdf_pages.page_count(data)
        if pages is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This PDF cannot be opened: it is damaged or protected by a password. Nothing was added.",
                ),
                field="document",
            )
    return kind


def clean_name(name: str) -> str:
    """The name shown in the list: the file's name without control characters, at most MAX_NAME long."""
    shown = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if len(shown) > MAX_NAME:
        _, dot, suffix = shown.rpartition(".")
        keep = f"{dot}{suffix}" if dot and len(suffix) <= 10 else ""
        shown = shown[: MAX_NAME - len(keep)].rstrip() + keep
    return shown or "—"


def add_document(ws: Workspace, case_id: int, path: Path) -> int:
    """Attach the file at `path` to her case (read into memory with a bound); returns the document's id."""
    return add_document_bytes(ws, case_id, path.name, read_file(path))


def add_document_bytes(ws: Workspace, case_id: int, name: str, data: bytes) -> int:
    """Attach `data` under `name`: checked, bounded per file and per case, audited (id and kind only)."""
    kind = check_content(data)
    shown = clean_name(name)
    digest = hashlib.sha256(data).hexdigest()
    with changing_case(ws, case_id) as (session, actor, case):
        if case.identity_erased_on is not None:  # a complaint or an order names her: as entering who she is
            require_new_consent(session, case)
        twin = session.scalar(
            select(CaseDocument.name).where(CaseDocument.case_id == case.id, CaseDocument.sha256 == digest)
        )
        if twin is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "This file is already among her documents, as “{name}”."),
                field="document",
                name=twin,
            )
        held = session.scalar(
            select(func.coalesce(func.sum(CaseDocument.size), 0)).where(CaseDocument.case_id == case.id)
        )
        if int(held or 0) + len(data) > MAX_CASE_BYTES:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Her documents would take more than {limit} MB ({held} MB already): nothing was added. "
                    "Remove a document she no longer needs, or attach a smaller scan.",
                ),
                field="document",
                limit=MAX_CASE_BYTES // MIB,
                held=_mb(int(held or 0)),
            )
        row = CaseDocument(
            case_id=case.id, name=shown, kind=kind, size=len(data), sha256=digest, added_by=actor.operator_id
        )
        session.add(row)
        session.flush()
        session.add(CaseDocumentContent(document_id=row.id, content=data))
        audit.record(
            session, actor.operator_id, "document.added", "case", case.id, {"document": row.id, "kind": kind}
        )
        return row.id


def list_documents(ws: Workspace, case_id: int) -> list[DocumentView]:
    """Her documents, newest first (names, kinds, sizes, dates, who added them); never their content."""
    actor = ws.require_actor()
    with ws.transaction(write=False) as session:
        case = load_case(session, actor, case_id, "read")
        return documents_of(session, case.id, actor)


def may_remove(actor: Actor, added_by: int | None) -> bool:
    """Whoever attached it (a wrong file) or an administrator: a document may be evidence."""
    return added_by == actor.operator_id or actor.role is Role.AMMINISTRATRICE


def documents_of(session: Session, case_id: int, actor: Actor | None = None) -> list[DocumentView]:
    """The list inside the caller's unit of work (her copy of the data lists them too); `removable`
    says whether `actor` may remove each."""
    return [
        DocumentView(
            d.id, d.name, d.kind, d.size, d.added_at, who, actor is not None and may_remove(actor, d.added_by)
        )
        for d, who in session.execute(
            select(CaseDocument, Operator.full_name)
            .outerjoin(Operator, Operator.id == CaseDocument.added_by)
            .where(CaseDocument.case_id == case_id)
            .order_by(CaseDocument.added_at.desc(), CaseDocument.id.desc())
        )
    ]


def _document(session: Session, actor: Actor, document_id: int, action: str) -> CaseDocument:
    """The document, reached through her case's help-desk check (a refusal is audited on the case)."""
    row = session.get(CaseDocument, document_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such document: it may have been removed."))
    load_case(session, actor, row.case_id, action)
    return row


def open_document(ws: Workspace, document_id: int) -> OpenedDocument:
    """The document's bytes to show in the viewer; audited as a view (its id, never its name)."""
    actor = ws.require_actor()
    with ws.transaction() as session:
        row = _document(session, actor, document_id, "document.view")
        content = session.get_one(CaseDocumentContent, row.id).content
        audit.record(
            session,
            actor.operator_id,
            "document.viewed",
            "case",
            row.case_id,
            {"document": row.id, "kind": row.kind},
        )
        return OpenedDocument(row.id, row.case_id, row.name, row.kind, bytes(content))


def record_print(ws: Workspace, document_id: int) -> None:
    """Audit a print of the document, before anything is sent to the printer."""
    actor = ws.require_actor()
    with ws.transaction() as session:
        row = _document(session, actor, document_id, "document.print")
        audit.record(
            session,
            actor.operator_id,
            "document.printed",
            "case",
            row.case_id,
            {"document": row.id, "kind": row.kind},
        )


def remove_document(ws: Workspace, document_id: int) -> None:
    """Remove a document from her file for good: its cells are zeroed, the file compacted (as after an
    erasure), so that no free page or WAL frame keeps it. Audited with its id and kind.

    A document may be evidence (a protection order, a medical report), and removing it cannot be undone:
    only the person who attached it (a wrong file) or an administrator may, so that a colleague about to
    leave cannot destroy what others attached. A refusal is audited on the case."""
    actor = ws.require_actor()
    with ws.transaction() as session:
        session.execute(text("PRAGMA secure_delete = ON"))
        row = _document(session, actor, document_id, "document.remove")
        if not may_remove(actor, row.added_by):
            denied = PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "Errors", "Only whoever attached a document, or an administrator, can remove it."
                )
            )
            denied.audit_event = ("case", row.case_id, {"action": "document.remove"})
            raise denied
        case_id, kind = row.case_id, row.kind
        session.execute(delete(CaseDocument).where(CaseDocument.id == row.id))  # its content by cascade
        audit.record(
            session,
            actor.operator_id,
            "document.removed",
            "case",
            case_id,
            {"document": document_id, "kind": kind},
        )
    ws.compact()
