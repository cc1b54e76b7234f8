"""The results of a search in the notes: one row per case, where the words were found and a snippet.

The snippet's matching words are drawn in bold by `SnippetDelegate` (rich text built here from the
service's plain pieces, each escaped). A result that arrives after a newer search was started is dropped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.services import cases
from app.services.cases import NoteHit, NotePage
from app.services.workspace import Workspace
from app.ui.kit import operations
from app.ui.kit.qt_compat import emit
from app.ui.models.codes import date_text

Index = QModelIndex | QPersistentModelIndex

CODE, NAME, DESK, FOUND, SNIPPET = range(5)
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 1
TABS = {
    "intake": "interviews",
    "risk": "risk",
    "pathway": "pathway",
    "goal": "pathway",
    "review": "pathway",
    "service": "services",
    "referral": "referrals",
    "identity": "profile",
    "safe_contact": "profile",
}
"""The case file's tab that shows each kind of note (app/ui/casefile/view.py)."""


def field_label(field: str) -> str:
    labels = {
        "intake": QCoreApplication.translate("NoteList", "Interview notes"),
        "risk": QCoreApplication.translate("NoteList", "Risk assessment notes"),
        "pathway": QCoreApplication.translate("NoteList", "Pathway notes"),
        "goal": QCoreApplication.translate("NoteList", "Pathway goal"),
        "review": QCoreApplication.translate("NoteList", "Review notes"),
        "service": QCoreApplication.translate("NoteList", "Service notes"),
        "referral": QCoreApplication.translate("NoteList", "Referral notes"),
        "identity": QCoreApplication.translate("NoteList", "Profile notes"),
        "safe_contact": QCoreApplication.translate("NoteList", "Safe contact notes"),
    }
    return labels.get(field, field)


@dataclass(frozen=True)
class NoteQuery:
    text: str = ""
    statuses: tuple[str, ...] | None = cases.OPEN_STATUSES
    help_desk_id: int | None = None


class NoteListModel(QAbstractTableModel):
    """Emits `loaded(page)` after each search."""

    loaded = Signal(object)

    def __init__(self, workspace: Workspace, owner: QWidget) -> None:
        super().__init__(owner)
        self.workspace = workspace
        self.owner = owner
        self.query = NoteQuery()
        self.rows: list[NoteHit] = []
        self.more = False
        self._latest = operations.Latest(owner)

    def set_query(self, query: NoteQuery) -> None:
        self.query = query
        self._latest.start()
        ws = self.workspace
        self._latest.run(
            lambda: cases.search_notes(
                ws, query.text, statuses=query.statuses, help_desk_id=query.help_desk_id
            ),
            self._arrived,
        )

    def _arrived(self, page: NotePage) -> None:
        self.beginResetModel()
        self.rows = list(page.items)
        self.more = page.more
        self.endResetModel()
        emit(self.loaded, page)

    def clear(self) -> None:
        self._latest.cancel()
        self.beginResetModel()
        self.rows = []
        self.more = False
        self.endResetModel()

    def hit_at(self, row: int) -> NoteHit | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        hit = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CODE:
                return hit.code
            if column == NAME:
                return hit.display_name
            if column == DESK:
                return hit.help_desk_name
            if column == FOUND:
                found = field_label(hit.field)
                return f"{found}, {date_text(hit.date)}" if hit.date else found
            return "".join(text for text, _ in hit.snippet)
        if role == SNIPPET_ROLE and column == SNIPPET:
            return "".join(
                f"<b>{html.escape(text)}</b>" if bold else html.escape(text) for text, bold in hit.snippet
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == SNIPPET:
            return "".join(text for text, _ in hit.snippet)
        if role == Qt.ItemDataRole.ToolTipRole and column == FOUND and hit.notes > 1:
            return QCoreApplication.translate("NoteList", "%n of her notes match", "", hit.notes)
        if role == Qt.ItemDataRole.UserRole:
            return hit.case_id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            QCoreApplication.translate("NoteList", "Code"),
            QCoreApplication.translate("NoteList", "Name"),
            QCoreApplication.translate("NoteList", "Help desk"),
            QCoreApplication.translate("NoteList", "Found in"),
            QCoreApplication.translate("NoteList", "Words found"),
        ][section]


class SnippetDelegate(QStyledItemDelegate):
    """Draws the snippet as rich text (its matching words in bold) on one line, elided by the cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        markup = index.data(SNIPPET_ROLE)
        if not markup:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(markup)
        rect = option.rect
        context = QAbstractTextDocumentLayout.PaintContext()  # the row's text colour, selected or not
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))
        painter.save()
        top = rect.top() + max(0, (rect.height() - document.size().height()) / 2)
        painter.translate(rect.left() + 4, top)
        painter.setClipRect(QRectF(0, 0, rect.width() - 8, rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()
