"""What must leave the installation, how, and what came back (app/services/outbox.py).

Attachments are kept as bytes inside the encrypted database, so an item survives the files it was made
from being moved; the delivery routes' credentials live here too, encrypted with everything else.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, utcnow


class DeliveryRoute(Base):
    """How files for one destination leave: `kind` "email" or "folder", its settings as JSON."""

    __tablename__ = "delivery_route"

    id: Mapped[int] = mapped_column(primary_key=True)
    destination: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    settings: Mapped[str] = mapped_column(Text)
    uid_validity: Mapped[int] = mapped_column(default=0)  # the mailbox read so far (IMAP UIDVALIDITY)
    last_uid: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class OutboxItem(Base):
    """One thing to deliver: a release (package and PDF), a bundle for the main office, a case transfer.

    `uid` never changes: it makes the Message-ID and the file names, so a retry after a crash is the
    same message and the same files, recognised as such by whoever receives it twice.
    """

    __tablename__ = "outbox_item"
    __table_args__ = (Index("ix_outbox_item_state", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(40), unique=True)
    destination: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    reason: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    attachments: Mapped[list[OutboxAttachment]] = relationship(
        cascade="all, delete-orphan", order_by="OutboxAttachment.id"
    )


class OutboxAttachment(Base):
    __tablename__ = "outbox_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("outbox_item.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class OutboxEvent(Base):
    """Each change of an item's state, with when: what the window shows as the item's history."""

    __tablename__ = "outbox_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("outbox_item.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    state: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(String(40), default="")


class DeliveryReceipt(Base):
    """A PEC receipt as received: the proof of sending (and of delivery) a centre may be asked for."""

    __tablename__ = "delivery_receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("outbox_item.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    message: Mapped[bytes] = mapped_column(LargeBinary)


class InboxEntry(Base):
    """One attachment read from a mailbox or folder, and what became of it (accepted, refused, duplicate)."""

    __tablename__ = "inbox_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    destination: Mapped[str] = mapped_column(String(40))
    origin: Mapped[str] = mapped_column(String(300))  # the Message-ID or file name it came from
    name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(String(300), default="")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
