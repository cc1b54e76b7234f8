"""Reports (coordinatrice and amministratrice): period and help desks, a protected preview, then PDF,
paper or a signed package. What the preview shows is exactly what leaves: the same ReportData."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import accounts, exports, releases, reports
from app.services.accounts import HelpDeskInfo
from app.services.releases import ExportResult, ReleasePlan
from app.services.reports import ReportData
from app.services.workspace import Workspace
from app.ui.i18n import error_text, ui_language
from app.ui.kit import files, messages, operations
from app.ui.kit.dates import format_date
from app.ui.kit.first_show import read_on_first_show
from app.ui.kit.qt_compat import emit
from app.ui.kit.styles import PAGE_STYLE
from app.ui.kit.theme import monospace_font
from app.ui.pages import reports_print
from app.ui.pages.reports_period import DeskPicker, PeriodPicker
from app.ui.pages.reports_preview import ReportPreview
from app.ui.pages.reports_profiles import ProfileExportDialog, plan_text


def file_stem(data: ReportData, kind: str) -> str:
    """A default file name in the language of the UI: `kind` arrives translated (Italian "report" stays, "package" becomes "pacchetto")."""
    return f"{kind}-{data.period.code.replace('..', '_')}"


class ReportsPage(QWidget):
    """Emits `open_cases(codes)` when the data-quality check sends her to the cases it found."""

    open_cases = Signal(list)

    def __init__(
        self, workspace: Workspace, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setStyleSheet(PAGE_STYLE)
        self.workspace = workspace
        self.data: ReportData | None = None
        self.profile_dialog: ProfileExportDialog | None = None
        read_on_first_show(
            self, lambda: accounts.list_help_desks(workspace, include_inactive=True), self._desks_loaded
        )
        heading = QLabel(self.tr("Reports"))
        heading.setObjectName("title")
        intro = QLabel(
            self.tr(
                "Indicators for a period and help desks, protected by disclosure control. Preview first: "
                "the PDF, the printout and the signed package carry exactly what the preview shows."
            )
        )
        intro.setObjectName("subtitle")
        intro.setWordWrap(True)
        self.intro = intro
        self.period = PeriodPicker(today)
        self.desks = DeskPicker()
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setObjectName("primary")
        self.preview_button.clicked.connect(self.preview)
        controls = QFrame()
        controls.setObjectName("card")
        form = QFormLayout()
        form.setVerticalSpacing(10)
        period_label = QLabel(self.tr("P&eriod:"))
        period_label.setBuddy(self.period.kind)
        form.addRow(period_label, self.period)
        button_row = QHBoxLayout()
        button_row.addWidget(self.preview_button)
        button_row.addStretch(1)
        form.addRow("", button_row)
        desks_column = QVBoxLayout()
        desks_column.setSpacing(4)
        desks_label = QLabel(self.tr("Help &desks:"))
        desks_label.setBuddy(self.desks.all)
        desks_column.addWidget(desks_label)
        desks_column.addWidget(self.desks)
        card_row = QHBoxLayout(controls)
        card_row.setContentsMargins(16, 12, 16, 12)
        card_row.setSpacing(24)
        card_row.addLayout(form, 3)
        card_row.addLayout(desks_column, 2)
        self.controls = controls
        # Once a preview is shown, the picker folds into one line, so the tables get the height.
        self.chosen = QLabel()
        self.chosen.setObjectName("summary")
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.change_button = QPushButton(self.tr("C&hange period or help desks"))
        self.change_button.clicked.connect(self.change_choice)
        self.chosen_detail = QLabel()  # what the preview holds (hidden values, the method), full width
        self.chosen_detail.setObjectName("hint")
        self.chosen_detail.setWordWrap(True)
        self.chosen_bar = QFrame()
        self.chosen_bar.setObjectName("card")
        chosen_text = QVBoxLayout()
        chosen_text.setSpacing(2)
        chosen_text.addWidget(self.chosen)
        chosen_text.addWidget(self.chosen_detail)
        chosen_row = QHBoxLayout(self.chosen_bar)
        chosen_row.setContentsMargins(16, 8, 16, 8)
        chosen_row.addLayout(chosen_text, 1)
        chosen_row.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignTop)
        self.chosen_bar.hide()
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
        self.preview_area = ReportPreview()
        self.preview_area.show_hint(self.tr("Choose a period and help desks, then press Preview."))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(controls)
        layout.addWidget(self.chosen_bar)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.preview_area, 1)
        self._set_actions(False)
        for signal in (
            self.period.kind.currentIndexChanged,
            self.period.year.valueChanged,
            self.period.number.currentIndexChanged,
            self.period.start.dateChanged,
            self.period.end.dateChanged,
            self.desks.list.itemChanged,
        ):
            signal.connect(self._stale)
        for field in (
            self.period.kind,
            self.period.year,
            self.period.number,
            self.period.start,
            self.period.end,
        ):
            field.installEventFilter(self)  # Enter in the period previews, as in a dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not (isinstance(watched, QComboBox) and watched.view().isVisible())
        ):
            self.preview_button.click()
            return True
        return super().eventFilter(watched, event)

    def _desks_loaded(self, desks: list[HelpDeskInfo]) -> None:
        self.desks.set_desks(desks)

    def _set_actions(self, enabled: bool) -> None:
        for button in (self.save_button, self.print_button, self.export_button, self.profile_button):
            button.setEnabled(enabled)

    @Slot()
    def _stale(self) -> None:
        if self.data is not None:
            self.data = None
            self._set_actions(False)
            self.summary.setText(self.tr("The choice changed: press Preview again."))

    # --- preview -----------------------------------------------------------------------------------------
    @Slot()
    def preview(self) -> None:
        period = self.period.period()
        desk_ids = self.desks.desk_ids()
        if period is None:
            self.summary.setText(self.tr("The custom range ends before it starts."))
            return
        if desk_ids == []:
            self.summary.setText(self.tr("Choose at least one help desk."))
            return
        self.result.clear()
        self.fingerprint.hide()
        workspace, lang = self.workspace, ui_language()
        self.preview_button.setEnabled(False)
        operations.run(
            self,
            lambda: reports.prepare(workspace, period, desk_ids, lang),
            self._prepared,
            on_finished=lambda: self.preview_button.setEnabled(True),
            busy_text=self.tr("Computing the indicators…"),
        )

    @Slot()
    def change_choice(self) -> None:
        self.summary.setText(self.chosen_detail.text())
        self.chosen_bar.hide()
        self.controls.show()
        self.period.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def _prepared(self, data: ReportData) -> None:
        self.data = data
        self.intro.hide()  # room for the tables; the summary line says what they are
        focus_was_inside = self.controls.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        self.chosen.setText(
            self.tr("{period}, {desks}").format(
                period=data.period.label(data.lang), desks=self.desks.chosen_text()
            )
        )
        self.controls.hide()
        self.chosen_bar.show()
        if focus_was_inside:
            self.change_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.preview_area.show_data(data)
        if data.release is None:
            summary = self.tr(
                "{period}: {hidden} values below {k} or not published. Every number is changed by a few "
                "units at most, always the same way, so that no release can be subtracted from another."
            ).format(period=data.period.label(data.lang), hidden=data.hidden, k=data.rule["threshold"])
        elif data.release.changed_since:
            summary = self.tr(
                "{period} was released on {day}: these are the figures as released. The data changed "
                "since; the changes will count from the next period on."
            ).format(period=data.period.label(data.lang), day=format_date(data.release.released_at.date()))
        else:
            summary = self.tr("{period} was released on {day}: these are the figures as released.").format(
                period=data.period.label(data.lang), day=format_date(data.release.released_at.date())
            )
        if data.data_as_of is not None:  # partial figures must not pass for the whole period
            summary = (
                self.tr("The period has not ended yet: data as of {day}.").format(
                    day=format_date(data.data_as_of)
                )
                + "\n"
                + summary
            )
        if data.fewer_tables:  # a coordinator must not look for the profile tables of a desk
            summary += "\n" + self.tr(
                "A single help desk is published with fewer tables (women, services and hours): its profile "
                "tables, next to the whole centre's, could tell which category a woman alone at her desk is in."
            )
        installations = self._installations_text(data)
        if installations:
            summary += "\n" + installations
        self.chosen_detail.setText(summary)
        self.summary.clear()
        self._set_actions(True)
        self._plan()

    def _installations_text(self, data: ReportData) -> str:
        """At a centre of several PCs: which installations the figures include, and which they lack."""
        held = data.consolidation
        if held is None:
            return ""
        lines = []
        if held.final:
            lines.append(
                self.tr(
                    "The desk PCs' figures of this period are final and erased: only its releases "
                    "already made can be served."
                )
            )
        lines.append(
            self.tr("Figures of this PC and of: {names}.").format(names=", ".join(held.included))
            if held.included
            else self.tr("Figures of this PC only.")
        )
        if held.without:
            lines.append(self.tr("Released without: {names}.").format(names=", ".join(held.without)))
        if held.missing:
            lines.append(
                self.tr(
                    "Missing: {names} (not sent yet; it can be released without them in Administration)."
                ).format(names=", ".join(held.missing))
            )
        return " ".join(lines)

    # --- releasing -----------------------------------------------------------------------------------------
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
        dialog = ProfileExportDialog(self.workspace, data, self, chosen=self.chosen.text(), choices=choices)
        dialog.open_cases.connect(lambda codes: emit(self.open_cases, codes))
        dialog.open()
        self.profile_dialog = dialog

    def clear(self) -> None:
        self.data = None
        self.preview_area.clear()
        self.summary.clear()
        self.result.clear()
        self.fingerprint.clear()
