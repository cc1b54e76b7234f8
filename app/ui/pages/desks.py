"""Administration: the help desks (sportelli) of the centre."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.services import accounts
from app.services.accounts import HelpDeskInfo
from app.services.workspace import Workspace
from app.ui.dialogs.operator import AddHelpDeskDialog
from app.ui.kit import operations
from app.ui.kit.qt_compat import emit


class HelpDesksTab(QWidget):
    """Emits `changed` after a help desk was added."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.dialog: AddHelpDeskDialog | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Help desks"))
        self.list.setObjectName("desks")
        self.add_button = QPushButton(self.tr("&Add help desk…"))
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_desk)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(buttons)
        layout.addWidget(self.list)

    def refresh(self) -> None:
        workspace = self.workspace
        operations.run(self, lambda: accounts.list_help_desks(workspace, include_inactive=True), self._loaded)

    def _loaded(self, desks: list[HelpDeskInfo]) -> None:
        self.list.clear()
        for desk in desks:
            text = f"{desk.name} — {desk.town}" if desk.town else desk.name
            if not desk.active:
                text = self.tr("{desk} (closed)").format(desk=text)
            self.list.addItem(text)

    @Slot()
    def add_desk(self) -> None:
        dialog = AddHelpDeskDialog(self.workspace, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.added.connect(self._added)
        self.dialog = dialog
        dialog.open()

    def _added(self, _desk: HelpDeskInfo) -> None:
        self.refresh()
        emit(self.changed)

    def clear(self) -> None:
        self.list.clear()
