"""Administration: backups (last one, reminder, back up now) and restoring a backup."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.services import backup
from app.services.backup import BackupResult, BackupStatus
from app.services.workspace import Workspace
from app.ui.dialogs.restore import RestoreDialog, open_restore
from app.ui.kit import files, messages, operations
from app.ui.kit.action_box import action_box, page_layout
from app.ui.kit.first_show import load_on_first_show
from app.ui.kit.progress import ProgressBridge
from app.ui.kit.qt_compat import emit
from app.ui.kit.styles import PAGE_STYLE, moment_text


def backup_start_folder(volumes: Iterable[QStorageInfo] | None = None) -> Path:
    """Where the folder dialog opens: a plugged-in USB stick or disk, as the page asks, else the home folder.

    Never the data folder's own backups folder: a backup there dies with the PC it should outlive.
    """
    for volume in QStorageInfo.mountedVolumes() if volumes is None else volumes:
        if volume.isValid() and volume.isReady() and not volume.isReadOnly():
            root = Path(volume.rootPath())
            if _removable(root):
                return root
    return Path.home()


def _removable(root: Path) -> bool:
    if sys.platform == "win32":
        import ctypes

        drive_removable = 2
        return bool(ctypes.windll.kernel32.GetDriveTypeW(str(root)) == drive_removable)
    if sys.platform == "darwin":
        return root.parts[:2] == ("/", "Volumes")
    return root.parts[:2] in (("/", "media"), ("/", "mnt")) or root.parts[:3] == ("/", "run", "media")


class BackupTab(QWidget):
    """Emits `backed_up` after a backup, `restored(SessionInfo)` after a restore (the controller reopens
    the session) and `session_lost` when a refused restore left the database locked."""

    backed_up = Signal()
    restored = Signal(object)
    session_lost = Signal()

    def __init__(self, workspace: Workspace, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PAGE_STYLE)
        self.workspace = workspace
        self.username = username
        self.dialog: RestoreDialog | None = None
        load_on_first_show(self, self.refresh)
        self.last = QLabel()
        self.last.setObjectName("summary")
        self.last.setWordWrap(True)
        self.reminder = QSpinBox()
        self.reminder.setRange(1, 365)
        self.reminder.setSuffix(self.tr(" days"))
        self.reminder.setMaximumWidth(140)
        self.reminder.setAccessibleName(self.tr("Remind me when the last backup is older than"))
        self.save_reminder = QPushButton(self.tr("Sa&ve"))
        self.save_reminder.clicked.connect(self.set_reminder)
        self.backup_button = QPushButton(self.tr("Back up &now…"))
        self.backup_button.setObjectName("primary")
        self.backup_button.clicked.connect(self.back_up)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress.setAccessibleName(self.tr("Backup progress"))
        self.progress.hide()
        self.result = QLabel()
        self.result.setObjectName("hint")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            self.tr(
                "A backup is encrypted with the same passwords and recovery key as the database. Keep it on a "
                "USB stick or disk stored away from this computer."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        box = QGroupBox(self.tr("Backups"))
        form = QFormLayout(box)
        form.addRow(self.tr("Last backup:"), self.last)
        reminder_row = QHBoxLayout()
        reminder_row.addWidget(self.reminder)
        reminder_row.addWidget(self.save_reminder)
        reminder_row.addStretch(1)
        remind_label = QLabel(self.tr("Re&mind after:"))
        remind_label.setBuddy(self.reminder)
        form.addRow(remind_label, reminder_row)
        button_row = QHBoxLayout()
        button_row.addWidget(self.backup_button)
        button_row.addStretch(1)
        form.addRow("", hint)
        form.addRow("", button_row)
        form.addRow("", self.progress)
        form.addRow("", self.result)

        self.restore_button = QPushButton(self.tr("Res&tore…"))
        self.restore_button.clicked.connect(self.restore)
        restore_box = action_box(
            self.tr("Restore"),
            self.tr(
                "Bring back the database as it was when a backup was made, for example after a disk failure. "
                "The database in use now is kept aside, never deleted."
            ),
            self.restore_button,
        )
        self.setLayout(page_layout(box, restore_box))

    def refresh(self) -> None:
        workspace = self.workspace
        operations.run(self, lambda: backup.backup_status(workspace), self._status)

    def _status(self, status: BackupStatus) -> None:
        if status.last_backup_at is None:
            text = self.tr("No backup has been made yet.")
        else:
            when = moment_text(status.last_backup_at)
            text = self.tr("{when}").format(when=when)
        if status.overdue:
            text += "  " + self.tr("(a backup is due)")
        self.last.setText(text)
        self.reminder.setValue(status.reminder_days)

    @Slot()
    def set_reminder(self) -> None:
        workspace, days = self.workspace, self.reminder.value()
        operations.run(self, lambda: backup.set_reminder_days(workspace, days), lambda _none: self.refresh())

    # --- backing up ----------------------------------------------------------------------------------------
    @Slot()
    def back_up(self) -> None:
        folder = files.folder(self, self.tr("Choose where to save the backup"), backup_start_folder())
        if folder is None:
            return
        bridge = ProgressBridge(self.progress)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.backup_button.setEnabled(False)
        self.result.clear()
        workspace = self.workspace
        operations.run(
            self,
            lambda: backup.make_backup(workspace, folder, bridge.report),
            self._backed_up,
            on_finished=self._backup_finished,
            busy_text=self.tr("Writing and checking the backup…"),
        )

    def _backed_up(self, result: BackupResult) -> None:
        self.result.setText(
            self.tr("Backup written and checked: {name}\nin {folder}").format(
                name=result.path.name, folder=result.path.parent
            )
        )
        self.refresh()
        emit(self.backed_up)

    def _backup_finished(self) -> None:
        self.progress.hide()
        self.backup_button.setEnabled(True)

    # --- restoring ----------------------------------------------------------------------------------------
    @Slot()
    def restore(self) -> None:
        path = files.open_file(
            self,
            self.tr("Choose the backup to restore"),
            self.workspace.backups_dir,
            self.tr("Ascolto backups (*.ascbak)"),
        )
        if path is not None:
            open_restore(self, self.workspace, path, self.username, self._show_dialog)

    def _show_dialog(self, dialog: RestoreDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self.restored)
        dialog.session_lost.connect(self._lost)
        self.dialog = dialog
        dialog.open()

    @Slot(str)
    def _lost(self, text: str) -> None:
        messages.warn(
            self,
            self.tr(
                "The backup was not restored: {reason}\n\nThe current database is unchanged. Ascolto locked "
                "itself: sign in again."
            ).format(reason=text),
        )
        emit(self.session_lost)

    def clear(self) -> None:
        self.last.clear()
        self.result.clear()
