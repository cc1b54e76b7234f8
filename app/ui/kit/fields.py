"""Input widgets over code lists and dates, error marking by field name, a notice frame and a small toast."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, SignalInstance
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import validation
from app.services.errors import UserError, ValidationError
from app.ui.i18n import error_text
from app.ui.kit.date_field import DateField
from app.ui.kit.dates import format_date
from app.ui.models.codes import entries


class CodeCombo(QComboBox):
    """A combo over one code list; `empty` adds a first item meaning "not chosen" (code "")."""

    def __init__(
        self,
        list_name: str,
        empty: str | None = None,
        only: Iterable[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.list_name = list_name
        if empty is not None:
            self.addItem(empty, "")
        allowed = set(only) if only is not None else None
        for code, text in entries(list_name):
            if allowed is None or code in allowed:
                self.addItem(text, code)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self._own_tip = ""  # the tooltip this combo set itself, for an elided choice
        self.currentIndexChanged.connect(self._tip)

    def showPopup(self) -> None:
        """The drop-down is as wide as its longest choice, however narrow the closed combo is."""
        metrics = self.view().fontMetrics()
        widest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        self.view().setMinimumWidth(widest + 48)  # item padding, frame and scroll bar
        super().showPopup()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tip()

    def _tip(self) -> None:
        """A closed combo too narrow for its choice shows it whole in the tooltip."""
        if self.toolTip() not in ("", self._own_tip):
            return  # a tooltip of its own is kept
        text = self.currentText()
        elided = self.fontMetrics().horizontalAdvance(text) > self.width() - 40  # the arrow and padding
        self._own_tip = text if elided else ""
        self.setToolTip(self._own_tip)

    def code(self) -> str:
        return str(self.currentData() or "")

    def set_code(self, code: str | None) -> None:
        index = self.findData(code or "")
        if index >= 0:
            self.setCurrentIndex(index)


class TypeAheadCombo(CodeCombo):
    """Typing letters selects the first item whose label, or any word of it, starts with them."""

    def __init__(self, list_name: str, parent: QWidget | None = None) -> None:
        super().__init__(list_name, parent=parent)
        self._typed = ""
        self._reset = QTimer(self)
        self._reset.setSingleShot(True)
        self._reset.setInterval(1200)
        self._reset.timeout.connect(self._forget)

    def _forget(self) -> None:
        self._typed = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text.isprintable() and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            self._typed += text.casefold()
            self._reset.start()
            match = self._match(self._typed)
            if match >= 0:
                self.setCurrentIndex(match)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Backspace and self._typed:
            self._typed = self._typed[:-1]
            event.accept()
            return
        super().keyPressEvent(event)

    def _match(self, typed: str) -> int:
        labels = [self.itemText(i).casefold() for i in range(self.count())]
        for i, text in enumerate(labels):
            if text.startswith(typed):
                return i
        for i, text in enumerate(labels):
            words = text.replace("(", " ").replace("/", " ").split()
            if any(word.startswith(typed) for word in words):
                return i
        return -1


class CountryCombo(QComboBox):
    """Editable combo over the ISO country list with a search-as-you-type completer (substring)."""

    def __init__(self, empty: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem(empty, "")
        pairs = entries("country")
        for code, text in pairs:
            self.addItem(text, code)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        edit = self.lineEdit()
        assert edit is not None
        self.edit: QLineEdit = edit
        self.edit.setPlaceholderText(empty)
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setCurrentIndex(0)
        self.edit.clear()
        self.edit.returnPressed.connect(self._take_completion)

    def _take_completion(self) -> None:
        """Enter on a part of a name ("Ital") takes the first country the completer offers for it."""
        text = self.edit.text().strip()
        if not text or self.code() != "?":
            return
        completer = self.completer()
        if completer is None:
            return
        completer.setCompletionPrefix(text)
        if completer.completionCount():
            index = self.findText(str(completer.completionModel().index(0, 0).data()))
            if index > 0:
                self.setCurrentIndex(index)
        popup = completer.popup()
        if popup is not None:
            popup.hide()

    def code(self) -> str | None:
        text = self.currentText().strip().casefold()
        if not text:
            return None
        for i in range(1, self.count()):
            if self.itemText(i).casefold() == text:
                return str(self.itemData(i))
        return "?"  # typed something that is not a country: refused by the service, pointed at

    def set_code(self, code: str | None) -> None:
        index = self.findData(code or "")
        self.setCurrentIndex(max(0, index))
        if index <= 0:
            self.edit.clear()


class CodeChecks(QWidget):
    """One check box per code, in `columns` columns (multi-response lists); `wide_columns` more when the
    width allows (never forcing it: the minimum width is that of `columns`)."""

    def __init__(
        self, list_name: str, columns: int = 2, parent: QWidget | None = None, *, wide_columns: int = 0
    ) -> None:
        super().__init__(parent)
        self.list_name = list_name
        self.boxes: dict[str, QCheckBox] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(6)
        for code, text in entries(list_name):
            box = QCheckBox(text)
            box.setObjectName(f"code_{code}")
            self.boxes[code] = box
        self.columns, self.wide_columns = columns, max(columns, wide_columns)
        self.placed = 0
        self._place(columns)

    def _place(self, columns: int) -> None:
        if columns == self.placed:
            return
        self.placed = columns
        rows = (len(self.boxes) + columns - 1) // columns
        for n, box in enumerate(self.boxes.values()):
            self.grid.removeWidget(box)
            self.grid.addWidget(box, n % rows, n // rows)
        for column in range(self.wide_columns):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.updateGeometry()

    def _width(self, columns: int) -> int:
        widest = max((box.sizeHint().width() for box in self.boxes.values()), default=0)
        return columns * widest + (columns - 1) * self.grid.horizontalSpacing()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._width(self.columns)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self.wide_columns > self.columns:
            wide = event.size().width() >= self._width(self.wide_columns)
            self._place(self.wide_columns if wide else self.columns)
        super().resizeEvent(event)

    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def set_codes(self, codes: Iterable[str]) -> None:
        chosen = set(codes)
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        for box in self.boxes.values():
            box.setAccessibleDescription(name)


class OptionalSpin(QSpinBox):
    """A count or year that may be unknown: the lowest value shows as '—' and means None."""

    def __init__(self, minimum: int, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(minimum - 1, maximum)
        self.setSpecialValueText("—")
        self.setValue(minimum - 1)
        self.setMinimumWidth(90)

    def value_or_none(self) -> int | None:
        value = self.value()
        return None if value == self.minimum() else value

    def set_value_or_none(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)


class DateEdit(DateField):
    """When something happened: required, today by default, never in the future."""

    def __init__(
        self, day: dt.date | None = None, parent: QWidget | None = None, *, message_below: bool | None = None
    ) -> None:
        super().__init__(required=True, message_below=message_below, parent=parent)
        self.set_day(day or validation.today())

    def bounds(self) -> tuple[dt.date, dt.date]:
        return validation.EARLIEST_DATE, validation.today()

    def range_problem(self, day: dt.date) -> str:
        if day > validation.today():
            return self.tr("The date cannot be in the future.")
        return super().range_problem(day)


class OptionalDateEdit(DateField):
    """A date that may be left empty: no text, no date."""

    def __init__(self, years_ahead: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(required=False, years_ahead=years_ahead, parent=parent)


class BirthDateEdit(OptionalDateEdit):
    """Her date of birth, if she gives it: within the years of birth the services accept."""

    def bounds(self) -> tuple[dt.date, dt.date]:
        year = validation.today().year
        return (
            dt.date(year - validation.OLDEST_BIRTH_YEAR_SPAN, 1, 1),
            dt.date(year - validation.YOUNGEST_AGE, 12, 31),
        )

    def range_problem(self, day: dt.date) -> str:
        low, high = self.bounds()
        if low <= day <= high:
            return ""
        if day > validation.today():
            return self.tr("The date of birth cannot be in the future.")
        return self.tr("The date of birth must be between {low} and {high}.").format(
            low=format_date(low), high=format_date(high)
        )


class DueDateEdit(OptionalDateEdit):
    """A deadline: may lie in the years the services accept, so 31/03/27 means 2027."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(years_ahead=validation.LATEST_DUE_YEARS, parent=parent)

    def bounds(self) -> tuple[dt.date, dt.date]:
        return validation.EARLIEST_DATE, dt.date(
            validation.today().year + validation.LATEST_DUE_YEARS, 12, 31
        )


class FieldErrors:
    """Shows a service refusal next to the input its ValidationError.field names (or in `label`)."""

    def __init__(self, label: QLabel) -> None:
        self.label = label
        self.widgets: dict[str, QWidget] = {}
        self.marked: list[QWidget] = []

    def bind(self, field: str, widget: QWidget) -> None:
        """Bind `field` to its input; once she changes a marked input, the mark and message go."""
        self.widgets[field] = widget
        for name in ("changed", "currentIndexChanged", "textChanged", "valueChanged", "toggled"):
            signal = getattr(widget, name, None)
            if isinstance(signal, SignalInstance):
                signal.connect(lambda *_args, edited=widget: self._edited(edited))
                break

    def _edited(self, widget: QWidget) -> None:
        if widget in self.marked:
            self.clear()

    def clear(self) -> None:
        self.label.clear()
        self.label.hide()
        for widget in self.marked:
            _mark(widget, False)
        self.marked.clear()

    def show(self, error: UserError | str, field: str | None = None) -> QWidget | None:
        """Mark and focus the named input; return it (None when the error names no known field)."""
        self.clear()
        self.label.setText(error if isinstance(error, str) else error_text(error))
        self.label.show()
        if isinstance(error, ValidationError):
            field = error.field
        widget = self.widgets.get(field or "")
        if widget is not None:
            _mark(widget, True)
            self.marked.append(widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget


def _mark(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def notes_edit(height: int = 70) -> QPlainTextEdit:
    """Free notes: Tab leaves the field (a note has no tabs), so the form reads like the others."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def notice_box(text: str, margin: int = 8) -> QFrame:
    """A framed explanation above a form (what is stored, what is not); `margin` above and below the text."""
    frame = QFrame()
    frame.setObjectName("notice")
    label = QLabel(text)
    label.setWordWrap(True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, margin, 12, margin)
    layout.addWidget(label)
    return frame


class Toast(QLabel):
    """A short confirmation floating at the bottom of `host`, gone after a few seconds."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("toast")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        host.installEventFilter(self)

    def show_text(self, text: str, ms: int = 3500) -> None:
        self.setText(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start(ms)

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        width = min(self.sizeHint().width() + 40, host.width() - 40)
        height = self.sizeHint().height() + 16
        self.setGeometry(QRect((host.width() - width) // 2, host.height() - height - 24, width, height))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def clear(self) -> None:
        self._timer.stop()
        super().clear()
        self.hide()
