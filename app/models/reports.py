"""What the reports layer remembers: trusted signing keys of the network and what left the PC."""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

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
    """A release: the aggregates of one calendar period and set of help desks that left the PC.

    Since rule version 2 there is one row per period and desk set (kind "release"), holding the signed
    package and the PDF exactly as first released: asking again serves these bytes, so a correction or
    a withdrawal of consent never yields a second, subtractable version. Rows of rule version 1 (kind
    "report" or "package") were written before releases were frozen and keep no bytes. The same rows
    are mirrored in the signed release log beside the database (app.services.release_log), which a
    restore cannot roll back.
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
    period_code: Mapped[str] = mapped_column(String(30), default="")
    tables_digest: Mapped[str] = mapped_column(
        String(64), default=""
    )  # the protected tables, to tell changes
    pdf_digest: Mapped[str] = mapped_column(String(64), default="")
    package: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    pdf: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))


class PartialAggregate(Base):
    """The partial aggregates one installation of the centre sent for one calendar period (issue #24).

    The other PC's tables before disclosure control (app.reports.partials), kept only in this encrypted
    database to be added to the main office's own at release time; never shown, never exported, erased
    once the period's figures are final (app.services.partials). `source` is the sending installation
    (its key fingerprint, as the transport names it). A row without a payload records that an
    administrator released the period without that installation (`waived_by`).
    """

    __tablename__ = "partial_aggregate"
    __table_args__ = (UniqueConstraint("source", "period_code", name="uq_partial_aggregate_source_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(128))
    period_code: Mapped[str] = mapped_column(String(30))
    period_start: Mapped[dt.date]
    period_end: Mapped[dt.date]
    payload: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    desks: Mapped[str] = mapped_column(String(4000), default="{}")  # JSON: the sender's desk name -> our id
    digest: Mapped[str] = mapped_column(String(64), default="")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    waived_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
