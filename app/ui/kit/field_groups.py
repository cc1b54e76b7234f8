"""Groups of fields that several screens ask for the same way: how she first reached the centre (the
intake without consent, the quick contact page, an intake interview), a service (the case file's quick entry bar, its service dialog)
and a dated note (the pathway agreed, a pathway review).

Like PassphraseFields, a group owns its widgets and their labels, accessible names and shortcuts; the
screen places them (a form, a bar) and reads `value()`. The widgets get their parent where they are placed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFormLayout, QSpinBox, QWidget

from app.services.cases import ContactInput, ServiceInput
from app.ui.kit.fields import CodeCombo, DateEdit, FieldErrors, TypeAheadCombo, notes_edit


class ContactFields(QObject):
    """Date, access channel and first contact mode; neither choice is preselected. An intake interview
    asks the same, with a date field of its own (`date`) that says what the date is of."""

    def __init__(self, parent: QObject, date: DateEdit | None = None) -> None:
        super().__init__(parent)
        if date is None:
            date = DateEdit()
            date.setAccessibleName(self.tr("Date"))
        self.date = date
        self.channel = CodeCombo("access_channel", empty=self.tr("— choose —"))
        self.channel.setAccessibleName(self.tr("Access channel"))
        self.mode = CodeCombo("first_contact_mode", empty=self.tr("— choose —"))
        self.mode.setAccessibleName(self.tr("First contact mode"))

    def add_date(self, form: QFormLayout) -> None:
        form.addRow(self.tr("&Date:"), self.date)

    def add_how(self, form: QFormLayout) -> None:
        """How she reached the centre and how she made contact (after the date, or the desk between)."""
        form.addRow(self.tr("Acc&ess channel:"), self.channel)
        form.addRow(self.tr("First con&tact mode:"), self.mode)

    def bind(self, errors: FieldErrors) -> None:
        errors.bind("date", self.date)
        errors.bind("access_channel", self.channel)
        errors.bind("first_contact_mode", self.mode)

    def value(self) -> ContactInput:
        """The contact as these fields say (`dataclasses.replace` adds a reason or another desk)."""
        return ContactInput(
            date=self.date.day(), access_channel=self.channel.code(), first_contact_mode=self.mode.code()
        )

    def clear(self) -> None:
        """Ready for the next contact: the date stays (several are often recorded for one day)."""
        self.channel.setCurrentIndex(0)
        self.mode.setCurrentIndex(0)


PHONE_TYPES = frozenset({"ASCOLTO"})  # "Ascolto (colloqui telefonici)"


def usual_mode(service_type: str | None) -> str:
    """The mode a service of this type is given unless she says otherwise."""
    return "TELEFONO" if service_type in PHONE_TYPES else "PRESENZA"


class ServiceFields(QObject):
    """Date, service type, mode, minutes and operator role. The date field and the type's accessible
    name are the screen's (the quick entry bar shows the date's problem under it and says how to type).
    The mode follows the type until she picks one herself: ASCOLTO is the phone line, so Telefono; every
    other service In presenza."""

    def __init__(self, parent: QObject, date: DateEdit, type_name: str) -> None:
        super().__init__(parent)
        self.date = date
        self.service_type = TypeAheadCombo("service_type")
        self.service_type.setAccessibleName(type_name)
        self.mode = CodeCombo("service_mode")
        self.mode.setAccessibleName(self.tr("Mode"))
        self.mode_chosen = False  # once she picks a mode, a new type no longer changes it
        self.mode.activated.connect(self._mode_picked)
        self.service_type.currentIndexChanged.connect(self._type_changed)
        self._type_changed()
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(60)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Minutes"))
        self.role = CodeCombo("operator_role")
        self.role.setAccessibleName(self.tr("Operator role"))

    @Slot()
    def _mode_picked(self) -> None:
        self.mode_chosen = True

    @Slot()
    def _type_changed(self) -> None:
        if not self.mode_chosen:
            self.mode.set_code(usual_mode(self.service_type.code()))

    def set_defaults(self, service_type: str, mode: str) -> None:
        """A type and its mode (remembered from the last service), the mode following the type again."""
        self.service_type.set_code(service_type)
        self.mode.set_code(mode)
        self.mode_chosen = False

    def widgets(self) -> list[QWidget]:
        """In the order they are read and placed."""
        return [self.date, self.service_type, self.mode, self.minutes, self.role]

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("&Service:"), self.service_type)
        form.addRow(self.tr("&Mode:"), self.mode)
        form.addRow(self.tr("M&inutes:"), self.minutes)
        form.addRow(self.tr("Operator &role:"), self.role)

    def bind(self, errors: FieldErrors) -> None:
        names = ("date", "service_type", "mode", "minutes", "operator_role")
        for field, widget in zip(names, self.widgets(), strict=True):
            errors.bind(field, widget)

    def value(self) -> ServiceInput:
        """The service as these fields say (`dataclasses.replace` adds who it was for and notes)."""
        return ServiceInput(
            date=self.date.day(),
            service_type=self.service_type.code(),
            mode=self.mode.code(),
            minutes=self.minutes.value(),
            operator_role=self.role.code(),
        )


class DatedNote(QObject):
    """A date and free notes. The date's accessible name, the labels and the field a refusal names are the
    screen's (the day a pathway was agreed, the day of a review), so each keeps its own shortcuts; the
    screen places them (the pathway's dialogs put the next review between)."""

    def __init__(self, parent: QObject, date_name: str, notes_height: int) -> None:
        super().__init__(parent)
        self.date = DateEdit()
        self.date.setAccessibleName(date_name)
        self.notes = notes_edit(notes_height)
        self.notes.setAccessibleName(self.tr("Notes"))

    def bind(self, errors: FieldErrors, date_field: str) -> None:
        errors.bind(date_field, self.date)
        errors.bind("notes", self.notes)

    def value(self) -> tuple[dt.date, str]:
        return self.date.day(), self.notes.toPlainText().strip()
