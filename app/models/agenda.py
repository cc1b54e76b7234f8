"""Appointments: the next meeting she agreed, at a help desk, at a time, with an operator.

An appointment holds no free text: what appears on a printed agenda is the case code, the time, the
desk and the purpose (a code), and a name only when the operator asks for it (audited). Cancelled appointments are kept (status
ANNULLATO) so the history of the case says what was planned and dropped.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow
from app.models.cases import Case, Goal

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
    # what for (code list appointment_purpose); None: set before purposes were asked (migration 0015)
    purpose: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default=SCHEDULED)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CaseActivity(Base):
    """One short row per case: what "Oggi" filters on, kept by SQLite triggers (migration 0009).

    Asking each open case's services, contacts, interviews, reviews and consents costs several random
    seeks per case into large tables (20,000 open cases at full scale: over a second on SQLCipher). Here
    each due list is one range of one small index, ordered as shown, so a count reads the index alone and
    a page of lines reads 200 entries. Triggers on insert (and on the case's status, desk and consent)
    keep it current whoever writes: the services, the demo generator's bulk inserts, an older backup
    upgraded by the migration, which fills it. Rows of the large tables are never deleted one by one in
    Ascolto; a deleted case takes its row with it. The planned review (`review_due`) follows the
    pathway's `next_review_on` through triggers on its insert and update (migration 0015).
    """

    __tablename__ = "case_activity"
    __table_args__ = (
        Index("ix_case_activity_last", "status", "last_on", "desk_id"),
        Index("ix_case_activity_review_due", "status", "review_due", "desk_id"),
        Index("ix_case_activity_intake", "status", "intake_on", "desk_id"),
        Index("ix_case_activity_consent", "status", "consent_notice", "consent_on", "desk_id"),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True)
    desk_id: Mapped[int]  # the case's help desk
    status: Mapped[str] = mapped_column(String(20))  # the case's status; BLOCCATO once consent is withdrawn
    last_on: Mapped[dt.date]  # latest service, contact or interview, or the opening
    intake_on: Mapped[dt.date | None]  # latest interview; None: still waiting for the first
    review_from: Mapped[dt.date | None]  # latest pathway review, or the agreement if none yet
    review_due: Mapped[dt.date | None]  # the pathway's next review as planned (migration 0015)
    consent_on: Mapped[dt.date | None]  # latest consent to processing ...
    consent_notice: Mapped[str | None] = mapped_column(String(30))  # ... and its privacy notice version


BLOCKED = "BLOCCATO"


# Closed case files whose identity is still held, by closing date (the retention reminder). Partial, so
# it holds only those rows: an index on every closed_on let the planner answer the indicators' "open or
# closed after the start" through two index lookups per case, twice as slow as reading the table.
CLOSED_IDENTITY_HELD = "closed_on IS NOT NULL AND identity_erased_on IS NULL"
Index("ix_case_file_closed_identity", Case.closed_on, sqlite_where=text(CLOSED_IDENTITY_HELD))
# Goals still open, by deadline.
Index("ix_goal_status_due", Goal.status, Goal.due_on, Goal.pathway_id)
