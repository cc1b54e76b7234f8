"""Columns side by side when the window is wide enough, one under the other when it is not.

A two-column form needs about 980 px; at 1280x720 with 125% scaling the page has about 800. Rather than
scroll sideways, the columns stack (and the page scrolls down, which a form does anyway).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget


class ReflowColumns(QWidget):
    """Its minimum width is that of its widest column, so a layout never forces the side-by-side width."""

    def __init__(self, *columns: QWidget, spacing: int = 16, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setSpacing(spacing)
        for column in columns:
            self.box.addWidget(column, 1)

    def side_by_side_width(self) -> int:
        margins = self.box.contentsMargins()
        widths = sum(column.minimumSizeHint().width() for column in self.columns)
        return widths + self.box.spacing() * (len(self.columns) - 1) + margins.left() + margins.right()

    def minimumSizeHint(self) -> QSize:
        margins = self.box.contentsMargins()
        width = max(column.minimumSizeHint().width() for column in self.columns)
        if self.is_side_by_side():
            height = super().minimumSizeHint().height()
        else:
            height = sum(column.minimumSizeHint().height() for column in self.columns)
            height += self.box.spacing() * (len(self.columns) - 1) + margins.top() + margins.bottom()
        return QSize(width + margins.left() + margins.right(), height)

    def is_side_by_side(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= self.side_by_side_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
            self.updateGeometry()
        super().resizeEvent(event)
