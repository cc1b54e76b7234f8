"""The frame around the embedded intake wizard: a page heading and where she is in the steps."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui.intake.consent_page import CONSENT, CONTACT, IDENTITY, INTERVIEW, PROFILE, RISK, SUMMARY
from app.ui.intake.wizard import IntakeWizard

STEPS = (CONSENT, IDENTITY, PROFILE, INTERVIEW, RISK, SUMMARY)


class IntakePanel(QWidget):
    def __init__(self, wizard: IntakeWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wizard = wizard
        heading = QLabel(self.tr("New case"))
        heading.setObjectName("title")
        self.step = QLabel()
        self.step.setObjectName("subtitle")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.step)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(wizard, 1)
        wizard.currentIdChanged.connect(self._step)

    @Slot(int)
    def _step(self, page_id: int) -> None:
        if page_id == CONTACT:
            self.step.setText(self.tr("Anonymous contact only"))
        elif page_id in STEPS:
            self.step.setText(
                self.tr("Step {n} of {total}").format(n=STEPS.index(page_id) + 1, total=len(STEPS))
            )

    def clear(self) -> None:
        self.wizard.clear()
        self.step.clear()
