"""Administration: the retention policy, what it makes due today, and applying it (irreversible)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import retention
from app.services.retention import LIMITS, RetentionPlan, RetentionPolicy, RetentionResult
from app.services.workspace import Workspace
from app.ui.kit import messages, operations
from app.ui.kit.action_box import scroll_in_place
from app.ui.kit.first_show import load_on_first_show
from app.ui.kit.styles import PAGE_STYLE, day_text


def _spin(name: str, suffix: str, accessible: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(LIMITS[name].low, LIMITS[name].high)
    spin.setSuffix(suffix)
    spin.setMaximumWidth(150)
    spin.setAccessibleName(accessible)
    return spin


class RetentionTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PAGE_STYLE)
        self.workspace = workspace
        self.plan: RetentionPlan | None = None
        load_on_first_show(self, self.refresh)
        self.case_years = _spin("case_years", self.tr(" years"), self.tr("Keep closed case files for years"))
        self.contact_months = _spin(
            "contact_months", self.tr(" months"), self.tr("Keep contact-only records for months")
        )
        self.audit_years = _spin("audit_years", self.tr(" years"), self.tr("Keep audit events for years"))
        for spin, one, many in (  # "1 anno", not "1 anni"
            (self.case_years, self.tr(" year"), self.tr(" years")),
            (self.contact_months, self.tr(" month"), self.tr(" months")),
            (self.audit_years, self.tr(" year"), self.tr(" years")),
        ):
            spin.valueChanged.connect(
                lambda value, spin=spin, one=one, many=many: spin.setSuffix(one if value == 1 else many)
            )
        self.full_deletion = QCheckBox(self.tr("Delete whole closed cases (not only identity and notes)"))
        self.save_button = QPushButton(self.tr("Sa&ve policy"))
        self.save_button.clicked.connect(self.save_policy)
        self.saved = QLabel()
        self.saved.setObjectName("hint")
        policy_box = QGroupBox(self.tr("Retention policy"))
        policy_layout = QVBoxLayout(policy_box)
        form = QFormLayout()
        policy_layout.addLayout(form)
        form.addRow(self.tr("C&losed case files:"), self.case_years)
        form.addRow(self.tr("Co&ntact-only records:"), self.contact_months)
        form.addRow(self.tr("Audit &events:"), self.audit_years)
        form.addRow("", self.full_deletion)
        note = QLabel(
            self.tr(
                "After its period, a closed case keeps only its coded statistical data: name, contacts and "
                "notes are erased. Contact-only records lose who took the call and the exact time. Open and "
                "suspended cases are never touched."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        policy_layout.addWidget(note)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved)
        save_row.addStretch(1)
        policy_layout.addLayout(save_row)

        due_box = QGroupBox(self.tr("What is due today"))
        self.due_summary = QLabel()
        self.due_summary.setObjectName("summary")
        self.due_summary.setWordWrap(True)
        self.due_list = QListWidget()
        self.due_list.setAccessibleName(self.tr("Cases due"))
        self.due_list.setMinimumHeight(90)
        self.check_button = QPushButton(self.tr("&Check again"))
        self.check_button.clicked.connect(self.check_again)
        self.apply_button = QPushButton(self.tr("&Apply…"))
        self.apply_button.setObjectName("primary")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.result = QLabel()
        self.result.setObjectName("hint")
        self.result.setWordWrap(True)
        due_layout = QVBoxLayout(due_box)
        due_layout.addWidget(self.due_summary)
        due_layout.addWidget(self.due_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        due_layout.addLayout(buttons)
        due_layout.addWidget(self.result)

        layout = QVBoxLayout()
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(14)
        layout.addWidget(policy_box)
        layout.addWidget(due_box, 1)
        scroll_in_place(self, layout)

    def refresh(self) -> None:
        workspace = self.workspace
        operations.run(self, lambda: retention.get_policy(workspace), self._policy_loaded)
        self.refresh_due()

    def _policy_loaded(self, policy: RetentionPolicy) -> None:
        self.case_years.setValue(policy.case_years)
        self.contact_months.setValue(policy.contact_months)
        self.audit_years.setValue(policy.audit_years)
        self.full_deletion.setChecked(policy.full_deletion)

    def policy(self) -> RetentionPolicy:
        return RetentionPolicy(
            self.case_years.value(),
            self.contact_months.value(),
            self.audit_years.value(),
            self.full_deletion.isChecked(),
        )

    @Slot()
    def save_policy(self) -> None:
        workspace, policy = self.workspace, self.policy()
        self.saved.clear()
        self.result.clear()
        operations.run(self, lambda: retention.set_policy(workspace, policy), lambda _none: self._saved())

    def _saved(self) -> None:
        self.saved.setText(self.tr("Saved."))
        self.refresh_due()

    # --- what is due ------------------------------------------------------------------------------------------
    @Slot()
    def check_again(self) -> None:
        """A new check: the line about an earlier run would read as the result of this one."""
        self.result.clear()
        self.refresh_due()

    @Slot()
    def refresh_due(self) -> None:
        workspace = self.workspace
        self.apply_button.setEnabled(False)
        operations.run(self, lambda: retention.due_records(workspace), self._due_loaded)

    def _due_loaded(self, plan: RetentionPlan) -> None:
        self.plan = plan
        self.due_list.clear()
        for case in plan.erase:
            self.due_list.addItem(
                self.tr("{code} — closed on {date} — erase identity and notes").format(
                    code=case.code, date=day_text(case.closed_on)
                )
            )
        for case in plan.delete:
            self.due_list.addItem(
                self.tr("{code} — closed on {date} — delete the whole case").format(
                    code=case.code, date=day_text(case.closed_on)
                )
            )
        if plan.nothing_due:
            self.due_summary.setText(self.tr("Nothing is due: every record is within its period."))
        else:
            self.due_summary.setText(self._counts(plan))
        self.apply_button.setEnabled(not plan.nothing_due)

    def _counts(self, plan: RetentionPlan) -> str:
        return self.tr(
            "Closed cases to erase: {cases}; to delete: {deleted}. Contact-only records to reduce: {contacts}. "
            "Audit events to remove: {events}."
        ).format(
            cases=len(plan.erase), deleted=len(plan.delete), contacts=plan.contacts, events=plan.audit_events
        )

    @Slot()
    def apply(self) -> None:
        plan = self.plan
        if plan is None or plan.nothing_due:
            return
        consequences = [self._counts(plan)]
        if plan.erase:
            consequences.append(
                self.tr("Names, birth dates, contacts and every note of these cases are erased for good.")
            )
        if plan.delete:
            consequences.append(self.tr("The deleted cases disappear entirely, history included."))
        consequences.append(
            self.tr("Counts in reports stay the same. This cannot be undone, except by restoring a backup.")
        )
        answer = messages.ask(
            self,
            self.tr("Apply the retention policy"),
            self.tr("Apply the retention policy now? This is irreversible."),
            icon=messages.Icon.Warning,
            details="\n".join(consequences),
        )
        if answer != messages.Button.Yes:
            return
        workspace = self.workspace
        self.apply_button.setEnabled(False)
        operations.run(
            self,
            lambda: retention.apply_retention(workspace, plan),
            self._applied,
            busy_text=self.tr(
                "Applying the policy and compacting the database… This can take a few minutes."
            ),
        )

    def _applied(self, result: RetentionResult) -> None:
        self.result.setText(
            self.tr(
                "Done: {erased} cases erased, {deleted} deleted, {contacts} contact-only records reduced, "
                "{events} audit events removed. The database was compacted."
            ).format(
                erased=len(result.erased),
                deleted=len(result.deleted),
                contacts=result.contacts_reduced,
                events=result.audit_events_removed,
            )
        )
        self.refresh_due()

    def clear(self) -> None:
        self.plan = None
        self.due_list.clear()
        self.due_summary.clear()
        self.result.clear()
        self.saved.clear()
