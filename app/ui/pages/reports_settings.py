"""Administration: the disclosure-control threshold k (at least 3, default 5), beside the other settings."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from app.services import reports
from app.services.workspace import Workspace
from app.ui.kit import operations


class DisclosureBox(QGroupBox):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reports: disclosure control"), parent)
        self.workspace = workspace
        self._loaded = False
        self.threshold = QSpinBox()
        self.threshold.setRange(3, 50)
        self.threshold.setValue(5)
        self.threshold.setSuffix(self.tr(" women"))
        self.threshold.setMaximumWidth(140)
        self.threshold.setAccessibleName(self.tr("Minimum number of women behind a published value"))
        self.save_button = QPushButton(self.tr("Save &threshold"))
        self.save_button.clicked.connect(self.save)
        self.saved = QLabel()
        self.saved.setObjectName("hint")
        note = QLabel(
            self.tr(
                "A count in a report is published only if, after the small change that protects the women, "
                "it reaches this number; hours and services only if this many women stand behind them. The "
                "law allows no less than 3; 5 is recommended. It applies to every later release of the centre."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Minimum &frequency:"), self.threshold)
        form.addRow("", note)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved)
        row.addStretch(1)
        form.addRow("", row)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._loaded:
            self._loaded = True
            workspace = self.workspace
            operations.run(self, lambda: reports.disclosure_threshold(workspace), self.threshold.setValue)
        super().showEvent(event)

    @Slot()
    def save(self) -> None:
        workspace, k = self.workspace, self.threshold.value()
        self.saved.clear()
        operations.run(
            self,
            lambda: reports.set_disclosure_threshold(workspace, k),
            lambda _none: self.saved.setText(self.tr("Saved.")),
        )

    def clear(self) -> None:
        self.saved.clear()
