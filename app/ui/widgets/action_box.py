"""A titled box that explains one action and offers its button (admin tabs use several)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout


def action_box(title: str, explanation: str, button: QPushButton) -> QGroupBox:
    box = QGroupBox(title)
    text = QLabel(explanation)
    text.setWordWrap(True)
    layout = QVBoxLayout(box)
    layout.addWidget(text)
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
    return box


def page_layout(*boxes: QGroupBox) -> QVBoxLayout:
    """The admin tabs' common spacing; the owner calls setLayout or passes itself as parent."""
    layout = QVBoxLayout()
    layout.setContentsMargins(16, 16, 16, 16)
    layout.setSpacing(14)
    for box in boxes:
        layout.addWidget(box)
    layout.addStretch(1)
    return layout
