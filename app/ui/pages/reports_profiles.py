"""Export for ISTAT, the Region or a funder: choose a profile and a format, look at the data quality,
acknowledge it, then write the file. The file is a release like the PDF and the signed package (the same
protected values, frozen), so the Reports page's preview is what it carries, laid out by the profile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import exports
from app.services.exports import ProfileExportResult, QualityReport
from app.services.releases import ReleasePlan
from app.services.reports import ReportData
from app.services.workspace import Workspace
from app.ui.i18n import error_text, ui_language
from app.ui.kit import files, messages, operations
from app.ui.kit.qt_compat import emit
from app.ui.kit.submit_keys import submit_on_ctrl_enter

FORMATS = (("xlsx", "Excel (XLSX)"), ("csv", "CSV (Excel, ;)"), ("json", "JSON"))


def plan_text(plan: ReleasePlan) -> str:
    """What the period already has and what a release adds, or its refusal, in the interface's language."""
    said = [plan.text(ui_language()), error_text(plan.refusal) if plan.refusal else ""]
    return "\n".join(line for line in said if line)


class ProfileExportDialog(QDialog):
    """Emits `open_cases(codes)` when she asks to work through the cases the check found."""

    open_cases = Signal(list)

    def __init__(
        self,
        workspace: Workspace,
        data: ReportData,
        parent: QWidget | None = None,
        chosen: str = "",
        choices: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export for ISTAT, the Region or a funder"))
        self.workspace = workspace
        self.data = data
        self.report: QualityReport | None = None
        self.profile = QComboBox()
        self.profile.setAccessibleName(self.tr("Export profile"))
        # (id, title) of each profile: read off the GUI thread by the caller (checking the files runs the
        # indicators once over an empty schema, most of a second the first time)
        for name, title in exports.available_profiles() if choices is None else choices:
            self.profile.addItem(title, name)
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("File format"))
        long = self.tr("one row per value, for statistical software")
        for code, text in FORMATS:
            self.format.addItem(text, code)
            # the long layout ("xlsx long"): the same values for pandas, R or a pivot table
            if code != "json":
                self.format.addItem(f"{text.split(' (')[0]}: {long}", f"{code} long")
        form = QFormLayout()
        profile_label = QLabel(self.tr("&Profile:"))
        profile_label.setBuddy(self.profile)
        format_label = QLabel(self.tr("&Format:"))
        format_label.setBuddy(self.format)
        form.addRow(profile_label, self.profile)
        form.addRow(format_label, self.format)
        self.plan = QLabel()  # what the period already has and what this profile's release adds
        self.plan.setObjectName("hint")
        self.plan.setWordWrap(True)
        heading = QLabel(self.tr("Data quality"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.quality_hint = QLabel(
            self.tr(
                "Before the release, check the share of answers not available for each variable of the "
                "profile, and the cases with impossible or suspicious combinations."
            )
        )
        self.quality_hint.setWordWrap(True)
        self.check_button = QPushButton(self.tr("&Check data quality"))
        self.check_button.clicked.connect(self.check)
        self.rates = QTableWidget(0, 2)
        self.rates.setAccessibleName(self.tr("Answers not available, by variable"))
        self.rates.setHorizontalHeaderLabels([self.tr("Variable"), self.tr("Not available or missing")])
        self.rates.verticalHeader().hide()
        self.rates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rates.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.rates.setMinimumHeight(160)
        self.findings = QLabel()
        self.findings.setWordWrap(True)
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("&Open these cases"))
        self.open_button.clicked.connect(self._open_cases)
        self.acknowledge = QCheckBox(self.tr("I have seen the data-quality check: &release anyway"))
        self.acknowledge.toggled.connect(self._update)
        for widget in (self.rates, self.findings, self.open_button, self.acknowledge):
            widget.hide()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("E&xport…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.export)
        submit_on_ctrl_enter(self, self.export_button)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        chosen_label = QLabel(chosen or data.period.label(data.lang))  # e.g. "anno 2025, tutti gli sportelli"
        chosen_label.setObjectName("summary")
        chosen_label.setWordWrap(True)
        layout.addWidget(chosen_label)
        layout.addLayout(form)
        layout.addWidget(self.plan)
        layout.addWidget(heading)
        layout.addWidget(self.quality_hint)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.rates, 4)  # once shown, the rates take the room the dialog has
        layout.addWidget(self.findings)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.acknowledge)
        layout.addWidget(self.outcome)
        layout.addStretch(1)  # what appears after the check grows downwards; nothing floats in between
        layout.addWidget(self.buttons)
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.resize(640, 560)
        self._update()
        self._plan()

    def _profile_name(self) -> str:
        return str(self.profile.currentData())

    @Slot()
    def _profile_changed(self) -> None:
        self.report = None  # the variables differ: check again
        for widget in (self.rates, self.findings, self.open_button, self.acknowledge):
            widget.hide()
        self.acknowledge.setChecked(False)
        self._update()
        self._plan()

    def _plan(self, then: Callable[[], None] | None = None) -> None:
        """Show the chosen profile's release plan; `then` (the file dialog) only if it is not refused."""
        workspace, data, name = self.workspace, self.data, self._profile_name()
        self.plan.setText(self.tr("Checking what this period already has…"))

        def run() -> ReleasePlan:
            profile = exports.load_profile(name)
            return exports.release_plan(workspace, profile, data.period, data.desk_ids, data.lang)

        def planned(plan: ReleasePlan) -> None:
            if name != self._profile_name():
                return  # another profile was chosen meanwhile: its own plan follows
            self.plan.setText(plan_text(plan))
            if then is not None:
                if plan.refusal is not None:
                    messages.warn(self, error_text(plan.refusal))
                else:
                    then()

        operations.run(self, run, planned, busy=then is not None)

    @Slot()
    def _update(self) -> None:
        """Export once the check has run, and, if it found something, once she acknowledged it."""
        ready = self.report is not None and (self.report.clean or self.acknowledge.isChecked())
        self.export_button.setEnabled(ready)

    # --- quality -------------------------------------------------------------------------------------------
    @Slot()
    def check(self) -> None:
        workspace, data, name = self.workspace, self.data, self._profile_name()
        period, desks = data.period, list(data.desk_ids)

        def run() -> QualityReport:
            return exports.quality(workspace, exports.load_profile(name), period, desks)

        operations.run(self, run, self._checked, busy_text=self.tr("Checking the data…"))

    def _checked(self, report: QualityReport) -> None:
        self.report = report
        self.rates.setRowCount(len(report.rates))
        for row, rate in enumerate(report.rates):
            if rate.percent is not None:
                share = f"{rate.percent}%"
            elif rate.below_percent is not None:
                share = self.tr("under {percent}%").format(percent=rate.below_percent)
            else:
                share = "—"
            self.rates.setItem(row, 0, QTableWidgetItem(rate.title))
            self.rates.setItem(row, 1, QTableWidgetItem(share))
        self.rates.setVisible(bool(report.rates))  # a profile of services only has no such variable
        if report.clean:
            self.findings.setText(self.tr("No impossible or suspicious combination found."))
        else:
            lines = [
                self.tr("{check}: %n case(s): {codes}", "", len(f.case_codes)).format(
                    check=self._check_title(f.check),
                    codes=", ".join(f.case_codes[:20]) + (" …" if len(f.case_codes) > 20 else ""),
                )
                for f in report.findings
            ]
            self.findings.setText("\n".join(lines))
        self.findings.show()
        self.open_button.setVisible(not report.clean)
        self.acknowledge.setVisible(not report.clean)
        self.acknowledge.setChecked(False)
        self._update()

    def _check_title(self, check: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Quality", exports.CHECKS[check])

    @Slot()
    def _open_cases(self) -> None:
        if self.report is not None and self.report.case_codes:
            emit(self.open_cases, self.report.case_codes)
            self.accept()

    # --- export --------------------------------------------------------------------------------------------
    @Slot()
    def export(self) -> None:
        """The plan first: a refusal comes before the file dialog."""
        self._plan(self._export)

    def _export(self) -> None:
        fmt, _, layout = str(self.format.currentData()).partition(" ")
        name = self._profile_name()
        suggested = Path.home() / f"{name}-{self.data.period.code.replace('..', '_')}.{fmt}"
        path = files.save_file(self, self.tr("Export the profile"), suggested, f"{fmt.upper()} (*.{fmt})")
        if path is None:
            return
        workspace, data = self.workspace, self.data
        acknowledged = None if self.report is None or self.report.clean else self.acknowledge.isChecked()

        def run() -> ProfileExportResult:
            profile = exports.load_profile(name)
            return exports.export_profile(
                workspace, profile, data.period, data.desk_ids, fmt, path, data.lang, acknowledged,
                layout=layout or "printed",
            )  # fmt: skip

        operations.run(self, run, self._exported, busy_text=self.tr("Writing the export…"))

    def _exported(self, result: ProfileExportResult) -> None:
        self._plan()  # the period now has this release too
        self.outcome.setText(
            self.tr("Saved: {path}\nPreview of exactly the same values: {preview}").format(
                path=result.path, preview=result.preview_path
            )
        )
