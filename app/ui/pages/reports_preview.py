"""The scrolling preview of a prepared report: one table widget per indicator, grouped like the PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.services import releases
from app.services.reports import ReportData
from app.ui.kit.table_preview import TablePreview


class ReportPreview(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.tables: list[TablePreview] = []
        self._empty()

    def _empty(self) -> None:
        content = QWidget()
        content.setObjectName("previewContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 12, 4)
        layout.setSpacing(6)
        self.setWidget(content)
        self.content_layout = layout

    def clear(self) -> None:
        self.tables = []
        self._empty()
        self.content_layout.addStretch(1)

    def show_hint(self, text: str) -> None:
        self.clear()
        hint = QLabel(text)
        hint.setObjectName("subtitle")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content_layout.insertWidget(0, hint)

    def show_data(self, data: ReportData) -> None:
        self.tables = []
        self._empty()
        doc = releases.document(data)
        k = doc.threshold
        for section in doc.sections:
            heading = QLabel(section.title)
            heading.setObjectName("sectionTitle")
            self.content_layout.addWidget(heading)
            for table in section.tables:
                title = QLabel(table.title)
                title.setObjectName("tableTitle")
                title.setWordWrap(True)
                widget = TablePreview(table, k, data.lang)
                title.setBuddy(widget)
                self.content_layout.addWidget(title)
                self.content_layout.addWidget(widget)
                self.tables.append(widget)
        self.content_layout.addStretch(1)
