"""Administration: when "Oggi" calls a case quiet (weeks without a record), and the interval between two
reviews of a pathway offered when one is agreed or reviewed (shorter at high risk if the centre wants)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QSpinBox, QWidget

from app.services import today
from app.services.today import TodaySettings
from app.services.workspace import Workspace
from app.ui.kit.first_show import read_on_first_show
from app.ui.kit.settings_section import SettingsSection


class TodaySettingsBox(SettingsSection):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Today page"), self.tr("Save the Today settin&gs"), self.save, parent)
        self.workspace = workspace
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
        self.high_risk = QSpinBox()
        self.high_risk.setRange(0, 52)
        self.high_risk.setSpecialValueText(self.tr("same interval"))
        self.high_risk.setSuffix(self.tr(" weeks"))
        self.high_risk.setMaximumWidth(140)
        self.high_risk.setAccessibleName(self.tr("Weeks between two reviews when her latest risk is high"))
        self.form.addRow(self.tr("Weeks &without contact:"), self.weeks)
        self.form.addRow(self.tr("Review pathways e&very:"), self.months)
        self.form.addRow(self.tr("At high risk, review ever&y:"), self.high_risk)
        self.add_save_row()
        read_on_first_show(self, lambda: today.get_settings(workspace), self._show)

    def _show(self, settings: TodaySettings) -> None:
        self.weeks.setValue(settings.inactive_weeks)
        self.months.setValue(settings.review_months)
        self.high_risk.setValue(settings.high_risk_weeks)

    @Slot()
    def save(self) -> None:
        workspace = self.workspace
        value = TodaySettings(self.weeks.value(), self.months.value(), self.high_risk.value())
        self.save_through(lambda: today.set_settings(workspace, value))
