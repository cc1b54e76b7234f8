"""Administration: when "Oggi" calls a case quiet (weeks without a record) and a pathway due for review."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from app.services import today
from app.services.today import TodaySettings
from app.services.workspace import Workspace
from app.ui.kit import operations


class TodaySettingsBox(QGroupBox):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Today page"), parent)
        self.workspace = workspace
        self._loaded = False
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 52)
        self.weeks.setValue(TodaySettings().inactive_weeks)
        self.weeks.setSuffix(self.tr(" weeks"))
        self.weeks.setMaximumWidth(140)
        self.weeks.setAccessibleName(self.tr("Weeks without a service or contact before a case is listed"))
        self.months = QSpinBox()
        self.months.setRange(1, 24)
        self.months.setValue(TodaySettings().review_months)
        self.months.setSuffix(self.tr(" months"))
        self.months.setMaximumWidth(140)
        self.months.setAccessibleName(self.tr("Months between two reviews of a pathway"))
        self.save_button = QPushButton(self.tr("Save the Today settin&gs"))
        self.save_button.clicked.connect(self.save)
        self.saved = QLabel()
        self.saved.setObjectName("hint")
        form = QFormLayout(self)
        form.addRow(self.tr("Weeks &without contact:"), self.weeks)
        form.addRow(self.tr("Review pathways e&very:"), self.months)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved)
        row.addStretch(1)
        form.addRow("", row)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._loaded:
            self._loaded = True
            workspace = self.workspace
            operations.run(self, lambda: today.get_settings(workspace), self._show)
        super().showEvent(event)

    def _show(self, settings: TodaySettings) -> None:
        self.weeks.setValue(settings.inactive_weeks)
        self.months.setValue(settings.review_months)

    @Slot()
    def save(self) -> None:
        workspace, value = self.workspace, TodaySettings(self.weeks.value(), self.months.value())
        self.saved.clear()
        operations.run(
            self,
            lambda: today.set_settings(workspace, value),
            lambda _none: self.saved.setText(self.tr("Saved.")),
        )

    def clear(self) -> None:
        self.saved.clear()
