"""One date field for every form: type 14/03/1985, 14031985 or 14-3-85, or pick from a calendar.

Built on a QLineEdit rather than QDateEdit, whose sections turned typing into other dates and whose
"no date" minimum opened the calendar at January 1900. What she typed stays in the field until it
names a day; when she leaves the field it is rewritten as dd/mm/yyyy, so the field always shows
exactly what will be saved. While the text is not a valid day the field is marked, says why beside
it, and has no value: `day()` raises, and forms refuse to save (see `first_invalid`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDynamicPropertyChangeEvent,
    QEvent,
    QLocale,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QResizeEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services import validation
from app.ui.kit.dates import DateTextError, Problem, format_date, parse_date
from app.ui.kit.icons import icon
from app.ui.kit.qt_compat import emit
from app.ui.kit.theme import ACCENT, BASE, BORDER, MUTED, TEXT

INVALID = "#a12a2a"
UNAVAILABLE = "#b4b8c0"
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)  # a plain field's limits
MESSAGE_ROOM = 260  # pixels beside the field below which its message goes under it

FIELD_STYLE = f"""
QLineEdit[invalid="true"] {{ border: 1px solid {INVALID}; background: #fdf3f3; }}
QToolButton#dateButton {{ padding: 3px; border: 1px solid transparent; border-radius: 5px; }}
QToolButton#dateButton:hover {{ background: #eceef2; border-color: {BORDER}; }}
QLabel#dateProblem {{ color: {INVALID}; }}
QLabel#dateReading {{ color: {MUTED}; }}
"""

# The case screens style every QTableView (padding 4px 10px): inside a calendar that hid the days
# 10-31 and the weekday names. The popup sets its own rules, which win over inherited ones.
POPUP_STYLE = f"""
QFrame#datePopup {{ background: {BASE}; border: 1px solid {BORDER}; }}
QCalendarWidget QTableView {{
    background: {BASE}; border: none; padding: 0; gridline-color: transparent; font-size: 10pt;
}}
QCalendarWidget QTableView::item {{ padding: 0; }}
QCalendarWidget QTableView::item:selected {{ background: {ACCENT}; color: white; }}
QCalendarWidget QWidget#qt_calendar_navigationbar {{ background: #eceef2; }}
QCalendarWidget QToolButton {{ color: {TEXT}; padding: 3px 6px; font-weight: 600; }}
QCalendarWidget QToolButton::menu-indicator {{ image: none; width: 0; }}
QCalendarWidget QSpinBox {{ padding: 1px 4px; min-height: 0; }}
"""


class InvalidDate(ValueError):
    """Asked for the value of a date field whose text is not a valid day (a save that skipped the check)."""


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class _Edit(QLineEdit):
    """↑/↓ step a valid date by a day (the text shows the new day); Alt+↓ or F4 opens the calendar."""

    def __init__(self, owner: DateField) -> None:
        super().__init__()
        self.owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier):
            self.owner.open_calendar()
            event.accept()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not modifiers & ~Qt.KeyboardModifier.KeypadModifier:
            self.owner.step(1 if key == Qt.Key.Key_Up else -1)
            event.accept()
            return
        super().keyPressEvent(event)


class CalendarPopup(QFrame):
    """The month of the field's date (or of today), weekday names, every day; a click or Enter picks."""

    def __init__(self, owner: DateField) -> None:
        super().__init__(owner, Qt.WindowType.Popup)
        self.owner = owner
        self.setObjectName("datePopup")
        self.setStyleSheet(POPUP_STYLE)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.calendar.setFirstDayOfWeek(QLocale().firstDayOfWeek())
        self.calendar.setMinimumSize(300, 220)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.calendar.currentPageChanged.connect(self._grey_out_of_range)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def show_at(self, day: dt.date, low: dt.date, high: dt.date, anchor: QWidget) -> None:
        self.calendar.setDateRange(qdate(low), qdate(high))
        self.calendar.setSelectedDate(qdate(day))
        self.calendar.setCurrentPage(day.year, day.month)
        self._grey_out_of_range(day.year, day.month)
        self.adjustSize()
        below = anchor.mapToGlobal(QPoint(0, anchor.height() + 2))
        screen = anchor.screen().availableGeometry()
        x = max(screen.left(), min(below.x(), screen.right() - self.width()))
        y = below.y()
        if y + self.height() > screen.bottom():
            y = max(screen.top(), anchor.mapToGlobal(QPoint(0, 0)).y() - self.height() - 2)
        self.move(x, y)
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _grey_out_of_range(self, year: int, month: int) -> None:
        """Days that cannot be chosen (e.g. after today for what already happened) look unavailable."""
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # forget the previous page's
        grey = QTextCharFormat()
        grey.setForeground(QColor(UNAVAILABLE))
        low, high = self.calendar.minimumDate(), self.calendar.maximumDate()
        first = QDate(year, month, 1).addDays(-7)
        for offset in range(7 * 8):  # the six weeks shown, whatever the first day of the week
            day = first.addDays(offset)
            if day < low or day > high:
                self.calendar.setDateTextFormat(day, grey)

    def _picked(self, day: QDate) -> None:
        self.close()
        self.owner.pick(pydate(day))


class DateField(QWidget):
    """A typed date (placeholder dd/mm/yyyy) with a calendar button and its problem beside it.

    `required`: empty text is a problem ("enter the date"); otherwise empty means no date.
    `years_ahead`: a two-digit year means the latest such year up to this many years after the
    current one (0: in the past, for births and events; a few decades for deadlines).
    `message_below`: where the problem is said; None (the default) puts it beside the field where
    the form leaves room for it, under it in a narrow column.
    `changed` is emitted whenever the text changes (typed, stepped, picked or set).
    """

    changed = Signal()

    def __init__(
        self,
        *,
        required: bool,
        years_ahead: int = 0,
        message_below: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.required = required
        self.years_ahead = years_ahead
        self._shown = False  # the problem is on screen: after leaving the field or a refused save
        self._marked = False  # FieldErrors marked this field for a refusal of the service
        self._when_valid: list[Callable[[], None]] = []
        self.setStyleSheet(FIELD_STYLE)
        self.edit = _Edit(self)
        self.edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.edit.setMaxLength(40)
        self.edit.setMinimumWidth(118)
        self.edit.setMaximumWidth(150)
        self.button = QToolButton()
        self.button.setObjectName("dateButton")
        self.button.setIcon(icon("calendar"))
        self.button.setToolTip(self.tr("Choose from a calendar (Alt+Down)"))
        self.button.setAccessibleName(self.tr("Calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        self.button.clicked.connect(self.open_calendar)
        self.message = QLabel()
        self.message.setObjectName("dateProblem")
        self.message.setWordWrap(True)
        self.message.hide()
        self.popup: CalendarPopup | None = None
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(4)
        self._grid.setVerticalSpacing(2)
        self._grid.addWidget(self.edit, 0, 0)
        self._grid.addWidget(self.button, 0, 1)
        self._grid.setColumnStretch(2, 1)
        self._fixed_place = message_below
        self._below: bool | None = None
        self._place_message(bool(message_below))
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.editingFinished.connect(self._finished)

    # --- the value ------------------------------------------------------------------------------------------
    def text(self) -> str:
        return self.edit.text()

    def bounds(self) -> tuple[dt.date, dt.date]:
        """The earliest and latest day accepted (subclasses compute them from today's date)."""
        return EARLIEST, LATEST

    def range_problem(self, day: dt.date) -> str:
        """Why `day` is refused by this field's limits ('' when it is within them)."""
        low, high = self.bounds()
        if low <= day <= high:
            return ""
        return self.tr("The date must be between {low} and {high}.").format(
            low=format_date(low), high=format_date(high)
        )

    def _read(self) -> tuple[dt.date | None, str]:
        """(the day, '') when the text is valid (None: empty optional); (None, why) otherwise."""
        try:
            day = parse_date(self.edit.text(), validation.today().year + self.years_ahead)
        except DateTextError as error:
            return None, self._problem_text(error)
        if day is None:
            return None, self.tr("Enter the date.") if self.required else ""
        return day, self.range_problem(day)

    def _problem_text(self, error: DateTextError) -> str:
        if error.problem is Problem.MONTH:
            return self.tr("The month must be between 1 and 12.")
        if error.problem is Problem.DAY:
            month = QLocale().monthName(error.month, QLocale.FormatType.LongFormat)
            return self.tr("There is no {day} {month} {year}.").format(
                day=error.day, month=month, year=error.year
            )
        return self.tr("Not a date: write it as dd/mm/yyyy, e.g. 14/03/1985.")

    def problem(self) -> str:
        """Why the text is not a valid value ('' when it is)."""
        return self._read()[1]

    def is_valid(self) -> bool:
        return not self.problem()

    def day_or_none(self) -> dt.date | None:
        """The day, or None when the field is empty and optional. Raises InvalidDate otherwise."""
        day, problem = self._read()
        if problem:
            raise InvalidDate(problem)
        return day

    def day(self) -> dt.date:
        day = self.day_or_none()
        if day is None:
            raise InvalidDate(self.tr("Enter the date."))
        return day

    def set_day_or_none(self, day: dt.date | None) -> None:
        self._shown = False
        self.edit.setText("" if day is None else format_date(day))
        self._refresh()

    def set_day(self, day: dt.date) -> None:
        self.set_day_or_none(day)

    def clear(self) -> None:
        self.set_day_or_none(None)

    # --- what she does --------------------------------------------------------------------------------------
    def pick(self, day: dt.date) -> None:
        """A day chosen in the calendar: shown at once, as it will be saved."""
        self.set_day(day)
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def step(self, days: int) -> None:
        """↑/↓: the next or previous day, only from a valid date and only within the limits."""
        day, problem = self._read()
        if day is None or problem:
            return
        low, high = self.bounds()
        moved = day + dt.timedelta(days=days)
        if low <= moved <= high:
            self.edit.setText(format_date(moved))
            self.edit.selectAll()

    def open_calendar(self) -> None:
        day, problem = self._read()
        low, high = self.bounds()
        start = day if day is not None and not problem else validation.today()
        start = min(max(start, low), high)
        if self.popup is None:
            self.popup = CalendarPopup(self)
        self.popup.show_at(start, low, high, self.edit)

    def reveal(self) -> None:
        """A save was refused because of this field: show why, and bring her to it."""
        self._shown = True
        self._refresh()
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(self)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit.selectAll()

    def _text_changed(self, _text: str) -> None:
        self._marked = False  # a service refusal is about the old text
        self._refresh()
        emit(self.changed)

    def _finished(self) -> None:
        """Leaving the field (or Enter): a valid text is rewritten as it will be saved."""
        day, problem = self._read()
        if day is not None and not problem:
            canonical = format_date(day)
            if self.edit.text() != canonical:
                self.edit.setText(canonical)
        self._shown = bool(problem)
        self._refresh()

    def _refresh(self) -> None:
        day, problem = self._read()
        if problem:
            shown = problem if self._shown else ""
            self._say(shown, error=True)
            self._mark_edit(bool(shown) or self._marked)
            return
        reading = ""
        if day is not None and self.edit.text() != format_date(day):  # still typing 14-3-85: which day
            reading = QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)
        self._say(reading, error=False)
        self._mark_edit(self._marked)
        waiting, self._when_valid = self._when_valid, []
        for callback in waiting:
            callback()

    def _say(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        name = "dateProblem" if error else "dateReading"
        if self.message.objectName() != name:
            self.message.setObjectName(name)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)

    def when_valid(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the text is a valid value again (e.g. to take back a form's refusal)."""
        self._when_valid.append(callback)

    def _mark_edit(self, invalid: bool) -> None:
        if self.edit.property("invalid") is not invalid:
            self.edit.setProperty("invalid", invalid)
            self.edit.style().unpolish(self.edit)
            self.edit.style().polish(self.edit)

    # --- fitting in with the forms --------------------------------------------------------------------------
    def _place_message(self, below: bool) -> None:
        if below == self._below:
            return
        self._below = below
        self._grid.removeWidget(self.message)
        if below:
            self._grid.addWidget(self.message, 1, 0, 1, 3)
        else:
            self._grid.addWidget(self.message, 0, 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Beside the field when there is room for a sentence, else under it (never four short lines)."""
        super().resizeEvent(event)
        if self._fixed_place is None:
            room = self.width() - self.edit.maximumWidth() - self.button.sizeHint().width()
            self._place_message(room < MESSAGE_ROOM)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.button.setAccessibleName(self.tr("{field}: calendar").format(field=name))

    def event(self, event: QEvent) -> bool:
        """FieldErrors marks a refused field with the `invalid` property: show it on the text box."""
        if (
            isinstance(event, QDynamicPropertyChangeEvent)
            and bytes(event.propertyName().data()) == b"invalid"
        ):
            self._marked = bool(self.property("invalid"))
            self._refresh()
        return super().event(event)


def first_invalid(root: QWidget) -> DateField | None:
    """The first enabled date field under `root` whose text is not a valid value, revealed; else None.

    Every save calls this before reading the dates, so an unreadable date is never dropped or guessed.
    """
    for field in root.findChildren(DateField):
        if field.isEnabled() and not field.is_valid():
            field.reveal()
            return field
    return None


def refusal(field: DateField) -> str:
    """The sentence a form shows under its fields when a date blocks the save."""
    return QCoreApplication.translate("DateField", "{field}: {problem}").format(
        field=field.accessibleName() or QCoreApplication.translate("DateField", "Date"),
        problem=field.problem(),
    )


def refuse_invalid_date(root: QWidget, show: Callable[[str], object], clear: Callable[[], None]) -> bool:
    """Before a save: True when a date under `root` is not valid; its refusal is shown by `show` until
    the date is corrected, when `clear` takes it back."""
    field = first_invalid(root)
    if field is None:
        return False
    show(refusal(field))
    field.when_valid(clear)
    return True
