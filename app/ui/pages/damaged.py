"""When the database cannot be read (damaged, truncated, empty, undecryptable): a calm explanation and a
way back through the latest backup, instead of an error on the unlock screen.

The damaged file is never touched here; a restore moves it aside into the backups folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import DatabaseDamaged, UserError
from app.ui.kit import files
from app.ui.kit.icons import icon
from app.ui.kit.qt_compat import emit
from app.ui.pages.unlock import UnlockScreen

if TYPE_CHECKING:  # the controller imports this module before the first screen: no database layer yet
    from app.services.workspace import Workspace
    from app.ui.dialogs.restore import RestoreDialog


def is_damage(error: UserError) -> bool:
    """The database file itself is unusable (not a wrong password, not a full or read-only disk)."""
    return isinstance(error, DatabaseDamaged)


def find_backups(folder: Path) -> list[Path]:
    """Backup files in `folder`, newest first (their names carry the time they were made)."""
    from app.services.backup import BACKUP_SUFFIX as SUFFIX

    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob(f"*{SUFFIX}") if p.is_file()), key=lambda p: p.name, reverse=True)


class CheckedUnlockScreen(UnlockScreen):
    """The unlock screen, except that a damaged database emits `damaged(str)` instead of a red line."""

    damaged = Signal(str)

    def _refused(self, error: UserError) -> None:
        if is_damage(error):
            self.password.clear()
            self._set_busy(False)
            emit(self.damaged, self.username.text().strip())
            return
        super()._refused(error)


class DamagedScreen(QWidget):
    """Emits `restored(SessionInfo)` after a successful restore and `back` to return to the unlock screen."""

    restored = Signal(object)
    back = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.username = ""
        self.dialog: RestoreDialog | None = None
        self._extra: list[Path] = []
        logo = QLabel()
        logo.setPixmap(icon("lock").pixmap(40, 40))
        title = QLabel(self.tr("The database cannot be read"))
        title.setObjectName("title")
        what = QLabel(
            self.tr(
                "Ascolto could open the key file but not the database: the file in the data folder is damaged "
                "or incomplete (for example after a disk fault or a power cut during writing). Your password "
                "is not the problem."
            )
        )
        what.setWordWrap(True)
        kept = QLabel(
            self.tr(
                "Nothing was changed: the damaged file is kept as it is. Restoring a backup moves it aside, "
                "into {folder}, so that a technician can still look at it."
            ).format(folder=workspace.backups_dir)
        )
        kept.setWordWrap(True)
        kept.setObjectName("subtitle")
        needed = QLabel(
            self.tr(
                "Since the current database cannot be read, restoring needs the current password of one of its "
                "administrators (the one that opens this folder's key file today, of an account that is an "
                "administrator in the backup too) or the current recovery key; the backup itself is opened with "
                "the password valid when it was made. Every administrator is told of the restore at her next "
                "sign-in. Erasures, consent withdrawals and revocations made since the backup are applied again."
            )
        )
        needed.setWordWrap(True)
        needed.setObjectName("subtitle")
        choose = QLabel(self.tr("&Backups found (newest first):"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups found"))
        self.list.setObjectName("desks")
        self.list.setMinimumHeight(150)
        choose.setBuddy(self.list)
        self.empty = QLabel(
            self.tr("No backup in the data folder. Choose the folder or USB stick where the backups are.")
        )
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore from the selected backup…"))
        self.restore_button.setObjectName("primary")
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton(self.tr("Look in &another folder…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.back_button = QPushButton(self.tr("Back to the &sign-in screen"))
        self.back_button.setObjectName("link")
        self.back_button.clicked.connect(lambda: emit(self.back))
        self.list.itemActivated.connect(lambda _item: self.restore_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update())

        card = QFrame()
        card.setObjectName("card")
        card.setMaximumWidth(760)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 24)
        inner.setSpacing(12)
        head = QHBoxLayout()
        head.addWidget(logo)
        head.addWidget(title, 1)
        inner.addLayout(head)
        inner.addWidget(what)
        inner.addWidget(kept)
        inner.addWidget(needed)
        inner.addSpacing(6)
        inner.addWidget(choose)
        inner.addWidget(self.list)
        inner.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        inner.addLayout(buttons)
        inner.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def show_for(self, username: str) -> None:
        """Called each time the screen is shown: list the backups of the data folder again."""
        self.username = username
        self._extra = []
        self._fill()
        self.list.setFocus()

    def _fill(self) -> None:
        self.list.clear()
        every = {*find_backups(self.workspace.backups_dir), *self._extra}
        for path in sorted(every, key=lambda p: p.name, reverse=True):  # names carry the time: newest first
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def _update(self) -> None:
        self.empty.setVisible(self.list.count() == 0)
        self.restore_button.setEnabled(self.list.currentItem() is not None)

    @Slot()
    def choose_folder(self) -> None:
        folder = files.folder(self, self.tr("Choose the folder with the backups"), Path.home())
        if folder is None:
            return
        found = find_backups(folder)
        self._extra = found + [p for p in self._extra if p not in found]
        self._fill()
        if found:
            self.list.setCurrentRow(next(i for i in range(self.list.count()) if self._path(i) == found[0]))

    def _path(self, row: int) -> Path:
        return Path(self.list.item(row).data(Qt.ItemDataRole.UserRole))

    @Slot()
    def restore_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        from app.ui.dialogs.restore import open_restore

        open_restore(self, self.workspace, self._path(row), self.username, self._show_dialog)

    def _show_dialog(self, dialog: RestoreDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self.restored)
        self.dialog = dialog
        dialog.open()
