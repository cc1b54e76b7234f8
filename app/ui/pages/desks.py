"""Administration: the help desks (sportelli) of the centre; add, rename, close, reopen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import accounts, desks
from app.services.accounts import HelpDeskInfo
from app.services.workspace import Workspace
from app.ui.dialogs.operator import AddHelpDeskDialog
from app.ui.kit import messages, operations
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.qt_compat import emit


class RenameHelpDeskDialog(FormDialog):
    """Emits `renamed(HelpDeskInfo)`. Releases already made keep the name they were released under."""

    renamed = Signal(object)

    def __init__(self, workspace: Workspace, desk: HelpDeskInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rename the help desk {name}").format(name=desk.name), parent)
        self.workspace = workspace
        self.desk = desk
        self.name = QLineEdit(desk.name)
        self.name.setAccessibleName(self.tr("New name of the help desk"))
        self.form.addRow(self.tr("&New name:"), self.name)
        self.ok_button.setText(self.tr("&Rename"))

    def problem(self) -> str | None:
        return None if self.name.text().strip() else self.tr("Enter the name of the help desk.")

    def work(self) -> Callable[[], Any]:
        workspace, old, new = self.workspace, self.desk.name, self.name.text()
        return lambda: desks.rename_desk(workspace, old, new)

    def succeeded(self, result: Any) -> None:
        self.accept()
        emit(self.renamed, result)


class HelpDesksTab(QWidget):
    """Emits `changed` after a help desk was added, renamed, closed or reopened."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.dialog: FormDialog | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Help desks"))
        self.list.setObjectName("desks")
        self.list.currentItemChanged.connect(self._selected)
        self.add_button = QPushButton(self.tr("&Add help desk…"))
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_desk)
        self.rename_button = QPushButton(self.tr("Re&name…"))
        self.rename_button.clicked.connect(self.rename_desk)
        self.close_button = QPushButton(self.tr("&Close desk"))
        self.close_button.clicked.connect(self.close_desk)
        self.reopen_button = QPushButton(self.tr("Reopen &desk"))
        self.reopen_button.clicked.connect(self.reopen_desk)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.close_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        self._selected()

    def refresh(self) -> None:
        workspace = self.workspace
        operations.run(self, lambda: accounts.list_help_desks(workspace, include_inactive=True), self._loaded)

    def _loaded(self, found: list[HelpDeskInfo]) -> None:
        self.list.clear()
        for desk in found:
            text = f"{desk.name} — {desk.town}" if desk.town else desk.name
            if not desk.active:
                text = self.tr("{desk} (closed)").format(desk=text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, desk)
            self.list.addItem(item)
        self._selected()

    def current(self) -> HelpDeskInfo | None:
        item = self.list.currentItem()
        desk = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return desk if isinstance(desk, HelpDeskInfo) else None

    @Slot()
    def _selected(self) -> None:
        desk = self.current()
        self.rename_button.setEnabled(desk is not None)
        self.close_button.setEnabled(desk is not None and desk.active)
        self.reopen_button.setEnabled(desk is not None and not desk.active)

    @Slot()
    def add_desk(self) -> None:
        dialog = AddHelpDeskDialog(self.workspace, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.added.connect(self._changed)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def rename_desk(self) -> None:
        desk = self.current()
        if desk is None:
            return
        dialog = RenameHelpDeskDialog(self.workspace, desk, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.renamed.connect(self._changed)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def close_desk(self) -> None:
        desk = self.current()
        if desk is None:
            return
        answer = messages.ask(
            self,
            self.tr("Close the help desk"),
            self.tr(
                "Close the help desk {name}? Its cases stay and can be moved to another desk; it takes no new "
                "cases or contacts until it is reopened."
            ).format(name=desk.name),
        )
        if answer == messages.Button.Yes:
            workspace, name = self.workspace, desk.name
            operations.run(self, lambda: desks.close_desk(workspace, name), self._changed)

    @Slot()
    def reopen_desk(self) -> None:
        desk = self.current()
        if desk is not None:
            workspace, name = self.workspace, desk.name
            operations.run(self, lambda: desks.reopen_desk(workspace, name), self._changed)

    def _changed(self, _desk: HelpDeskInfo) -> None:
        self.refresh()
        emit(self.changed)

    def clear(self) -> None:
        self.list.clear()
