"""Reports (coordinatrice and amministratrice): period and help desks, a protected preview, then PDF,
paper or a signed package. What the preview shows is exactly what leaves: the same ReportData."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
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

from app.services import accounts, reports
from app.services.accounts import HelpDeskInfo
from app.services.reports import ReportData
from app.services.workspace import Workspace
from app.ui.i18n import ui_language
from app.ui.kit import operations
from app.ui.kit.dates import format_date
from app.ui.kit.first_show import read_on_first_show
from app.ui.kit.qt_compat import emit
from app.ui.kit.styles import PAGE_STYLE
from app.ui.pages.reports_period import DeskPicker, PeriodPicker
from app.ui.pages.reports_preview import ReportPreview
from app.ui.pages.reports_release import ReleaseActions


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
        self.release = ReleaseActions(workspace)
        self.release.open_cases.connect(lambda codes: emit(self.open_cases, codes))
        self.preview_area = ReportPreview()
        self.preview_area.show_hint(self.tr("Choose a period and help desks, then press Preview."))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(controls)
        layout.addWidget(self.chosen_bar)
        layout.addWidget(self.release)
        layout.addWidget(self.preview_area, 1)
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

    @Slot()
    def _stale(self) -> None:
        if self.data is not None:
            self.data = None
            self.release.set_data(None)
            self.release.summary.setText(self.tr("The choice changed: press Preview again."))

    # --- preview -----------------------------------------------------------------------------------------
    @Slot()
    def preview(self) -> None:
        period = self.period.period()
        desk_ids = self.desks.desk_ids()
        if period is None:
            self.release.summary.setText(self.tr("The custom range ends before it starts."))
            return
        if desk_ids == []:
            self.release.summary.setText(self.tr("Choose at least one help desk."))
            return
        self.release.starting()
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
        self.release.summary.setText(self.chosen_detail.text())
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
        self.release.set_data(data, self.chosen.text())

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

    def clear(self) -> None:
        self.data = None
        self.preview_area.clear()
        self.release.clear()
