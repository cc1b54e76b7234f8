"""The period picker (year, semester, quarter, month or custom range) and the help-desk picker."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.reports.periods import Period
from app.services.accounts import HelpDeskInfo

KINDS = ("year", "semester", "quarter", "month", "range")


def last_complete_quarter(today: date) -> Period:
    quarter = (today.month - 1) // 3 + 1
    return Period.quarter(today.year, quarter - 1) if quarter > 1 else Period.quarter(today.year - 1, 4)


class PeriodPicker(QWidget):
    """Kind, year and number, or two dates; `period()` is what the choice means."""

    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of period"))
        for key, text in zip(
            KINDS,
            (
                self.tr("Year"),
                self.tr("Semester"),
                self.tr("Quarter"),
                self.tr("Month"),
                self.tr("Custom range"),
            ),
            strict=True,
        ):
            self.kind.addItem(text, key)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setMaximumWidth(110)
        self.number = QComboBox()
        self.number.setAccessibleName(self.tr("Part of the year"))
        self.number.setMinimumWidth(200)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit, name in ((self.start, self.tr("From")), (self.end, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setAccessibleName(name)
        self.range_label = QLabel(self.tr("to"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.year, self.number, self.start, self.range_label, self.end):
            row.addWidget(widget)
        row.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.set_period(last_complete_quarter(today or date.today()))

    def set_period(self, period: Period) -> None:
        self.kind.setCurrentIndex(KINDS.index(period.kind))
        self._kind_changed()
        self.year.setValue(period.start.year)
        self.start.setDate(QDate(period.start.year, period.start.month, period.start.day))
        self.end.setDate(QDate(period.end.year, period.end.month, period.end.day))
        kind = period.kind
        if kind == "semester":
            self.number.setCurrentIndex(0 if period.start.month == 1 else 1)
        elif kind == "quarter":
            self.number.setCurrentIndex((period.start.month - 1) // 3)
        elif kind == "month":
            self.number.setCurrentIndex(period.start.month - 1)

    @Slot()
    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        labels: list[str] = []
        if kind == "semester":
            labels = [self.tr("1st semester"), self.tr("2nd semester")]
        elif kind == "quarter":
            labels = [
                self.tr("Q1 (Jan–Mar)"),
                self.tr("Q2 (Apr–Jun)"),
                self.tr("Q3 (Jul–Sep)"),
                self.tr("Q4 (Oct–Dec)"),
            ]
        elif kind == "month":
            labels = [self.locale().standaloneMonthName(m) for m in range(1, 13)]
        keep = self.number.currentIndex()
        self.number.clear()
        self.number.addItems(labels)
        self.number.setCurrentIndex(min(max(keep, 0), len(labels) - 1) if labels else -1)
        custom = kind == "range"
        self.year.setVisible(not custom)
        self.number.setVisible(bool(labels))
        for widget in (self.start, self.range_label, self.end):
            widget.setVisible(custom)

    def period(self) -> Period | None:
        """None when a custom range ends before it starts."""
        kind, year, n = self.kind.currentData(), self.year.value(), self.number.currentIndex() + 1
        if kind == "year":
            return Period.year(year)
        if kind == "semester":
            return Period.semester(year, n)
        if kind == "quarter":
            return Period.quarter(year, n)
        if kind == "month":
            return Period.month(year, n)
        start, end = self.start.date().toPython(), self.end.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        return Period.between(start, end) if end >= start else None


class DeskPicker(QWidget):
    """Help desks as a checkable list (space toggles), all ticked by default."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.all = QCheckBox(self.tr("&All help desks"))
        self.all.setChecked(True)
        self.list = QListWidget()
        self.list.setObjectName("deskPicker")
        self.list.setAccessibleName(self.tr("Help desks in the report"))
        self.list.setMaximumHeight(96)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.all)
        layout.addWidget(self.list)
        self.all.toggled.connect(self._all_toggled)
        self.list.itemChanged.connect(self._item_changed)
        self._updating = False

    def set_desks(self, desks: list[HelpDeskInfo]) -> None:
        self._updating = True
        self.list.clear()
        for desk in desks:
            text = desk.name if desk.active else self.tr("{desk} (closed)").format(desk=desk.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, desk.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.all.setChecked(True)
        self._updating = False

    def chosen_text(self) -> str:
        """What is chosen, in words, for the line that replaces the picker once a preview is shown."""
        if self.all.isChecked():
            return self.tr("all help desks")
        return ", ".join(i.text() for i in self._items() if i.checkState() == Qt.CheckState.Checked)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    @Slot(bool)
    def _all_toggled(self, checked: bool) -> None:
        if self._updating:
            return
        self._updating = True
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for item in self._items():
            item.setCheckState(state)
        self._updating = False

    @Slot(QListWidgetItem)
    def _item_changed(self, _item: QListWidgetItem) -> None:
        if self._updating:
            return
        self._updating = True
        self.all.setChecked(all(i.checkState() == Qt.CheckState.Checked for i in self._items()))
        self._updating = False

    def set_checked(self, desk_ids: set[int]) -> None:
        for item in self._items():
            checked = item.data(Qt.ItemDataRole.UserRole) in desk_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def desk_ids(self) -> list[int] | None:
        """None means every help desk (also those closed since); [] means none chosen."""
        chosen = [
            i.data(Qt.ItemDataRole.UserRole) for i in self._items() if i.checkState() == Qt.CheckState.Checked
        ]
        return None if len(chosen) == self.list.count() else chosen
