"""The centre and desk structure of ISTAT's survey of centres, with the date from which each value holds.

One row per value and start date: opening days and weekly hours, languages per desk; staff by
profession (paid or volunteer) and adherence to the 1522 number for the centre (``help_desk_id`` NULL).
Nothing is overwritten: a change is a new row, so the value in force at any date can be read back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class StructureValue(Base):
    """One item of the structure (`item`, e.g. ``hours_week`` or ``staff_paid:PSICOLOGA``) from `valid_from`."""

    __tablename__ = "structure_value"
    __table_args__ = (Index("ix_structure_value_item", "item", "help_desk_id", "valid_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    help_desk_id: Mapped[int | None] = mapped_column(ForeignKey("help_desk.id", ondelete="CASCADE"))
    item: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(String(300), default="")
    valid_from: Mapped[dt.date]
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
