"""What the reports layer remembers: trusted signing keys of the network and what left the PC."""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class TrustedKey(Base):
    """A help desk's or centre's package-signing key, trusted once a coordinator confirmed its fingerprint."""

    __tablename__ = "trusted_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64), unique=True)  # base64 of the raw Ed25519 key
    fingerprint: Mapped[str] = mapped_column(String(64))
    centre: Mapped[str] = mapped_column(String(200))
    confirmed_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    confirmed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExportRecord(Base):
    """Every aggregate that left (package or printed report): period, help desks, rule, digest.

    Kept so the same period is never released for overlapping sets of help desks, which would let the
    two releases be subtracted from each other.
    """

    __tablename__ = "export_record"
    __table_args__ = (Index("ix_export_record_period", "period_start", "period_end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[dt.date]
    period_end: Mapped[dt.date]
    desk_ids: Mapped[str] = mapped_column(String(500))  # ",1,2," or "" for the whole centre
    threshold: Mapped[int]
    rule_version: Mapped[str] = mapped_column(String(20))
    digest: Mapped[str] = mapped_column(String(64))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
