"""The Reports page's release row: what releasing the previewed period would add, then PDF, paper, a
signed package or a profile, each checked by the same release plan before any file or print dialog."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import exports, releases
from app.services.releases import ExportResult, ReleasePlan
from app.services.reports import ReportData
from app.services.workspace import Workspace
from app.ui.i18n import error_text
from app.ui.kit import files, messages, operations
from app.ui.kit.qt_compat import emit
from app.ui.kit.theme import monospace_font
from app.ui.pages import reports_print
from app.ui.pages.reports_profiles import ProfileExportDialog, plan_text


def file_stem(data: ReportData, kind: str) -> str:
    """A default file name in the language of the UI: `kind` arrives translated (Italian "report" stays, "package" becomes "pacchetto")."""
    return f"{kind}-{data.period.code.replace('..', '_')}"


class ReleaseActions(QWidget):
    """Emits `open_cases(codes)` when the data-quality check of a profile sends her to the cases it found."""

    open_cases = Signal(list)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.data: ReportData | None = None
        self.chosen_text = ""  # the folded choice ("2025, every help desk"), shown by the profile dialog
        self.profile_dialog: ProfileExportDialog | None = None
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.export_button = QPushButton(self.tr("E&xport package…"))
        self.profile_button = QPushButton(self.tr("For &ISTAT, Region, funder…"))
        self.profile_button.setToolTip(
            self.tr("The same figures laid out for ISTAT, Regione Lombardia or a funder (XLSX, CSV, JSON)")
        )
        self.profile_button.clicked.connect(self.export_profile)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_report)
        self.export_button.clicked.connect(self.export_package)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.summary, 1)
        for button in (self.save_button, self.print_button, self.export_button, self.profile_button):
            actions.addWidget(button)
        self.result = QLabel()
        self.result.setObjectName("hint")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setFont(monospace_font(12))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint of this centre's signing key"))
        self.fingerprint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addWidget(self.fingerprint)
        self.set_data(None)

    def set_data(self, data: ReportData | None, chosen_text: str = "") -> None:
        """The previewed data the buttons release, or None (nothing previewed, or the choice changed)."""
        self.data = data
        self.chosen_text = chosen_text
        for button in (self.save_button, self.print_button, self.export_button, self.profile_button):
            button.setEnabled(data is not None)
        if data is not None:
            self.summary.clear()
            self._plan()

    def starting(self) -> None:
        """A new preview is being computed: what the last release said no longer applies."""
        self.result.clear()
        self.fingerprint.hide()

    def clear(self) -> None:
        self.set_data(None)
        self.summary.clear()
        self.result.clear()
        self.fingerprint.clear()

    def _plan(self, then: Callable[[ReportData], None] | None = None) -> None:
        """Beside the buttons, what the period already has and what releasing it would add; `then` (a
        file or print dialog) only if it is not refused, so a refusal comes before any of them."""
        data = self.data
        if data is None:
            return
        workspace = self.workspace
        operations.run(
            self,
            lambda: releases.release_plan(workspace, data),
            lambda plan: self._planned(plan, data, then),
            busy=then is not None,
        )

    def _planned(
        self, plan: ReleasePlan, data: ReportData, then: Callable[[ReportData], None] | None = None
    ) -> None:
        if data is not self.data:
            return  # the choice changed meanwhile
        self.summary.setText(plan_text(plan))
        if then is None:
            return
        if plan.refusal is not None:
            messages.warn(self, error_text(plan.refusal))
            return
        then(data)

    @Slot()
    def save_pdf(self) -> None:
        self._plan(self._save_pdf)

    def _save_pdf(self, data: ReportData) -> None:
        path = files.save_file(
            self,
            self.tr("Save the report as PDF"),
            Path.home() / (file_stem(data, self.tr("report")) + ".pdf"),
            self.tr("PDF documents (*.pdf)"),
        )
        if path is None:
            return
        workspace = self.workspace
        operations.run(
            self,
            lambda: releases.write_report(workspace, data, path),
            lambda _none: self._released(self.tr("Report saved: {path}").format(path=path)),
            busy_text=self.tr("Writing the PDF…"),
        )

    @Slot()
    def print_report(self) -> None:
        self._plan(self._print)

    def _print(self, data: ReportData) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(file_stem(data, self.tr("report")))
        if not reports_print.exec_print_dialog(printer, self.window()):
            return
        workspace = self.workspace

        def record() -> None:  # the printout is a release like the PDF: checked and recorded the same way
            releases.write_report(workspace, data, io.BytesIO())

        def printed(_none: None) -> None:
            reports_print.print_document(releases.document(data), printer)
            self._released(self.tr("Report sent to the printer."))

        operations.run(self, record, printed, busy_text=self.tr("Preparing the printout…"))

    @Slot()
    def export_package(self) -> None:
        self._plan(self._export)

    def _export(self, data: ReportData) -> None:
        path = files.save_file(
            self,
            self.tr("Export the signed package"),
            Path.home() / (file_stem(data, self.tr("package")) + ".json"),
            self.tr("Signed packages (*.json)"),
        )
        if path is None:
            return
        workspace = self.workspace
        operations.run(
            self,
            lambda: releases.export(workspace, data, path),
            self._exported,
            busy_text=self.tr("Signing the package…"),
        )

    def _released(self, outcome: str) -> None:
        self.result.setText(outcome)
        self._plan()  # the period now has this release too

    def _exported(self, result: ExportResult) -> None:
        self._released(
            self.tr(
                "Package saved: {package}\nPreview of its contents: {preview}\nGive the network coordinator "
                "this fingerprint by phone or in person, so she can check the package really comes from you:"
            ).format(package=result.package_path, preview=result.preview_path)
        )
        self.fingerprint.setText(result.fingerprint)
        self.fingerprint.show()

    @Slot()
    def export_profile(self) -> None:
        """The dialog shows each profile's own release plan (by desk for a funder), refusals included,
        before any file dialog."""
        data = self.data
        if data is not None:
            operations.run(
                self, exports.available_profiles, lambda choices: self._open_profiles(data, choices)
            )

    def _open_profiles(self, data: ReportData, choices: list[tuple[str, str]]) -> None:
        dialog = ProfileExportDialog(self.workspace, data, self, chosen=self.chosen_text, choices=choices)
        dialog.open_cases.connect(lambda codes: emit(self.open_cases, codes))
        dialog.open()
        self.profile_dialog = dialog
