"""Administration: the centre and desk structure of ISTAT's survey of centres, from a date on.

The form shows the values in force on the chosen date; saving records them as holding from that date,
so earlier values stay in the history and an annual return reads what held at its own date.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import structure
from app.services.errors import UserError
from app.services.structure import CentreStructure, DeskStructure, StructureChange, StructureInForce
from app.services.workspace import Workspace
from app.ui.kit import operations
from app.ui.kit.action_box import scroll_in_place
from app.ui.kit.date_field import InvalidDate
from app.ui.kit.fields import (
    CodeChecks,
    CodeCombo,
    DateEdit,
    FieldErrors,
    OptionalSpin,
    error_label,
    hint,
)
from app.ui.models.codes import code_label, code_labels, date_text, entries

MAX_STAFF = structure.MAX_STAFF


class StructureTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.current: StructureInForce | None = None
        self.valid_from = DateEdit()
        self.valid_from.setAccessibleName(self.tr("Valid from"))
        self.valid_from.changed.connect(self.refresh)
        self.error = error_label()
        self.errors = FieldErrors(self.error)

        self.adheres = CodeCombo("yes_no")
        self.adheres.set_code("ND")
        self.adheres.setAccessibleName(self.tr("Adherence to the 1522 number"))
        self.h24 = CodeCombo("yes_no")
        self.h24.set_code("ND")
        self.h24.setAccessibleName(self.tr("Reachable round the clock"))
        staff = QWidget()
        grid = QGridLayout(staff)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Profession")), 0, 0)
        grid.addWidget(QLabel(self.tr("Paid")), 0, 1)
        grid.addWidget(QLabel(self.tr("Volunteers")), 0, 2)
        self.paid: dict[str, OptionalSpin] = {}
        self.volunteer: dict[str, OptionalSpin] = {}
        for row, (code, text) in enumerate(entries("staff_profession"), start=1):
            grid.addWidget(QLabel(text), row, 0)
            for col, (spins, kind) in enumerate(
                ((self.paid, self.tr("paid")), (self.volunteer, self.tr("volunteers"))), start=1
            ):
                spin = OptionalSpin(0, MAX_STAFF)
                spin.setAccessibleName(f"{text}, {kind}")
                spins[code] = spin
                grid.addWidget(spin, row, col)
        self.save_centre_button = QPushButton(self.tr("Save the centre's values"))
        self.save_centre_button.clicked.connect(self.save_centre)
        centre_box = QGroupBox(self.tr("Centre"))
        centre_form = QFormLayout(centre_box)
        centre_form.addRow(self.tr("Adheres to the 1522 number:"), self.adheres)
        centre_form.addRow(self.tr("Reachable round the clock (h24):"), self.h24)
        centre_form.addRow(self.tr("Staff:"), staff)
        centre_form.addRow("", self.save_centre_button)

        self.desk = QComboBox()
        self.desk.setAccessibleName(self.tr("Help desk"))
        self.desk.currentIndexChanged.connect(self._show_desk)
        self.days = CodeChecks("weekday", columns=4)
        self.days.setAccessibleName(self.tr("Opening days"))
        self.hours = OptionalSpin(0, structure.MAX_HOURS_WEEK)
        self.hours.setAccessibleName(self.tr("Weekly opening hours"))
        self.languages = CodeChecks("language", columns=4)
        self.languages.setAccessibleName(self.tr("Languages spoken"))
        self.save_desk_button = QPushButton(self.tr("Save the desk's values"))
        self.save_desk_button.clicked.connect(self.save_desk)
        desk_box = QGroupBox(self.tr("Help desk"))
        desk_form = QFormLayout(desk_box)
        desk_form.addRow(self.tr("Help desk:"), self.desk)
        desk_form.addRow(self.tr("Opening days:"), self.days)
        desk_form.addRow(self.tr("Weekly opening hours:"), self.hours)
        desk_form.addRow(self.tr("Languages spoken:"), self.languages)
        desk_form.addRow("", self.save_desk_button)
        self.errors.bind("valid_from", self.valid_from)
        self.errors.bind("hours_week", self.hours)
        self.errors.bind("days", self.days)
        self.errors.bind("languages", self.languages)
        self.errors.bind("adheres_1522", self.adheres)
        self.errors.bind("available_h24", self.h24)

        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Changes"))
        self.history.setMinimumHeight(120)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Values in force on:")))
        top.addWidget(self.valid_from)
        top.addStretch(1)
        column = QVBoxLayout()
        column.addLayout(top)
        column.addWidget(
            hint(
                self.tr(
                    "For ISTAT's survey of centres. The form shows the values in force on this date; saving "
                    "records them as holding from this date on. Earlier values are kept."
                )
            )
        )
        column.addWidget(self.error)
        column.addWidget(centre_box)
        column.addWidget(desk_box)
        column.addWidget(QLabel(self.tr("Changes, latest first:")))
        column.addWidget(self.history)
        scroll_in_place(self, column)

    def _day(self) -> dt.date | None:
        """The chosen date, or None while its text is not a date yet (she is typing)."""
        try:
            return self.valid_from.day_or_none()
        except InvalidDate:
            return None

    # --- loading ---------------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        ws, day = self.workspace, self._day()
        if day is None:
            return
        operations.run(
            self, lambda: (structure.structure_at(ws, day), structure.structure_history(ws)), self._loaded
        )

    def _loaded(self, result: tuple[StructureInForce, list[StructureChange]]) -> None:
        current, changes = result
        self.current = current
        self.adheres.set_code(current.centre.adheres_1522)
        self.h24.set_code(current.centre.available_h24)
        for code, spin in self.paid.items():
            spin.set_value_or_none(current.centre.staff_paid.get(code))
        for code, spin in self.volunteer.items():
            spin.set_value_or_none(current.centre.staff_volunteer.get(code))
        chosen = self.desk.currentData()
        self.desk.blockSignals(True)
        self.desk.clear()
        for desk in current.desks:
            self.desk.addItem(
                desk.name if desk.active else self.tr("{desk} (closed)").format(desk=desk.name),
                desk.help_desk_id,
            )
        index = self.desk.findData(chosen)
        self.desk.setCurrentIndex(max(0, index))
        self.desk.blockSignals(False)
        self._show_desk()
        names = {d.help_desk_id: d.name for d in current.desks}
        self.history.clear()
        for change in changes[:200]:
            self.history.addItem(
                self.tr("from {date} · {where} · {item}: {value}").format(
                    date=date_text(change.valid_from),
                    where=names.get(change.help_desk_id, "") if change.help_desk_id else self.tr("centre"),
                    item=self._item_label(change.item),
                    value=self._value_text(change.item, change.value),
                )
            )

    def _item_label(self, item: str) -> str:
        kind, _, profession = item.partition(":")
        labels = {
            structure.DAYS: self.tr("opening days"),
            structure.HOURS: self.tr("weekly hours"),
            structure.LANGUAGES: self.tr("languages"),
            structure.ADHERES_1522: self.tr("1522 number"),
            structure.AVAILABLE_H24: self.tr("reachable h24"),
            structure.PAID: self.tr("paid staff"),
            structure.VOLUNTEER: self.tr("volunteers"),
        }
        text = labels.get(kind, kind)
        return f"{text} ({code_label('staff_profession', profession)})" if profession else text

    @staticmethod
    def _value_text(item: str, value: str) -> str:
        if item == structure.DAYS:
            return code_labels("weekday", [c for c in value.split(",") if c])
        if item == structure.LANGUAGES:
            return code_labels("language", [c for c in value.split(",") if c])
        if item in structure.YES_NO_ITEMS:
            return code_label("yes_no", value)
        return value or "—"

    @Slot()
    def _show_desk(self) -> None:
        desk_id = self.desk.currentData()
        desk = (
            next((d for d in self.current.desks if d.help_desk_id == desk_id), None) if self.current else None
        )
        value = desk.structure if desk is not None else DeskStructure()
        self.days.set_codes(value.days)
        self.hours.set_value_or_none(value.hours_week)
        self.languages.set_codes(value.languages)

    # --- saving ----------------------------------------------------------------------------------------

    @Slot()
    def save_centre(self) -> None:
        ws, day = self.workspace, self._day()
        if day is None:
            return
        value = CentreStructure(
            self.adheres.code(),
            {code: spin.value_or_none() for code, spin in self.paid.items()},
            {code: spin.value_or_none() for code, spin in self.volunteer.items()},
            self.h24.code(),
        )
        operations.run(
            self,
            lambda: structure.set_centre_structure(ws, day, value),
            self._saved,
            on_user_error=self._refused,
        )

    @Slot()
    def save_desk(self) -> None:
        ws, day, desk_id = self.workspace, self._day(), self.desk.currentData()
        if day is None or desk_id is None:
            return
        value = DeskStructure(self.days.codes(), self.hours.value_or_none(), self.languages.codes())
        operations.run(
            self,
            lambda: structure.set_desk_structure(ws, desk_id, day, value),
            self._saved,
            on_user_error=self._refused,
        )

    def _saved(self, _result: object) -> None:
        self.errors.clear()
        self.refresh()

    def _refused(self, error: UserError) -> None:
        self.errors.show(error)

    def clear(self) -> None:
        self.current = None
        self.desk.clear()
        self.history.clear()
        self.days.set_codes(())
        self.languages.set_codes(())
        self.hours.set_value_or_none(None)
        for spin in (*self.paid.values(), *self.volunteer.values()):
            spin.set_value_or_none(None)
        self.adheres.set_code("ND")
        self.h24.set_code("ND")
