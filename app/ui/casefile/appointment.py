"""The next appointment with her: a box in the service and review dialogs, and the dialog that moves one.

The desks and colleagues offered are read once per session (`CaseContext.memory`); an operatrice is
offered only her own help desk, as the services would refuse any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.services import accounts, agenda
from app.services.accounts import Role
from app.services.agenda import DEFAULT_PURPOSE, PURPOSES, AppointmentInput, Colleague
from app.services.cases import NextAppointment
from app.services.errors import UserError
from app.ui.casefile.base import CaseContext
from app.ui.kit import operations
from app.ui.kit.fields import CodeCombo, DueDateEdit, FieldErrors
from app.ui.kit.focus import follow_layout
from app.ui.kit.form_dialog import FormDialog
from app.ui.models.codes import code_label, date_text

CHOICES = "appointment_choices"


def load_choices(
    context: CaseContext, done: Callable[[list[tuple[int, str]], list[Colleague]], None]
) -> None:
    """Desks and colleagues, read once per session and kept in the context's memory."""
    cached = context.memory.get(CHOICES)
    if cached is not None:
        done(*cached)
        return
    ws, actor = context.workspace, context.actor

    def read() -> tuple[list[tuple[int, str]], list[Colleague]]:
        desks = [(d.id, d.name) for d in accounts.list_help_desks(ws)]
        if not actor.at_least(Role.COORDINATRICE):
            desks = [d for d in desks if d[0] == actor.help_desk_id]
        return desks, agenda.colleagues(ws)

    def keep(result: tuple[list[tuple[int, str]], list[Colleague]]) -> None:
        context.memory[CHOICES] = result
        done(*result)

    operations.run(None, read, keep, busy=False)


def next_appointment_text(appointment: NextAppointment) -> str:
    """The case header's words for her next appointment: day, time, what for and where."""
    return QCoreApplication.translate(
        "CaseHeader", "next appointment: {day} at {time}, {purpose} ({desk})"
    ).format(
        day=date_text(appointment.date),
        time=appointment.time,
        purpose=code_label(PURPOSES, appointment.purpose),
        desk=appointment.desk_name,
    )


class AppointmentFields(QGridLayout):
    """Day, time, desk, with whom and what for, bound to the service's field names."""

    def __init__(self, context: CaseContext, desk_id: int | None) -> None:
        super().__init__()
        self.desk_id = desk_id
        self.person_name = ""
        self.day = DueDateEdit()
        self.day.setAccessibleName(self.tr("Day of the appointment"))
        # an editable list of quarter hours (a time edit keeps Tab for its hour and minute sections)
        self.time = QComboBox()
        self.time.setEditable(True)
        self.time.addItems([f"{h:02d}:{m:02d}" for h in range(7, 21) for m in (0, 15, 30, 45)])
        self.time.setCurrentText("09:00")
        self.time.setAccessibleName(self.tr("Time of the appointment"))
        self.desk = QComboBox()
        self.desk.setAccessibleName(self.tr("Help desk of the appointment"))
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Operator she will meet"))
        self.person.addItem(self.tr("— anyone —"), None)
        self.purpose = CodeCombo(PURPOSES)
        self.purpose.setAccessibleName(self.tr("What the appointment is for"))
        self.purpose.set_code(DEFAULT_PURPOSE)
        for column, (text, widget) in enumerate(((self.tr("Day:"), self.day), (self.tr("Time:"), self.time))):
            self.addWidget(QLabel(text), 0, column * 2)
            self.addWidget(widget, 0, column * 2 + 1)
        for column, (text, widget) in enumerate(
            ((self.tr("Help desk:"), self.desk), (self.tr("With:"), self.person))
        ):
            self.addWidget(QLabel(text), 1, column * 2)
            self.addWidget(widget, 1, column * 2 + 1)
        self.addWidget(QLabel(self.tr("For:")), 2, 0)
        self.addWidget(self.purpose, 2, 1, 1, 3)
        self.setColumnStretch(1, 1)
        self.setColumnStretch(3, 1)
        load_choices(context, self._fill)

    def _fill(self, desks: list[tuple[int, str]], people: list[Colleague]) -> None:
        for desk_id, name in desks:
            self.desk.addItem(name, desk_id)
        index = self.desk.findData(self.desk_id)
        if index >= 0:
            self.desk.setCurrentIndex(index)
        for person in people:
            self.person.addItem(person.full_name, person.id)
        self.person.setCurrentIndex(max(0, self.person.findText(self.person_name)) if self.person_name else 0)

    def bind(self, errors: FieldErrors) -> None:
        errors.bind("appointment_date", self.day)
        errors.bind("appointment_time", self.time)
        errors.bind("help_desk", self.desk)
        errors.bind("appointment_operator", self.person)
        errors.bind("appointment_purpose", self.purpose)

    def value(self) -> AppointmentInput:
        day = self.day.day_or_none()
        return AppointmentInput(
            day or dt.date.min,  # no day: the service refuses it by name
            self.time.currentText().strip(),
            self.desk.currentData(),
            self.person.currentData(),
            self.purpose.code() or None,
        )

    def set_value(self, day: dt.date, time: str, desk_id: int, person: str, purpose: str | None) -> None:
        self.day.set_day(day)
        self.time.setCurrentText(time)
        self.desk_id = desk_id
        index = self.desk.findData(desk_id)
        if index >= 0:
            self.desk.setCurrentIndex(index)
        self.person_name = person
        self.person.setCurrentIndex(max(0, self.person.findText(person)) if person else 0)
        self.purpose.set_code(purpose or DEFAULT_PURPOSE)


class AppointmentBox(QWidget):
    """Ticked, the dialog also sets the next appointment; unticked (the default) nothing is scheduled and
    the fields stay folded, so the dialog keeps its height on a small screen."""

    def __init__(self, context: CaseContext, desk_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self.tr("Ne&xt appointment"))
        self.fields = AppointmentFields(context, desk_id)
        self.fields.setContentsMargins(24, 0, 0, 0)
        self.holder = QWidget()
        self.holder.setLayout(self.fields)
        self.holder.setVisible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.check)
        column.addWidget(self.holder)
        self.check.toggled.connect(self._unfold)

    def isChecked(self) -> bool:
        return self.check.isChecked()

    def setChecked(self, checked: bool) -> None:
        self.check.setChecked(checked)

    def _unfold(self, checked: bool) -> None:
        """Show the fields and put them in the dialog's Tab order, right after the tick box."""
        self.holder.setVisible(checked)
        follow_layout(self.window())

    def value(self) -> AppointmentInput | None:
        return self.fields.value() if self.isChecked() else None


def scheduling(
    work: Callable[[], int], context: CaseContext, case_id: int, appointment: AppointmentInput | None
) -> Callable[[], int]:
    """The dialog's work, then the appointment: the appointment is checked before anything is recorded."""
    ws = context.workspace

    def run() -> int:
        checked = agenda.check_appointment(appointment) if appointment is not None else None
        result = work()
        if checked is not None:
            agenda.schedule_appointment(ws, case_id, checked)
        return result

    return run


class MoveAppointmentDialog(FormDialog):
    """Another day, time, desk or person for an appointment already set."""

    def __init__(
        self, context: CaseContext, appointment: agenda.AppointmentView, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Move the appointment — {code}").format(code=appointment.code), parent)
        self.workspace = context.workspace
        self.appointment_id = appointment.id
        self.errors = FieldErrors(self.error)
        self.fields = AppointmentFields(context, appointment.help_desk_id)
        self.fields.set_value(
            appointment.date,
            appointment.time,
            appointment.help_desk_id,
            appointment.operator_name,
            appointment.purpose,
        )
        self.fields.bind(self.errors)
        holder = QWidget()
        holder.setLayout(self.fields)
        self.form.addRow(holder)

    def work(self) -> Callable[[], None]:
        ws, appointment_id, value = self.workspace, self.appointment_id, self.fields.value()
        return lambda: agenda.move_appointment(ws, appointment_id, value)

    def _refused(self, error: UserError) -> None:
        self.errors.show(error)

    def show_error(self, text: str) -> None:
        if not text:
            self.errors.clear()
        else:
            self.errors.show(text)
