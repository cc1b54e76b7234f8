"""Agree a pathway (presa in carico), add or edit a goal, add a review; agreeing and reviewing plan the
next review."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from app.services import cases
from app.services.cases import CaseFile, GoalView
from app.ui.casefile.appointment import AppointmentBox, scheduling
from app.ui.casefile.base import CaseContext, CaseDialog
from app.ui.casefile.next_review import NextReviewFields
from app.ui.kit.field_groups import DatedNote
from app.ui.kit.fields import CodeCombo, DueDateEdit, hint


class AgreePathwayDialog(CaseDialog):
    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("Agree the pathway — {code}").format(code=case.code), parent)
        self.note = DatedNote(self, self.tr("Date agreed"), 90)
        self.date, self.notes = self.note.date, self.note.notes
        self.next_review = NextReviewFields(self, self.date, case.review_interval)
        self.form.addRow(self.tr("&Agreed on:"), self.date)
        self.next_review.add_to(self.form, self.tr("&Next review:"))
        self.form.addRow(self.tr("N&otes:"), self.notes)
        self.form.addRow("", hint(self.tr("The case becomes “pathway in progress” (taken in charge).")))
        self.note.bind(self.errors, "agreed_on")
        self.next_review.bind(self.errors)

    def work(self) -> Callable[[], int]:
        ws, case_id, (day, notes) = self.workspace, self.case_id, self.note.value()
        planned = self.next_review.value()
        return lambda: cases.agree_pathway(ws, case_id, day, notes, planned)


class GoalDialog(CaseDialog):
    """A new goal, or (given `goal`) the goal as she rewrites it; its area stays, the earlier version is kept."""

    def __init__(
        self,
        context: CaseContext,
        case: CaseFile,
        parent: QWidget | None = None,
        goal: GoalView | None = None,
    ) -> None:
        title = self.tr("Edit the goal — {code}") if goal else self.tr("New goal — {code}")
        super().__init__(context, case, title.format(code=case.code), parent)
        self.goal_id = None if goal is None else goal.id
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
        if goal is not None:
            self.area.set_code(goal.area)
            self.area.setEnabled(False)
            self.description.setText(goal.description)
            self.status.set_code(goal.status)
            self.due.set_day_or_none(goal.due_on)
        for field, widget in (
            ("area", self.area),
            ("description", self.description),
            ("status", self.status),
            ("due_on", self.due),
        ):
            self.errors.bind(field, widget)

    def work(self) -> Callable[[], int | None]:
        ws, case_id, goal_id = self.workspace, self.case_id, self.goal_id
        area, text, status, due = (
            self.area.code(),
            self.description.text().strip(),
            self.status.code(),
            self.due.day_or_none(),
        )
        if goal_id is not None:
            return lambda: cases.edit_goal(ws, goal_id, text, due, status)
        return lambda: cases.add_goal(ws, case_id, area, text, due, status)


class ReviewDialog(CaseDialog):
    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("Pathway review — {code}").format(code=case.code), parent)
        self.note = DatedNote(self, self.tr("Date of the review"), 120)
        self.date, self.notes = self.note.date, self.note.notes
        self.next_review = NextReviewFields(self, self.date, case.review_interval)
        self.form.addRow(self.tr("&Date:"), self.date)
        self.next_review.add_to(self.form, self.tr("&Next review:"))
        self.form.addRow(self.tr("N&otes:"), self.notes)
        self.next_review.bind(self.errors)
        self.appointment = AppointmentBox(context, case.help_desk_id)
        self.appointment.fields.bind(self.errors)
        self.form.addRow(self.appointment)
        self.note.bind(self.errors, "date")

    def work(self) -> Callable[[], int]:
        ws, case_id, (day, notes) = self.workspace, self.case_id, self.note.value()
        planned = self.next_review.value()
        return scheduling(
            lambda: cases.add_pathway_review(ws, case_id, day, notes, planned),
            self.context,
            case_id,
            self.appointment.value(),
        )
