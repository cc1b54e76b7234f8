"""The next review, asked when she agrees a pathway and at each review: one interval after the day
recorded (shorter at high risk when the centre sets it), following that day until she types her own."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFormLayout, QLabel

from app.services import validation
from app.services.cases import ReviewInterval
from app.ui.kit.date_field import DateField
from app.ui.kit.fields import DateEdit, FieldErrors, hint
from app.ui.models.codes import date_text


class NextReviewEdit(DateField):
    """A required date that may lie ahead, as far as the services accept a deadline."""

    def __init__(self) -> None:
        super().__init__(required=True, years_ahead=validation.LATEST_DUE_YEARS)

    def bounds(self) -> tuple[dt.date, dt.date]:
        return validation.EARLIEST_DATE, dt.date(
            validation.today().year + validation.LATEST_DUE_YEARS, 12, 31
        )


class NextReviewFields(QObject):
    """The next review's field and a line saying where its default comes from."""

    def __init__(self, parent: QObject, base: DateEdit, interval: ReviewInterval) -> None:
        super().__init__(parent)
        self.base, self.interval = base, interval
        self.date = NextReviewEdit()
        self.date.setAccessibleName(self.tr("Next review"))
        self.explanation: QLabel = hint(self._explain())
        self._offered: dt.date | None = None
        self._follow()
        base.changed.connect(self._follow)

    def _explain(self) -> str:
        if self.interval.shortened:
            return self.tr(
                "Offered {weeks} weeks on: her latest risk assessment is high. Change it if you agreed another day."
            ).format(weeks=self.interval.high_risk_weeks)
        return self.tr(
            "Offered {months} months on, as the centre reviews pathways. Change it if you agreed another day."
        ).format(months=self.interval.months)

    def _follow(self) -> None:
        """While the field shows the day offered (or nothing), it follows the day recorded above."""
        if not self.base.is_valid():
            return
        current = self.date.day_or_none() if self.date.is_valid() else None
        if self.date.text() and current != self._offered:
            return  # she typed her own day: keep it
        self._offered = self.interval.after(self.base.day())
        self.date.set_day(self._offered)

    def add_to(self, form: QFormLayout, label: str) -> None:
        form.addRow(label, self.date)
        form.addRow("", self.explanation)

    def bind(self, errors: FieldErrors) -> None:
        errors.bind("next_review_on", self.date)

    def value(self) -> dt.date:
        return self.date.day()


def next_review_text(day: dt.date | None, today: dt.date | None = None) -> str:
    """'15/03/2027', or with 'overdue' when the day is past (the pathway tab, the case header)."""
    if day is None:
        return ""
    if day < (today or validation.today()):
        return QCoreApplication.translate("NextReview", "{day} (overdue)").format(day=date_text(day))
    return date_text(day)
