"""A non-modal notice across the top of the session: a text, perhaps one action, and a dismiss button."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class Banner(QFrame):
    """She dismisses it when she has read it (✕); the action, if any, does what the banner asks."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        selectable: bool = False,
        action: QPushButton | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        if selectable:
            self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QToolButton()
        self.dismiss.setText("✕")
        self.dismiss.setAccessibleName(QCoreApplication.translate("Banner", "Dismiss"))
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.text, 1)
        if action is not None:  # between the text and ✕, so Tab meets it first
            layout.addWidget(action)
        layout.addWidget(self.dismiss)
