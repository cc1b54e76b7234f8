"""A centre of several installations (PCs): who belongs, what was sent and received, cases that left.

Each installation has its own archive and data key; nothing is shared at rest. The rows here hold the
public keys of the other installations, this installation's own key pair (private halves only inside
this encrypted database), the sequence numbers of the bundles exchanged with each, and a tombstone for
every case that moved to another installation (the code, the date, where it went; never who she is).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow

MAIN, DESK = "main", "desk"  # an installation's place in the centre
INVITED, ACTIVE, REMOVED = "invited", "active", "removed"  # a member's state


class Installation(Base):
    """This installation (`is_self`) or another one of the centre, known by its public keys."""

    __tablename__ = "centre_installation"

    id: Mapped[int] = mapped_column(primary_key=True)
    install_id: Mapped[str] = mapped_column(String(32), unique=True)  # random, names it in every bundle
    name: Mapped[str] = mapped_column(String(200), unique=True)  # the desk's name, or the main office's
    role: Mapped[str] = mapped_column(String(10))  # MAIN or DESK
    is_self: Mapped[bool] = mapped_column(default=False)
    state: Mapped[str] = mapped_column(String(10), default=ACTIVE)
    recipient: Mapped[str] = mapped_column(String(100), default="")  # age X25519 recipient, "age1..."
    signing_public: Mapped[bytes] = mapped_column(LargeBinary, default=b"")  # Ed25519, 32 bytes
    # private halves: only on the row of this installation (inside the encrypted database, never exported)
    age_identity: Mapped[bytes | None] = mapped_column(LargeBinary)
    signing_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    invite_token: Mapped[str] = mapped_column(String(64), default="")  # an invitation not yet answered
    last_seq_in: Mapped[int] = mapped_column(default=0)  # the last bundle accepted from it
    last_seq_out: Mapped[int] = mapped_column(default=0)  # the last bundle made for it
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    accepted_at: Mapped[dt.datetime | None]
    removed_at: Mapped[dt.datetime | None]


class BundleRecord(Base):
    """One bundle made for (out) or accepted from (in) another installation.

    An outgoing bundle keeps its encrypted bytes (readable only by its recipient) until its file is
    written: made and numbered in one transaction, written afterwards, written again by the next send if
    the process died in between. Never anything readable here.
    """

    __tablename__ = "centre_bundle"
    __table_args__ = (UniqueConstraint("direction", "peer_id", "seq", name="uq_centre_bundle_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # "out" or "in"
    peer_id: Mapped[int] = mapped_column(ForeignKey("centre_installation.id"))
    seq: Mapped[int]
    kind: Mapped[str] = mapped_column(String(30))
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the file
    file_name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)  # outgoing, until its file is written
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    written_at: Mapped[dt.datetime | None]


class CaseTombstone(Base):
    """A case that moved to another installation: its code, when, and where; nothing about her.

    Its year and number stay taken, so no later case here gets the same code.
    """

    __tablename__ = "case_tombstone"
    __table_args__ = (Index("ix_case_tombstone_year_seq", "year", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    year: Mapped[int]
    seq: Mapped[int]
    moved_on: Mapped[dt.date]
    to_installation_id: Mapped[int] = mapped_column(ForeignKey("centre_installation.id"))
    bundle_seq: Mapped[int]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CaseArrival(Base):
    """Where a case received from another installation came from (shown with her history)."""

    __tablename__ = "case_arrival"
    __table_args__ = (UniqueConstraint("from_installation_id", "origin_code", name="uq_case_arrival_origin"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    from_installation_id: Mapped[int] = mapped_column(ForeignKey("centre_installation.id"))
    origin_code: Mapped[str] = mapped_column(String(20))
    arrived_on: Mapped[dt.date]
