"""Restoring a backup: what the file holds, what the restore will undo, a strong confirmation, then the
credentials of that time.

Used from the administration (over a working database, by a signed-in administrator) and from the
damaged-database screen. There no current database can be read: if the data folder was in use, the current
password of an administrator (or the current recovery key) must open its key file as well, and the backup
must list her as an administrator; into an empty folder the backup's administrator alone restores. Either
way every administrator is told of the restore at her next sign-in. The current database is never deleted: the service moves it aside into the backups folder.
Erasures, consent withdrawals and revocations made since the backup are applied again by the service
before the restored database is shown; the message after success says how many.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from app.services import backup
from app.services.backup import Manifest, RestoreImpact, RestoreResult
from app.services.errors import UserError
from app.services.workspace import Workspace
from app.ui import session
from app.ui.i18n import error_text
from app.ui.kit import operations
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.passwords import PassphraseFields
from app.ui.kit.qt_compat import emit
from app.ui.kit.styles import moment_text
from app.ui.kit.theme import monospace_font
from app.ui.session import SessionInfo


def when_text(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return moment_text(moment)


class RestoreDialog(FormDialog):
    """Emits `restored(SessionInfo)` once the restored database is open, or `session_lost(str)` when a
    restore failed after the current session was locked (credentials and file are checked before, so a
    wrong password or a damaged backup is shown in the dialog and the session stays open)."""

    restored = Signal(object)
    session_lost = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        path: Path,
        manifest: Manifest,
        username: str,
        parent: QWidget | None = None,
        impact: RestoreImpact | None = None,
    ) -> None:
        super().__init__(self.tr("Restore a backup"), parent)
        self.workspace = workspace
        self.path = path
        self.manifest = manifest
        self.was_unlocked = workspace.is_unlocked
        self.folder_in_use = not self.was_unlocked and bool(backup.folder_traces(workspace.folder))
        made = when_text(manifest.created_at)
        counts = ", ".join(
            f"{label} {manifest.row_counts[name]}"
            for name, label in self._table_labels()
            if name in manifest.row_counts
        )
        summary = self.tr("<b>{file}</b><br>Made on {made} · centre {centre} · schema {schema}").format(
            file=path.name, made=made, centre=manifest.centre_code, schema=manifest.schema_revision
        )
        if counts:  # an older backup: its counts are in the clear (newer ones keep them encrypted)
            summary += "<br>" + self.tr("Records: {counts}").format(counts=counts)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        warning = QLabel(
            self.tr(
                "The database in use now will be replaced by this backup. Everything entered after {made} "
                "will no longer be visible. The current database is not deleted: it is kept aside, "
                "untouched, in the folder {folder}."
            ).format(made=made, folder=workspace.backups_dir)
        )
        warning.setObjectName("error")
        warning.setWordWrap(True)
        self.undone = QLabel(self._impact_text(impact))
        self.undone.setObjectName("error")
        self.undone.setWordWrap(True)
        if self.was_unlocked:
            who = self.tr(
                "You are signed in as an administrator of the current database. The backup must be opened by "
                "one of its administrators: give the password valid when it was made."
            )
        elif self.folder_in_use:
            who = self.tr(
                "The current database cannot be read, but this data folder has been in use: restoring needs "
                "the current password of one of its administrators (who is an administrator in the backup too) "
                "or the current recovery key, and the backup is opened with the password valid when it was "
                "made. If your password changed since the backup, give the current one too. Every "
                "administrator will be told of this restore at her next sign-in."
            )
        else:
            who = self.tr(
                "This data folder is empty (a new computer): the backup must be opened by one of its "
                "administrators, with the password valid when it was made (or the recovery key of that time). "
                "Every administrator will be told of this restore at her next sign-in."
            )
        if not manifest.authenticated:
            who += " " + self.tr(
                "This backup was made by an older version: its description is not authenticated, and it is "
                "checked against the encrypted database it holds."
            )
        self.who = QLabel(who)
        self.who.setWordWrap(True)
        self.who.setObjectName("hint")
        self.confirm = QCheckBox(self.tr("I &understand: replace the current database with this backup"))
        self.use_password = QRadioButton(self.tr("&Password valid when the backup was made"))
        self.use_key = QRadioButton(self.tr("Recovery &key of that time, and a new password"))
        self.use_password.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.use_password)
        group.addButton(self.use_key)
        self.username = QLineEdit(username)
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password of that time"))
        self.key = QLineEdit()
        self.key.setFont(monospace_font(12))
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.current_password = QLineEdit()
        self.current_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_password.setAccessibleName(self.tr("Current password, if it changed since the backup"))
        self.password_box = QWidget()
        password_form = QFormLayout(self.password_box)
        password_form.setContentsMargins(0, 0, 0, 0)
        password_form.addRow(self.tr("Pass&word:"), self.password)
        if self.folder_in_use:
            password_form.addRow(self.tr("&Current password (if changed):"), self.current_password)
        self.key_box = QWidget()
        key_form = QFormLayout(self.key_box)
        key_form.setContentsMargins(0, 0, 0, 0)
        key_form.addRow(self.tr("Recovery ke&y:"), self.key)
        self.passwords = PassphraseFields(self.key_box)
        self.passwords.add_to(key_form)
        self.key_box.hide()
        self.form.addRow(self.summary)
        self.form.addRow(warning)
        self.form.addRow(self.undone)
        self.form.addRow(self.confirm)
        self.form.addRow(self.who)
        self.form.addRow(self.use_password)
        self.form.addRow(self.use_key)
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.password_box)
        self.form.addRow(self.key_box)
        self.use_key.toggled.connect(self._mode_changed)
        self.ok_button.setText(self.tr("&Restore"))
        self.setMinimumWidth(680)

    def _impact_text(self, impact: RestoreImpact | None) -> str:
        if impact is None:
            return self.tr(
                "What the current database holds beyond the backup cannot be counted: it cannot be read."
            )
        text = (
            self.tr(
                "This restore undoes what was entered after the backup was made: %n case(s)",
                "",
                impact.cases_newer,
            )
            + " "
            + self.tr("and %n service(s).", "", impact.services_newer)
        )
        if impact.erasures_since:
            text += " " + self.tr(
                "The %n erasure(s), consent withdrawal(s) and revocation(s) made since then are applied again.",
                "",
                impact.erasures_since,
            )
        return text

    def _table_labels(self) -> list[tuple[str, str]]:
        return [
            ("case_file", self.tr("cases")),
            ("contact", self.tr("contacts")),
            ("intake", self.tr("interviews")),
            ("service_delivery", self.tr("services")),
            ("referral", self.tr("referrals")),
            ("operator", self.tr("accounts")),
        ]

    @Slot(bool)
    def _mode_changed(self, use_key: bool) -> None:
        self.key_box.setVisible(use_key)
        self.password_box.setVisible(not use_key)
        self.adjustSize()

    def problem(self) -> str | None:
        if not self.confirm.isChecked():
            return self.tr("Tick the box to confirm that the current database is to be replaced.")
        if not self.username.text().strip():
            return self.tr("Enter the user name.")
        if self.use_key.isChecked():
            if not self.key.text().strip():
                return self.tr("Enter the recovery key.")
            return self.passwords.problem()
        if not self.password.text():
            return self.tr("Enter the password that was valid when the backup was made.")
        return None

    def work(self) -> Callable[[], Any]:
        workspace, path, username = self.workspace, self.path, self.username.text().strip()
        if self.use_key.isChecked():
            key, new_password = self.key.text(), self.passwords.value()

            def with_key() -> tuple[SessionInfo, RestoreResult]:
                login = backup.restore_backup(
                    workspace, path, username, recovery_key=key, new_password=new_password
                )
                return session.describe(workspace, login), login

            return with_key
        password = self.password.text()
        current_password = self.current_password.text() if self.folder_in_use else ""
        current = backup.Credentials(username, current_password) if current_password else None

        def with_password() -> tuple[SessionInfo, RestoreResult]:
            login = backup.restore_backup(workspace, path, username, password=password, current=current)
            return session.describe(workspace, login), login

        return with_password

    def succeeded(self, result: tuple[SessionInfo, RestoreResult]) -> None:
        info, outcome = result
        self.password.clear()
        self.current_password.clear()
        self.key.clear()
        self.passwords.clear()
        self.accept()
        emit(self.restored, replace(info, notice=self.outcome_text(outcome)))

    def outcome_text(self, outcome: RestoreResult) -> str:
        """The sentence after success: it worked, where the old database is, what was applied again."""
        parts = [
            self.tr(
                "The backup of {made} was restored. The database it replaced is kept in the folder {folder}."
            ).format(made=when_text(self.manifest.created_at), folder=self.workspace.backups_dir),
            self.tr("Erasures and consent withdrawals made since the backup, applied again: {count}.").format(
                count=outcome.erasures_reapplied
            ),
        ]
        if outcome.revocations_reapplied:
            parts.append(
                self.tr("Accounts revoked since the backup, revoked again: {count}.").format(
                    count=outcome.revocations_reapplied
                )
            )
        if outcome.ledger_unchecked:
            parts.append(
                self.tr(
                    "%n line(s) of the erasure ledger could not be checked and were not applied: ask your "
                    "technician to look at erasures.jsonl.",
                    "",
                    outcome.ledger_unchecked,
                )
            )
        if outcome.releases_carried:
            parts.append(
                self.tr("Releases made since the backup, kept as released: {count}.").format(
                    count=outcome.releases_carried
                )
            )
        if outcome.releases_unverified:
            parts.append(
                self.tr(
                    "%n line(s) of the release log could not be checked: they block the periods they name "
                    "until removed; ask your technician to look at releases/log.jsonl.",
                    "",
                    outcome.releases_unverified,
                )
            )
        if outcome.authorised_by != "current":
            parts.append(
                self.tr(
                    "No current database could confirm who may restore: every administrator will be told of "
                    "this restore at her next sign-in."
                )
            )
        reencrypted, deleted = outcome.copies
        if reencrypted or deleted:
            parts.append(
                self.tr(
                    "Copies kept by restores and upgrades in the backups folder under the old key: {reencrypted} "
                    "re-encrypted under the new key, {deleted} deleted (no active account could open them)."
                ).format(reencrypted=reencrypted, deleted=deleted)
            )
        return " ".join(parts)

    def _refused(self, error: UserError) -> None:
        self.password.clear()
        self.current_password.clear()
        if self.was_unlocked and not self.workspace.is_unlocked:
            self.reject()
            emit(self.session_lost, error_text(error))
            return
        super()._refused(error)


def open_restore(
    parent: QWidget, workspace: Workspace, path: Path, username: str, show: Callable[[RestoreDialog], None]
) -> None:
    """Check the file and count what the restore would undo (off the GUI thread), then build the dialog
    and hand it to `show`."""

    def inspect() -> tuple[Manifest, RestoreImpact | None]:
        manifest = backup.inspect_backup(path)
        impact = backup.restore_impact(workspace, manifest) if workspace.is_unlocked else None
        return manifest, impact

    def inspected(result: tuple[Manifest, RestoreImpact | None]) -> None:
        manifest, impact = result
        show(RestoreDialog(workspace, path, manifest, username, parent.window(), impact))

    operations.run(parent, inspect, inspected, busy_text=parent.tr("Checking the backup…"))
