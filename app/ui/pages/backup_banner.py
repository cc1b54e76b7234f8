"""The reminder shown to administrators in the main window when a backup is overdue."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.services import backup
from app.services.backup import BackupStatus
from app.services.workspace import Workspace
from app.ui.kit import operations
from app.ui.kit.banner import Banner
from app.ui.kit.qt_compat import emit
from app.ui.kit.styles import day_text, local_time


class BackupReminderBanner(Banner):
    """Hidden until the status says a backup is due; `open_backup` asks for the Backup tab."""

    open_backup = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        go = QPushButton(self.tr("Bac&k up now…"))
        super().__init__("", parent, action=go)
        self.go = go
        self.go.clicked.connect(lambda: emit(self.open_backup))
        self.hide()
        operations.run(self, lambda: backup.backup_status(workspace), self.show_status)

    def show_status(self, status: BackupStatus) -> None:
        if not status.overdue:
            self.hide()
            return
        if status.last_backup_at is None:
            self.text.setText(self.tr("No backup of the database has been made yet. Make one now."))
        else:
            days = day_text(local_time(status.last_backup_at))
            self.text.setText(
                self.tr(
                    "The last backup was made on {date}, more than {days} days ago. Make a new one."
                ).format(date=days, days=status.reminder_days)
            )
        self.show()
