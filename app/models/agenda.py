"""Appointments: the next meeting she agreed, at a help desk, at a time, with an operator.

An appointment holds no free text: what appears on a printed agenda is the case code, the time and the
desk, and a name only when the operator asks for it (audited). Cancelled appointments are kept (status
ANNULLATO) so the history of the case says what was planned and dropped.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow
from app.models.cases import Contact

SCHEDULED, CANCELLED = "PROGRAMMATO", "ANNULLATO"


class Appointment(Base):
    __tablename__ = "appointment"
    __table_args__ = (
        # "Oggi" and the printed agenda read one or two days of one desk's scheduled appointments
        Index(
            "ix_appointment_day_desk",
            "date",
            "help_desk_id",
            "time",
            sqlite_where=text("status = 'PROGRAMMATO'"),
        ),
        Index("ix_appointment_case", "case_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    help_desk_id: Mapped[int] = mapped_column(ForeignKey("help_desk.id"))
    date: Mapped[dt.date]
    time: Mapped[str] = mapped_column(String(5))  # "HH:MM", local time at the desk
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))  # with whom
    status: Mapped[str] = mapped_column(String(12), default=SCHEDULED)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# "Cases with no contact for N weeks" asks, per open case, for a contact after a date: one index seek.
Index("ix_contact_case_date", Contact.case_id, Contact.date)
