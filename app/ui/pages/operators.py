"""Administration: the operators table with add, reset password and revoke."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import accounts
from app.services.accounts import HelpDeskInfo, OperatorInfo
from app.services.workspace import Workspace
from app.ui.dialogs.operator import AddOperatorDialog, ResetPasswordDialog
from app.ui.i18n import role_label
from app.ui.kit import messages, operations
from app.ui.pages.recovery import RecoveryKeyDialog


def local_time(moment: datetime) -> str:
    """Stored times are naive UTC; show them in local time, in the locale's short format, but with a
    four-digit year (Italian's short format writes 01/12/26)."""
    local = moment.replace(tzinfo=UTC).astimezone()
    stamp = QDateTime.fromSecsSinceEpoch(int(local.timestamp()))
    fmt = QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat)
    return QLocale().toString(stamp, fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy"))


class OperatorsTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.operators: list[OperatorInfo] = []
        self.desks: list[HelpDeskInfo] = []
        self.dialog: AddOperatorDialog | ResetPasswordDialog | RecoveryKeyDialog | None = None
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Operators"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Help desk"),
                self.tr("Active"),
                self.tr("Last login"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Add operator…"))
        self.add_button.setObjectName("primary")
        self.reset_button = QPushButton(self.tr("Reset &password…"))
        self.revoke_button = QPushButton(self.tr("Re&voke access…"))
        self.add_button.clicked.connect(self.add_operator)
        self.reset_button.clicked.connect(self.reset_password)
        self.revoke_button.clicked.connect(self.revoke)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self._selection_changed()

    def refresh(self) -> None:
        workspace = self.workspace
        operations.run(
            self,
            lambda: (accounts.list_operators(workspace), accounts.list_help_desks(workspace)),
            self._loaded,
        )

    def _loaded(self, result: tuple[list[OperatorInfo], list[HelpDeskInfo]]) -> None:
        self.operators, self.desks = result
        self.table.setRowCount(0)
        for row, operator in enumerate(self.operators):
            self.table.insertRow(row)
            last = local_time(operator.last_login_at) if operator.last_login_at else "—"
            values = [
                operator.username,
                operator.full_name,
                role_label(operator.role),
                operator.help_desk_name or self.tr("all"),
                self.tr("yes") if operator.active else self.tr("revoked"),
                last,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, operator.username)
                self.table.setItem(row, column, item)
        self._selection_changed()

    def selected(self) -> OperatorInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        username = item.text() if item is not None else ""
        return next((o for o in self.operators if o.username == username), None)

    @Slot()
    def _selection_changed(self) -> None:
        operator = self.selected()
        active = operator is not None and operator.active
        self.reset_button.setEnabled(active)
        own = (
            operator is not None
            and self.workspace.actor is not None
            and operator.id == self.workspace.actor.operator_id
        )
        self.revoke_button.setEnabled(active and not own)

    @Slot()
    def add_operator(self) -> None:
        dialog = AddOperatorDialog(self.workspace, self.desks, self.window())
        dialog.added.connect(lambda _info: self.refresh())
        self._open(dialog)

    @Slot()
    def reset_password(self) -> None:
        operator = self.selected()
        if operator is None:
            return
        self._open(ResetPasswordDialog(self.workspace, operator.username, operator.full_name, self.window()))

    def _open(self, dialog: AddOperatorDialog | ResetPasswordDialog | RecoveryKeyDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def revoke(self) -> None:
        operator = self.selected()
        if operator is None:
            return
        answer = messages.ask(
            self,
            self.tr("Revoke access"),
            self.tr("Revoke the access of {name} ({username})?").format(
                name=operator.full_name, username=operator.username
            ),
            icon=messages.Icon.Warning,
            details=self.tr(
                "Her password will stop working at once. The data key of the database is then replaced "
                "(everything is re-encrypted), so a copy of the old key opens nothing new. "
                "This can take a little while; other operators keep their passwords."
            )
            + "\n\n"
            + self.tr(
                "Backup files made before today still open with her old password: they are not re-encrypted. "
                "Make a new backup after revoking, and destroy the older backup files or keep them locked away. "
                "Copies kept inside the data folder by restores and upgrades are re-encrypted or deleted."
            ),
        )
        if answer != messages.Button.Yes:
            return
        workspace, username = self.workspace, operator.username
        operations.run(
            self,
            lambda: (accounts.revoke_operator(workspace, username), workspace.copies_after_rotation),
            self._revoked,
            busy_text=self.tr("Revoking access and replacing the data key…"),
        )

    def _revoked(self, result: tuple[int, tuple[int, int]]) -> None:
        """Done: say what changed, and offer a new recovery key (she may have seen the printed one)."""
        self.refresh()
        reencrypted, deleted = result[1]
        details = self.tr(
            "The data key and the centre's signing key were replaced; network coordinators follow the "
            "new signing key with the next package. The printed recovery key still opens the database: "
            "if she may have seen it, make a new one now and destroy the old printout."
        )
        if reencrypted or deleted:
            details += "\n\n" + self.tr(
                "Copies kept by restores and upgrades in the backups folder under the old key: {reencrypted} "
                "re-encrypted under the new key, {deleted} deleted (no active account could open them)."
            ).format(reencrypted=reencrypted, deleted=deleted)
        answer = messages.ask(
            self,
            self.tr("Access revoked"),
            self.tr("Access revoked. Make a new recovery key now?"),
            icon=messages.Icon.Information,
            details=details,
        )
        if answer != messages.Button.Yes:
            return
        workspace = self.workspace
        operations.run(
            self,
            lambda: (accounts.regenerate_recovery_key(workspace), accounts.centre_info(workspace).name),
            lambda made: self._open(RecoveryKeyDialog(made[0], made[1], self.window())),
        )

    def set_desks(self, desks: Sequence[HelpDeskInfo]) -> None:
        self.desks = list(desks)

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.operators = []
        self.desks = []
