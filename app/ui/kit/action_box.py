"""A titled box that explains one action and offers its button (admin tabs use several)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


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


def scroll_in_place(owner: QWidget, content: QLayout) -> QLayout:
    """Give `owner` (a tab) the `content` layout inside its own frameless scroll area.

    A tall tab then scrolls on its own at 768 px instead of making the whole page scroll around the
    tab bar (two scroll bars side by side). Returns `content`, for callers that add to it later.
    """
    body = QWidget()
    body.setLayout(content)
    scroll = QScrollArea()
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return content
