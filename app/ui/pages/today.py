""" "Oggi": the first page after unlock, what is due today and the appointments of today and tomorrow.

Each line opens the case at the tab where the work is done (`open_case(case_id, tab)`); the total
appears beside "Oggi" in the navigation (`count_changed`). The page reads again each time it is shown,
which is one audited read of the names it shows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import agenda, today
from app.services.accounts import Role
from app.services.agenda import AppointmentView
from app.services.today import Chores, DueItem, TodayView
from app.services.workspace import Workspace
from app.ui.casefile.appointment import MoveAppointmentDialog
from app.ui.casefile.base import CaseContext, selected_key, table_view
from app.ui.casefile.style import CASES_STYLE
from app.ui.i18n import ui_language
from app.ui.kit import files, messages, operations
from app.ui.kit.fields import Toast
from app.ui.kit.qt_compat import emit
from app.ui.kit.styles import day_text, local_time
from app.ui.models.appointments import appointment_cells, appointment_headers
from app.ui.models.codes import code_label, date_text
from app.ui.models.rows import RowsModel
from app.ui.session import SessionInfo

APPOINTMENT_TAB = "services"  # an appointment opens her case where the next service is recorded


def _cells(item: DueItem) -> tuple[str, ...]:
    """A due item's row: code, name, desk, day, and what the kind adds (the goal's area, the consent)."""
    cells = [item.code, item.name, item.desk_name, date_text(item.day)]
    if item.kind == today.GOAL:
        cells.append(code_label("goal_area", item.detail))
    if item.kind == today.CONSENT:
        cells.append(item.detail)
    return tuple(cells)


class TodayPage(QWidget):
    open_case = Signal(int, str)  # case id, the case-file tab to show
    count_changed = Signal(int)

    def __init__(self, workspace: Workspace, info: SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.setStyleSheet(CASES_STYLE)
        self.workspace = workspace
        self.actor = info.actor
        self.context = CaseContext(workspace, info.actor, lambda text: self.toast.show_text(text))
        self.view: TodayView | None = None
        self.dialog: MoveAppointmentDialog | None = None
        heading = QLabel(self.tr("Today"))
        heading.setObjectName("title")
        self.day_label = QLabel()
        self.day_label.setObjectName("subtitle")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.day_label)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        self.chores = QLabel()
        self.chores.setObjectName("banner")
        self.chores.setWordWrap(True)
        self.chores.hide()

        self.tabs = QTabWidget()
        # appointments: the table, then what she can do with one, then the desk's printed agenda
        self.appointments = RowsModel(appointment_headers())
        self.appointments_table = table_view(self.appointments, self.tr("Appointments today and tomorrow"), 4)
        self.appointments_table.activated.connect(self._open_appointment)
        self.move_button = QPushButton(self.tr("&Move…"))
        self.move_button.clicked.connect(self.move_appointment)
        self.cancel_button = QPushButton(self.tr("Cancel appoin&tment"))
        self.cancel_button.clicked.connect(self.cancel_appointment)
        self.desk = QComboBox()
        self.desk.setAccessibleName(self.tr("Help desk of the agenda"))
        self.agenda_day = QComboBox()
        self.agenda_day.setAccessibleName(self.tr("Day of the agenda"))
        self.agenda_day.addItem(self.tr("today"), 0)
        self.agenda_day.addItem(self.tr("tomorrow"), 1)
        self.with_names = QCheckBox(self.tr("with &names"))
        self.with_names.setToolTip(
            self.tr(
                "Print her name beside the case code. Recorded in the audit trail; keep the paper locked away."
            )
        )
        self.print_button = QPushButton(self.tr("Print the &agenda…"))
        self.print_button.clicked.connect(self.print_agenda)
        desk_label = QLabel(self.tr("Help d&esk:"))
        desk_label.setBuddy(self.desk)
        day_label = QLabel(self.tr("&Day:"))
        day_label.setBuddy(self.agenda_day)
        actions = QHBoxLayout()
        actions.addWidget(self.move_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        printing = QHBoxLayout()
        printing.addWidget(desk_label)
        printing.addWidget(self.desk, 1)
        printing.addWidget(day_label)
        printing.addWidget(self.agenda_day)
        printing.addWidget(self.with_names)
        printing.addWidget(self.print_button)
        appointments_tab = QWidget()
        column = QVBoxLayout(appointments_tab)
        column.addWidget(self.appointments_table, 1)
        column.addLayout(actions)
        column.addLayout(printing)
        self.tabs.addTab(appointments_tab, "")

        self.models: dict[str, RowsModel] = {}
        self.tables: dict[str, QTableView] = {}
        columns = {
            today.REVIEW: self.tr("Review planned for"),
            today.GOAL: self.tr("Deadline"),
            today.INACTIVE: self.tr("Last recorded"),
            today.CONSENT: self.tr("Consent given on"),
            today.INTAKE: self.tr("Last contact"),
        }
        for kind in today.KINDS:
            headers = [self.tr("Case"), self.tr("Name"), self.tr("Help desk"), columns[kind]]
            if kind == today.GOAL:
                headers.append(self.tr("Area"))
            if kind == today.CONSENT:
                headers.append(self.tr("Privacy notice"))
            model = RowsModel(headers)
            table = table_view(model, self._title(kind, None).replace("&", ""), 1)
            table.activated.connect(self._open_item)
            self.models[kind], self.tables[kind] = model, table
            self.tabs.addTab(table, "")
        self.open_button = QPushButton(self.tr("&Open the case"))
        self.open_button.setObjectName("primary")
        self.open_button.clicked.connect(self.open_selected)
        self.hint = QLabel(
            self.tr("Enter or a double click opens the case at the tab where the work is done.")
        )
        self.hint.setObjectName("hint")
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.hint, 1)
        self._retitle()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.chores)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.toast = Toast(self)
        self._first_view = True

    def focus_start(self) -> None:
        """At unlock: the list of the current tab, so arrows and Enter work at once."""
        current = self.tabs.currentIndex()
        table = self.appointments_table if current == 0 else self.tables[today.KINDS[current - 1]]
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        model = table.model()
        if model is not None and model.rowCount() and not table.currentIndex().isValid():
            table.setCurrentIndex(model.index(0, 0))  # Enter opens the first line without an arrow first

    # --- titles ----------------------------------------------------------------------------------------
    def _title(self, kind: str, count: int | None) -> str:
        titles = {
            "appointments": self.tr("A&ppointments"),
            today.REVIEW: self.tr("Re&views due"),
            today.GOAL: self.tr("&Goal deadlines"),
            today.INACTIVE: self.tr("No &contact for a while"),
            today.CONSENT: self.tr("Con&sents to renew"),
            today.INTAKE: self.tr("&Waiting for the interview"),
        }
        text = titles[kind]
        return text if count is None else f"{text} ({count})"

    def _retitle(self) -> None:
        view = self.view
        self.tabs.setTabText(0, self._title("appointments", len(view.appointments) if view else None))
        for index, kind in enumerate(today.KINDS, start=1):
            self.tabs.setTabText(index, self._title(kind, view.counts[kind] if view else None))

    # --- reading ---------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Each time she comes back to the page it reads again: what she did meanwhile is no longer due."""
        super().showEvent(event)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        ws = self.workspace
        operations.run(self, lambda: today.overview(ws), self.show_view, busy=False)
        if self.actor.at_least(Role.COORDINATRICE):
            operations.run(self, lambda: today.chores(ws), self.show_chores, busy=False)

    def show_view(self, view: TodayView) -> None:
        self.view = view
        self.day_label.setText(day_text(view.day))
        self.appointments.set_rows(
            [
                (
                    a.id,
                    (
                        self.tr("today") if a.date == view.day else self.tr("tomorrow"),
                        *appointment_cells(
                            a.time,
                            code_label(agenda.PURPOSES, a.purpose),
                            a.visible,
                            a.code,
                            a.name,
                            a.desk_name,
                            a.operator_name,
                        ),
                    ),
                )
                for a in view.appointments
            ]
        )
        for kind, model in self.models.items():
            model.set_rows([((item.case_id, item.tab), _cells(item)) for item in view.items[kind]])
        current = self.desk.currentData()
        self.desk.clear()
        for desk_id, name in view.desks:
            self.desk.addItem(name, desk_id)
        self.desk.setCurrentIndex(max(0, self.desk.findData(current)))
        self._retitle()
        if self._first_view:  # open on the first list with something in it, not on an empty one
            self._first_view = False
            if not view.appointments:
                for index, kind in enumerate(today.KINDS, start=1):
                    if view.items[kind]:
                        focused = self.tabs.currentWidget().hasFocus() or self.appointments_table.hasFocus()
                        self.tabs.setCurrentIndex(index)
                        if focused:
                            self.focus_start()
                        break
        emit(self.count_changed, view.total + len(view.appointments))

    def show_chores(self, chores: Chores) -> None:
        parts = []
        # an administrator has the backup reminder above every page already (BackupReminderBanner)
        if chores.backup_due and self.actor.role is not Role.AMMINISTRATRICE:
            if chores.last_backup_at is None:
                parts.append(self.tr("No backup of the database has been made yet."))
            else:
                parts.append(
                    self.tr("The last backup was made on {date}: make a new one.").format(
                        date=day_text(local_time(chores.last_backup_at))
                    )
                )
        if chores.retention_cases or chores.retention_contacts:
            parts.append(
                self.tr(
                    "Past their retention period (Administration, Retention): closed case files {cases}, "
                    "contact records {contacts}."
                ).format(cases=chores.retention_cases, contacts=chores.retention_contacts)
            )
        self.chores.setText(" ".join(parts))
        self.chores.setVisible(bool(parts))

    # --- opening a case --------------------------------------------------------------------------------
    @Slot(QModelIndex)
    def _open_item(self, index: QModelIndex) -> None:
        case_id, tab = index.model().index(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        emit(self.open_case, case_id, tab)

    @Slot(QModelIndex)
    def _open_appointment(self, index: QModelIndex) -> None:
        appointment = self._own(self._appointment(index.row()))
        if appointment is not None and appointment.case_id is not None:
            emit(self.open_case, appointment.case_id, APPOINTMENT_TAB)

    @Slot()
    def open_selected(self) -> None:
        if self.tabs.currentIndex() == 0:
            rows = self.appointments_table.selectionModel().selectedRows()
            if rows:
                self._open_appointment(rows[0])
            return
        kind = today.KINDS[self.tabs.currentIndex() - 1]
        key = selected_key(self.tables[kind])
        if key is not None:
            emit(self.open_case, key[0], key[1])

    # --- appointments ----------------------------------------------------------------------------------
    def _appointment(self, row: int | None = None) -> AppointmentView | None:
        if self.view is None:
            return None
        if row is None:
            key = selected_key(self.appointments_table)
            return next((a for a in self.view.appointments if a.id == key), None)
        return self.view.appointments[row] if 0 <= row < len(self.view.appointments) else None

    def _own(self, appointment: AppointmentView | None) -> AppointmentView | None:
        """The appointment if its case is one she may open; otherwise a word, not a refusal the services
        would record as an attempt on another desk's case."""
        if appointment is None:
            self.toast.show_text(self.tr("Choose an appointment first."))
            return None
        if not appointment.visible:
            self.toast.show_text(
                self.tr("This hour is booked for a case of another help desk: that desk manages it.")
            )
            return None
        return appointment

    @Slot()
    def move_appointment(self) -> None:
        appointment = self._own(self._appointment())
        if appointment is None:
            return
        dialog = MoveAppointmentDialog(self.context, appointment, self.window())
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def cancel_appointment(self) -> None:
        appointment = self._own(self._appointment())
        if appointment is None:
            return
        answer = messages.ask(
            self.window(),
            self.tr("Cancel the appointment"),
            self.tr("Cancel the appointment of {code} at {time}?").format(
                code=appointment.code, time=appointment.time
            ),
        )
        if answer != messages.Button.Yes:
            return
        ws, appointment_id = self.workspace, appointment.id
        operations.run(
            self, lambda: agenda.cancel_appointment(ws, appointment_id), lambda _none: self._cancelled()
        )

    def _cancelled(self) -> None:
        self.toast.show_text(self.tr("Appointment cancelled"))
        self.refresh()

    @Slot()
    def print_agenda(self) -> None:
        if self.view is None or self.desk.currentData() is None:
            return
        day = self.view.day + dt.timedelta(days=int(self.agenda_day.currentData() or 0))
        desk_id, with_names = int(self.desk.currentData()), self.with_names.isChecked()
        suggested = Path.home() / f"agenda-{self.desk.currentText()}-{day.isoformat()}.pdf"
        path = files.save_file(
            self.window(), self.tr("Save the agenda"), suggested, "PDF (*.pdf)", personal=True
        )
        if path is None:
            return
        ws, lang = self.workspace, ui_language()
        operations.run(
            self,
            lambda: agenda.print_agenda(ws, desk_id, day, path, with_names=with_names, lang=lang),
            lambda count: self.toast.show_text(
                self.tr("Agenda saved: {name} (%n appointment(s))", "", count).format(name=path.name)
            ),
        )

    def clear(self) -> None:
        """On lock: no name or code stays in a model."""
        self.view = None
        self.appointments.clear()
        for model in self.models.values():
            model.clear()
        self.desk.clear()
        self.with_names.setChecked(False)
        self.chores.clear()
        self.context.clear()
        self.toast.clear()
        self._retitle()
