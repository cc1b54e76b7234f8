"""Administration: the disclosure-control threshold k (at least 3, default 5), beside the other settings."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QSpinBox, QWidget

from app.services import reports
from app.services.workspace import Workspace
from app.ui.kit.first_show import read_on_first_show
from app.ui.kit.settings_section import SettingsSection


class DisclosureBox(SettingsSection):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Reports: disclosure control"), self.tr("Save &threshold"), self.save, parent
        )
        self.workspace = workspace
        self.threshold = QSpinBox()
        self.threshold.setRange(3, 50)
        self.threshold.setValue(5)
        self.threshold.setSuffix(self.tr(" women"))
        self.threshold.setMaximumWidth(140)
        self.threshold.setAccessibleName(self.tr("Minimum number of women behind a published value"))
        self.form.addRow(self.tr("Minimum &frequency:"), self.threshold)
        self.add_note(
            self.tr(
                "A count in a report is published only if, after the small change that protects the women, "
                "it reaches this number; hours and services only if this many women stand behind them. The "
                "SISTAN ethics rules for statistics (art. 5, Official Journal of 14/01/2019) allow no less than "
                "3; 5 is recommended. It applies to every later release of the centre."
            )
        )
        self.add_save_row()
        read_on_first_show(self, lambda: reports.disclosure_threshold(workspace), self.threshold.setValue)

    @Slot()
    def save(self) -> None:
        workspace, k = self.workspace, self.threshold.value()
        self.save_through(lambda: reports.set_disclosure_threshold(workspace, k))
