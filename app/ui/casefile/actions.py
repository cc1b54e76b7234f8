"""Case actions: suspend/resume, close, reopen, erase identity, the case summary, and the copy of her data
("Copy for her")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.services import cases, subject_access
from app.services.accounts import Role
from app.services.cases import CaseFile
from app.ui.casefile.base import CaseContext
from app.ui.casefile.close_dialog import CloseCaseDialog, EraseDialog
from app.ui.casefile.summary_dialog import CaseSummaryDialog
from app.ui.i18n import ui_language
from app.ui.kit import files, messages, operations
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.qt_compat import emit


def choose_pdf_path(parent: QWidget, suggested: str) -> str:
    """The file dialog; tests replace this function (a modal dialog would wait for a person)."""
    return files.save_file_name(  # no folder history: where her copy went stays unsaid
        parent,
        QCoreApplication.translate("CaseActions", "Save the copy of her data"),
        suggested,
        "PDF (*.pdf)",
        personal=True,
    )


class CaseActions(QObject):
    """Owns the "Actions" menu button of the case file; emits `changed` after every action."""

    changed = Signal()

    def __init__(self, context: CaseContext, host: QWidget) -> None:
        super().__init__(host)
        self.context = context
        self.host = host
        self.case: CaseFile | None = None
        self.dialog: FormDialog | None = None
        self.choose_path: Callable[[QWidget, str], str] = choose_pdf_path
        coordinator = context.actor.at_least(Role.COORDINATRICE)
        self.menu = QMenu(host)
        self.summary_action = self.menu.addAction(self.tr("Case s&ummary…"), self.summary)
        self.menu.addSeparator()
        self.suspend_action = self.menu.addAction(self.tr("&Suspend"), self.toggle_suspended)
        self.close_action = self.menu.addAction(self.tr("&Close with outcome…"), self.close_case)
        self.reopen_action = self.menu.addAction(self.tr("&Reopen"), self.reopen)
        self.menu.addSeparator()
        self.erase_action = self.menu.addAction(self.tr("&Erase her identity…"), self.erase)
        self.reopen_action.setVisible(coordinator)
        self.erase_action.setVisible(coordinator)
        self.button = QToolButton()
        self.button.setText(self.tr("Action&s"))
        self.button.setObjectName("userButton")
        self.button.setAccessibleName(self.tr("Case actions"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setMenu(self.menu)

    def set_case(self, case: CaseFile | None) -> None:
        self.case = case
        open_ = case is not None and case.status in cases.OPEN_STATUSES
        writable = case is not None and case.processing_consent
        suspended = case is not None and case.status == "SOSPESO"
        self.suspend_action.setText(self.tr("Re&sume") if suspended else self.tr("&Suspend"))
        self.suspend_action.setEnabled(open_ and writable)
        self.close_action.setEnabled(open_)
        self.reopen_action.setEnabled(case is not None and not open_ and writable)
        self.erase_action.setEnabled(case is not None and case.identity is not None)
        self.summary_action.setEnabled(case is not None)
        self.button.setEnabled(case is not None)

    def _run(self, fn: Callable[[], object], done: str) -> None:
        operations.run(self.host, fn, lambda _result: self._done(done))

    @Slot()
    def toggle_suspended(self) -> None:
        if self.case is None:
            return
        ws, case_id, suspend = self.context.workspace, self.case.id, self.case.status != "SOSPESO"
        self._run(
            lambda: cases.set_suspended(ws, case_id, suspend),
            self.tr("Case suspended") if suspend else self.tr("Case resumed"),
        )

    @Slot()
    def reopen(self) -> None:
        if self.case is None:
            return
        answer = messages.ask(
            self.host, self.tr("Reopen"), self.tr("Reopen case {code}?").format(code=self.case.code)
        )
        if answer == messages.Button.Yes:
            ws, case_id = self.context.workspace, self.case.id
            self._run(lambda: cases.reopen_case(ws, case_id), self.tr("Case reopened"))

    def _open(self, dialog: FormDialog, done: str) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._done(done))
        self.dialog = dialog
        dialog.open()

    def _done(self, text: str) -> None:
        self.context.toast(text)
        emit(self.changed)

    @Slot()
    def close_case(self) -> None:
        if self.case is not None:
            self._open(CloseCaseDialog(self.context, self.case, self.host.window()), self.tr("Case closed"))

    @Slot()
    def erase(self) -> None:
        if self.case is not None:
            self._open(EraseDialog(self.context, self.case, self.host.window()), self.tr("Identity erased"))

    @Slot()
    def summary(self) -> None:
        if self.case is not None:
            self._open(
                CaseSummaryDialog(self.context, self.case, self.host.window()), self.tr("Summary saved")
            )

    @Slot()
    def copy_for_her(self) -> None:
        """Her right of access: a PDF of everything held on her, saved where the operator chooses."""
        if self.case is None:
            return
        answer = messages.ask(
            self.host,
            self.tr("Copy for her"),
            self.tr("The PDF contains her personal data. Continue?"),
            details=self.tr(
                "Save it only where no one else can read it (not a shared folder), print it for her, "
                "then delete the file."
            ),
            icon=messages.Icon.Warning,
        )
        if answer != messages.Button.Yes:
            return
        path = self.choose_path(self.host.window(), f"{self.case.code}.pdf")
        if not path:
            return
        ws, case_id, lang = self.context.workspace, self.case.id, ui_language()
        target = Path(path)
        self._run(
            lambda: subject_access.subject_access_pdf(ws, case_id, target, lang),
            self.tr("Copy saved: {name}").format(name=target.name),
        )

    def clear(self) -> None:
        self.case = None
        self.set_case(None)
