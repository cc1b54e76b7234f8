"""Append-only, hash-chained audit events (triggers in the migration forbid UPDATE and DELETE)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow

GENESIS_HASH = "0" * 64


class AuditEvent(Base):
    """Who did what to which record, when. Never the content: `detail` holds codes and counts only."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    operator_id: Mapped[int | None]
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(40))
    detail: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditAnchor(Base):
    """Where the chain starts once events past their retention period were removed (one row, id 1).

    Triggers (migration 0003) let events at or below `last_id` be deleted, and let the anchor move only
    forward onto an existing event with its real hash; `verify` starts from `last_hash`.
    """

    __tablename__ = "audit_anchor"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    last_id: Mapped[int] = mapped_column(default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default=GENESIS_HASH)
    removed: Mapped[int] = mapped_column(default=0)  # events removed so far, for the record
    moved_at: Mapped[datetime | None]
