"""The erasure ledger's mirror inside the database (app/services/erasure_ledger.py).

Each row is one line of `erasures.jsonl` exactly as written beside the database: case ids, keyed tags,
dates and the kind of action, never what was erased. The file outlives a restore; this table outlives a
deleted file, and each restore carries the union of both forward.
"""

from __future__ import annotations

from sqlalchemy import Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class LedgerLine(Base):
    __tablename__ = "erasure_ledger"

    id: Mapped[int] = mapped_column(primary_key=True)
    line: Mapped[str] = mapped_column(Text, unique=True)
