"""Documents attached to a case: complaints, protection orders, medical certificates, court papers.

They are kept inside the encrypted database, not as files beside it:
- a backup and a restore carry them with the rest of her file (a backup copies the database's pages), and
  an erasure or a deletion by retention removes them in the same unit of work as the rest;
- SQLCipher encrypts their pages (and the WAL's frames) like every other row, under the data key that a
  rotation re-keys: nothing to derive, seal, store or rotate outside `app/crypto`, no second key scheme;
- nothing of them ever exists as a plaintext file (the file she chose is read into memory, stored, and
  shown from memory).
The bytes sit in a table of their own, so that listing her documents never reads them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class CaseDocument(Base):
    """What the list shows: the name she gave the file, its kind (PDF, PNG, JPEG), size, when, who."""

    __tablename__ = "case_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))  # may identify her: never in the audit trail
    kind: Mapped[str] = mapped_column(String(10))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class CaseDocumentContent(Base):
    """The document's bytes, one blob (at most `documents.MAX_FILE_BYTES`, far below SQLite's limits)."""

    __tablename__ = "case_document_content"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("case_document.id", ondelete="CASCADE"), primary_key=True
    )
    content: Mapped[bytes] = mapped_column(LargeBinary)
