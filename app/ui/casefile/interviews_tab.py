"""Interviews: the list (newest first), the details of the selected one, and adding one; below, what
became of her report to the authorities, step by step as the news comes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import cases
from app.services.cases import CaseFile, IntakeView
from app.ui.casefile.base import CaseContext, CaseDialog, CaseTab, selected_key, table_view
from app.ui.casefile.interview_dialog import InterviewDialog
from app.ui.kit.fields import CodeCombo, DateEdit, hint
from app.ui.models.codes import code_label, code_labels, date_text, yes_no
from app.ui.models.rows import RowsModel


class PoliceStepDialog(CaseDialog):
    """One step of her report to the authorities: filed, withdrawn, dismissed, trial, verdict."""

    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(
            context, case, self.tr("Report to the authorities — {code}").format(code=case.code), parent
        )
        self.stage = CodeCombo("police_report_stage")
        self.stage.setAccessibleName(self.tr("Stage of the report"))
        self.date = DateEdit()
        self.date.setAccessibleName(self.tr("Date of the step"))
        self.form.addRow(self.tr("S&tage:"), self.stage)
        self.form.addRow(self.tr("&Date:"), self.date)
        self.form.addRow(
            "",
            hint(
                self.tr(
                    "A report filed before she came to the centre is recorded with its own date; court news "
                    "can be added after her pathway has closed."
                )
            ),
        )
        self.errors.bind("stage", self.stage)
        self.errors.bind("date", self.date)

    def work(self) -> Callable[[], int]:
        ws, case_id, stage, day = self.workspace, self.case_id, self.stage.code(), self.date.day()
        return lambda: cases.add_police_report_event(ws, case_id, day, stage)


class InterviewsTab(CaseTab):
    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = RowsModel(
            [
                self.tr("Date"),
                self.tr("Access channel"),
                self.tr("Forms of violence"),
                self.tr("Relationship"),
                self.tr("Emergency"),
            ]
        )
        self.table = table_view(self.model, self.tr("Interviews"), stretch=2)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setObjectName("caseMeta")
        self.add_button = QPushButton(self.tr("&Add interview…"))
        self.add_button.clicked.connect(self.add)
        self.report_button = QPushButton(self.tr("Report to the a&uthorities…"))
        self.report_button.setToolTip(
            self.tr("Record a step of her report: filed, withdrawn, dismissed, trial, verdict")
        )
        self.report_button.clicked.connect(self.add_report_step)
        self.report_steps = QLabel()
        self.report_steps.setWordWrap(True)
        self.report_steps.setObjectName("caseMeta")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.report_steps)
        self.intakes: dict[int, IntakeView] = {}

    def show_case(self, case: CaseFile) -> None:
        super().show_case(case)
        self.intakes = {i.id: i for i in case.intakes}
        self.model.set_rows(
            [
                (
                    i.id,
                    [
                        date_text(i.date),
                        code_label("access_channel", i.access_channel),
                        code_labels("violence_form", i.violence_forms),
                        code_label("relationship", i.relationship),
                        self.tr("yes") if i.emergency else "",
                    ],
                )
                for i in reversed(case.intakes)
            ]
        )
        self.details.clear()
        self.add_button.setEnabled(case.processing_consent)
        self.report_button.setEnabled(case.processing_consent)
        steps = [
            self.tr("{date}: {stage}").format(
                date=date_text(e.date), stage=code_label("police_report_stage", e.stage)
            )
            for e in case.police_report_events
        ]
        self.report_steps.setText(
            self.tr("Report to the authorities: {steps}").format(steps="; ".join(steps))
            if steps
            else self.tr("Report to the authorities: no step recorded.")
        )
        if case.intakes:
            self.table.selectRow(0)

    @Slot()
    def _selected(self) -> None:
        intake = self.intakes.get(selected_key(self.table))
        if intake is None:
            self.details.clear()
            return
        lines = [
            self.tr("First contact mode: {v}").format(
                v=code_label("first_contact_mode", intake.first_contact_mode)
            ),
            self.tr("Duration of the violence: {v}").format(
                v=code_label("violence_duration", intake.violence_duration)
            ),
            self.tr("Report to the authorities: {v}").format(
                v=code_label("police_report", intake.police_report)
            ),
            self.tr("Complaint withdrawn: {v}").format(v=yes_no(intake.complaint_withdrawn)),
            self.tr("Protective measures requested: {v}").format(
                v=code_labels("protective_measure", intake.measures_requested)
            ),
            self.tr("Protective measures obtained: {v}").format(
                v=code_labels("protective_measure", intake.measures_obtained)
            ),
        ]
        p = intake.perpetrator
        lines += [
            self.tr("Help sought before the centre: {v}").format(
                v=code_labels("help_sought", intake.help_sought)
            ),
            self.tr("Main perpetrator: {sex}, {age}, {citizenship}; perpetrators: {count}").format(
                sex=code_label("perpetrator_sex", p.sex),
                age=code_label("age_istat", p.age),
                citizenship=code_label("citizenship_binary", p.citizenship),
                count="—" if p.count is None else str(p.count),
            ),
            self.tr("Weapons: {w} · alcohol: {a} · drugs: {d} · earlier violence against others: {o}").format(
                w=code_label("yes_no", p.weapons),
                a=code_label("yes_no", p.alcohol),
                d=code_label("yes_no", p.drugs),
                o=code_label("yes_no", p.prior_violence),
            ),
        ]
        if intake.notes:
            lines.append(self.tr("Notes: {v}").format(v=intake.notes))
        self.details.setText("\n".join(lines))

    @Slot()
    def add(self) -> None:
        if self.case is not None:
            self.open_dialog(InterviewDialog(self.context, self.case, self.window()))

    @Slot()
    def add_report_step(self) -> None:
        if self.case is not None:
            self.open_dialog(PoliceStepDialog(self.context, self.case, self.window()))

    def clear(self) -> None:
        super().clear()
        self.intakes = {}
        self.model.clear()
        self.details.clear()
        self.report_steps.clear()
