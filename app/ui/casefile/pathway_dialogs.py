"""Agree a pathway (presa in carico), add a goal, add a review."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from app.services import cases
from app.services.cases import CaseFile
from app.ui.casefile.appointment import AppointmentBox, scheduling
from app.ui.casefile.base import CaseContext, CaseDialog
from app.ui.kit.field_groups import DatedNote
from app.ui.kit.fields import CodeCombo, DueDateEdit, hint


class AgreePathwayDialog(CaseDialog):
    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("Agree the pathway — {code}").format(code=case.code), parent)
        self.note = DatedNote(self, self.tr("Date agreed"), 90)
        self.date, self.notes = self.note.date, self.note.notes
        self.note.add_to(self.form, self.tr("&Agreed on:"), self.tr("N&otes:"))
        self.form.addRow("", hint(self.tr("The case becomes “pathway in progress” (taken in charge).")))
        self.note.bind(self.errors, "agreed_on")

    def work(self) -> Callable[[], int]:
        ws, case_id, (day, notes) = self.workspace, self.case_id, self.note.value()
        return lambda: cases.agree_pathway(ws, case_id, day, notes)


class GoalDialog(CaseDialog):
    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("New goal — {code}").format(code=case.code), parent)
        self.area = CodeCombo("goal_area")
        self.area.setAccessibleName(self.tr("Area"))
        self.description = QLineEdit()
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setMaxLength(2000)
        self.description.setPlaceholderText(self.tr("e.g. find a safe place to live with the children"))
        self.status = CodeCombo("goal_status")
        self.status.setAccessibleName(self.tr("Status"))
        self.due = DueDateEdit()
        self.due.setAccessibleName(self.tr("Due date"))
        self.form.addRow(self.tr("&Area:"), self.area)
        self.form.addRow(self.tr("&Description:"), self.description)
        self.form.addRow(self.tr("&Status:"), self.status)
        self.form.addRow(self.tr("D&ue by:"), self.due)
        for field, widget in (
            ("area", self.area),
            ("description", self.description),
            ("status", self.status),
            ("due_on", self.due),
        ):
            self.errors.bind(field, widget)

    def work(self) -> Callable[[], int]:
        ws, case_id = self.workspace, self.case_id
        area, text, status, due = (
            self.area.code(),
            self.description.text().strip(),
            self.status.code(),
            self.due.day_or_none(),
        )
        return lambda: cases.add_goal(ws, case_id, area, text, due, status)


class ReviewDialog(CaseDialog):
    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("Pathway review — {code}").format(code=case.code), parent)
        self.note = DatedNote(self, self.tr("Date of the review"), 120)
        self.date, self.notes = self.note.date, self.note.notes
        self.note.add_to(self.form, self.tr("&Date:"), self.tr("N&otes:"))
        self.appointment = AppointmentBox(context, case.help_desk_id)
        self.appointment.fields.bind(self.errors)
        self.form.addRow(self.appointment)
        self.note.bind(self.errors, "date")

    def work(self) -> Callable[[], int]:
        ws, case_id, (day, notes) = self.workspace, self.case_id, self.note.value()
        return scheduling(
            lambda: cases.add_pathway_review(ws, case_id, day, notes),
            self.context,
            case_id,
            self.appointment.value(),
        )
