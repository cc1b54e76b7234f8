"""Agenda: a week, Monday to Sunday, of a help desk or of every desk, with a person's appointments if chosen.

Each day lists its appointments by time (what for, case, name, with whom), then the pathway reviews and
the goals' deadlines falling due that day. Alt+Left and Alt+Right go to the previous and next week,
Alt+Home to this week; Enter or a double click opens the case at the tab where the work is done, as on
Oggi. The page reads again each time it is shown or the week or a filter changes: one audited read each.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import agenda, week
from app.services.accounts import Role
from app.services.agenda import Colleague
from app.services.week import WeekLine, WeekView
from app.services.workspace import Workspace
from app.ui.casefile.base import selected_key, table_view
from app.ui.casefile.style import CASES_STYLE
from app.ui.i18n import ui_language
from app.ui.kit import files, operations
from app.ui.kit.fields import Toast
from app.ui.kit.qt_compat import emit
from app.ui.models.appointments import appointment_cells, appointment_headers
from app.ui.models.codes import code_label, date_text
from app.ui.models.rows import Index, RowsModel
from app.ui.session import SessionInfo

SHORTCUTS = {"previous": "Alt+Left", "next": "Alt+Right", "this": "Alt+Home"}


class WeekModel(RowsModel):
    """The week's rows; each day's name in bold on its first row, so that the days stand apart."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__(headers)
        self.bold = QFont()
        self.bold.setBold(True)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.column() == 0:
            return self.bold
        return super().data(index, role)


class AgendaPage(QWidget):
    open_case = Signal(int, str)  # case id, the case-file tab to show

    def __init__(self, workspace: Workspace, info: SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaPage")
        self.setStyleSheet(CASES_STYLE)
        self.workspace = workspace
        self.actor = info.actor
        self.monday = week.monday_of(dt.date.today())
        self.view: WeekView | None = None
        heading = QLabel(self.tr("Agenda"))
        heading.setObjectName("title")
        self.week_label = QLabel()
        self.week_label.setObjectName("subtitle")
        self.previous_button = QPushButton(self.tr("◀ P&revious week"))
        self.this_button = QPushButton(self.tr("This &week"))
        self.next_button = QPushButton(self.tr("Ne&xt week ▶"))
        for button, key, slot in (
            (self.previous_button, "previous", self.previous_week),
            (self.this_button, "this", self.this_week),
            (self.next_button, "next", self.next_week),
        ):
            button.clicked.connect(slot)
            keys = QKeySequence(SHORTCUTS[key])
            button.setToolTip(keys.toString(QKeySequence.SequenceFormat.NativeText))
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.week_label)
        top.addStretch(1)
        top.addWidget(self.previous_button)
        top.addWidget(self.this_button)
        top.addWidget(self.next_button)

        self.desk = QComboBox()
        self.desk.setAccessibleName(self.tr("Help desk of the agenda"))
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Appointments with"))
        self.person.setToolTip(self.tr("Reviews and deadlines belong to the help desk: they stay shown."))
        desk_label = QLabel(self.tr("Help d&esk:"))
        desk_label.setBuddy(self.desk)
        person_label = QLabel(self.tr("Appointments wi&th:"))
        person_label.setBuddy(self.person)
        filters = QHBoxLayout()
        filters.addWidget(desk_label)
        filters.addWidget(self.desk, 1)
        filters.addSpacing(12)
        filters.addWidget(person_label)
        filters.addWidget(self.person, 1)

        self.model = WeekModel(appointment_headers())
        self.table = table_view(self.model, self.tr("The week's appointments, reviews and deadlines"), 4)
        self.table.activated.connect(self._open_row)

        self.open_button = QPushButton(self.tr("&Open the case"))
        self.open_button.setObjectName("primary")
        self.open_button.clicked.connect(self.open_selected)
        self.with_names = QCheckBox(self.tr("with &names"))
        self.with_names.setToolTip(
            self.tr(
                "Print her name beside the case code. Recorded in the audit trail; keep the paper locked away."
            )
        )
        self.print_button = QPushButton(self.tr("&Print the week…"))
        self.print_button.clicked.connect(self.print_week)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        hint = QLabel(self.tr("Enter or a double click opens the case."))
        hint.setObjectName("hint")
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.with_names)
        bottom.addWidget(self.print_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.toast = Toast(self)
        self._filling = False
        self.desk.currentIndexChanged.connect(self._filter_changed)
        self.person.currentIndexChanged.connect(self._filter_changed)
        self._people: list[Colleague] | None = None

    def focus_start(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    # --- weeks and filters -----------------------------------------------------------------------------
    @Slot()
    def previous_week(self) -> None:
        self._go(self.monday - dt.timedelta(days=7))

    @Slot()
    def next_week(self) -> None:
        self._go(self.monday + dt.timedelta(days=7))

    @Slot()
    def this_week(self) -> None:
        self._go(week.monday_of(dt.date.today()))

    def _go(self, monday: dt.date) -> None:
        self.monday = monday
        self.refresh()

    def _filter_changed(self) -> None:
        if not self._filling:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        ws, monday = self.workspace, self.monday
        desk_id, person_id = self.desk.currentData(), self.person.currentData()
        if self._people is None:
            operations.run(self, lambda: agenda.colleagues(ws), self._fill_people, busy=False)
        operations.run(self, lambda: week.week(ws, monday, desk_id, person_id), self.show_week, busy=False)

    def _fill_people(self, people: list[Colleague]) -> None:
        own = None if self.actor.at_least(Role.COORDINATRICE) else self.actor.help_desk_id
        self._people = [p for p in people if own is None or p.help_desk_id in (own, None)]
        self._filling = True
        self.person.clear()
        self.person.addItem(self.tr("— anyone —"), None)
        for person in self._people:
            self.person.addItem(person.full_name, person.id)
        self._filling = False

    def show_week(self, view: WeekView) -> None:
        if view.monday != self.monday:
            return  # an older read arriving after she moved on
        self.view = view
        sunday = view.days[-1]
        self.week_label.setText(f"{date_text(view.monday)} – {date_text(sunday)}")
        self._filling = True
        self.desk.clear()
        if self.actor.at_least(Role.COORDINATRICE):
            self.desk.addItem(self.tr("All help desks"), None)
        for desk_id, name in view.desks:
            self.desk.addItem(name, desk_id)
        self.desk.setCurrentIndex(max(0, self.desk.findData(view.desk_id)))
        self.desk.setEnabled(self.desk.count() > 1)  # an operatrice's own desk: nothing to choose
        self._filling = False
        current = selected_key(self.table)
        self.model.set_rows(self._rows(view))
        keys = [self.model.key(row) for row in range(self.model.rowCount())]
        if current is not None and current in keys:
            self.table.selectRow(keys.index(current))
        elif self.table.hasFocus():  # Enter opens the first line at once, no arrow needed first
            self.table.selectRow(next((row for row, key in enumerate(keys) if key is not None), 0))

    def _rows(self, view: WeekView) -> list[tuple[object, tuple[str, ...]]]:
        rows: list[tuple[object, tuple[str, ...]]] = []
        today = dt.date.today()
        for day in view.days:
            label = QLocale().toString(QDate(day.year, day.month, day.day), "ddd dd/MM")
            if day == today:
                label = self.tr("{day} (today)").format(day=label)
            lines = view.on(day)
            if not lines:
                rows.append((None, (label, "", self.tr("nothing planned"), "", "", "", "")))
            for index, line in enumerate(lines):
                rows.append((self._key(line), (label if index == 0 else "", *self._cells(line))))
        return rows

    @staticmethod
    def _key(line: WeekLine) -> tuple[str, int | None, str, int]:
        """What a row opens (kind, case, tab) plus something unique, so a selection survives a reread."""
        unique = line.appointment.id if line.appointment is not None else line.day.toordinal()
        return (line.kind, line.case_id, line.tab, unique)

    def _cells(self, line: WeekLine) -> tuple[str, ...]:
        if line.kind == week.REVIEW:
            what = self.tr("Pathway review")
        elif line.kind == week.GOAL:
            what = self.tr("Goal deadline: {area}").format(area=code_label("goal_area", line.detail))
        else:
            what = code_label(agenda.PURPOSES, line.detail)
        return appointment_cells(
            line.time, what, line.visible, line.code, line.name, line.desk_name, line.operator_name
        )

    # --- opening and printing --------------------------------------------------------------------------
    @Slot(QModelIndex)
    def _open_row(self, index: QModelIndex) -> None:
        self._open(self.model.key(index.row()))

    @Slot()
    def open_selected(self) -> None:
        key = selected_key(self.table)
        if key is None:
            self.toast.show_text(self.tr("Choose a line first."))
            return
        self._open(key)

    def _open(self, key: object) -> None:
        if not isinstance(key, tuple):
            return  # a day with nothing planned
        _kind, case_id, tab, _unique = key
        if case_id is None:
            self.toast.show_text(
                self.tr("This hour is booked for a case of another help desk: that desk manages it.")
            )
            return
        emit(self.open_case, case_id, tab)

    @Slot()
    def print_week(self) -> None:
        if self.view is None:
            return
        monday, desk_id, person_id = self.view.monday, self.view.desk_id, self.view.operator_id
        with_names = self.with_names.isChecked()
        place = self.desk.currentText() if desk_id is not None else "all"
        suggested = Path.home() / f"agenda-{place}-{monday.isoformat()}.pdf"
        path = files.save_file(
            self.window(), self.tr("Save the week"), suggested, "PDF (*.pdf)", personal=True
        )
        if path is None:
            return
        ws, lang = self.workspace, ui_language()
        operations.run(
            self,
            lambda: week.print_week(
                ws, monday, path, desk_id=desk_id, operator_id=person_id, with_names=with_names, lang=lang
            ),
            lambda count: self.toast.show_text(
                self.tr("Week saved: {name} ({count} lines)").format(name=path.name, count=count)
            ),
        )

    def clear(self) -> None:
        """On lock: no name or code stays in a model."""
        self.view = None
        self.model.clear()
        self.desk.clear()
        self.person.clear()
        self._people = None
        self.with_names.setChecked(False)
        self.week_label.clear()
        self.toast.clear()
