"""Who is on screen when: set-up wizard, unlock screen or session, and every way of locking.

Locking order matters: blank the window first (synchronously), close the session's dialogs, drop
pending results, clear our clipboard text, destroy the session widgets, then lock the workspace (engine
disposed, key wiped) and show the unlock screen.

Starting: the first screen (set-up wizard or unlock screen) is shown before the services layer is imported
(SQLAlchemy, the models: over half of a cold start). Once that screen has been painted, `screen_shown` is
emitted and, on the next turn of the event loop, the services are imported and the data folder is opened
on the GUI thread (slot file, folder lock, folder policy); then `ready`. A refusal replaces the unlock
screen with the error page; until the folder is open the unlock screen cannot be submitted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from app.services.constants import holds_data
from app.services.errors import UserError
from app.ui import session
from app.ui.config import CONFIG
from app.ui.i18n import error_text
from app.ui.idle import IdleLock
from app.ui.kit import geometry, operations
from app.ui.kit.icons import icon
from app.ui.kit.qt_compat import emit
from app.ui.pages.damaged import CheckedUnlockScreen, DamagedScreen
from app.ui.pages.wizard import SetupWizard
from app.ui.session import SessionInfo
from app.ui.session_guard import SessionGuard
from app.ui.settings import IDLE_LOCK_MINUTES, SCREEN_CAPTURE_ALLOWED, UiSettings
from app.ui.shell import ShellWindow

if TYPE_CHECKING:  # loaded after the first paint (services) or after unlock (main window, reportlab…)
    from app.services.workspace import LoginResult, Workspace
    from app.ui.main_window import MainWindow

OPEN_ANYWAY_MS = 1000  # open the folder even if the first screen is not painted by then (started minimised)


class AppController(QObject):
    """Emits `screen_shown` once the first screen has been painted, then `ready` once the data folder is
    open (or its refusal is on screen; with the set-up wizard: once the services are loaded). A screen
    not painted within OPEN_ANYWAY_MS gets `ready` alone."""

    screen_shown = Signal()
    ready = Signal()

    def __init__(self, app: QApplication, data_dir: Path, settings: UiSettings | None = None) -> None:
        super().__init__()
        self.app = app
        self.data_dir = data_dir
        self.settings = settings or UiSettings(data_dir)
        self.workspace: Workspace | None = None
        self.wizard: SetupWizard | None = None
        self.unlock_screen: CheckedUnlockScreen | None = None
        self.damaged_screen: DamagedScreen | None = None
        self.main_window: MainWindow | None = None
        self.shell = ShellWindow()
        self.is_ready = False
        self._first_screen: QWidget | None = None
        self._stopped = False
        self.quick_hide_action = self._action("hide", self.tr("Quick &hide"), "Ctrl+Shift+H", self.quick_hide)
        self.quick_hide_action.setToolTip(self.tr("Blank the window at once and lock (Ctrl+Shift+H)"))
        self.lock_action = self._action("lock", self.tr("&Lock"), "Ctrl+L", self.lock)
        self.lock_action.setToolTip(self.tr("Lock Ascolto now (Ctrl+L)"))
        self.idle = IdleLock(app, self._idle_seconds(self.settings.get(IDLE_LOCK_MINUTES)), self)
        self.idle.timed_out.connect(self.lock)
        self.guard = SessionGuard(app, self)
        self.guard.lock_requested.connect(self.lock)
        self.shell.minimized.connect(self.lock)
        self.shell.closing.connect(self._remember_geometry)
        self.shell.closing.connect(self.shutdown)
        self._geometry_applied = False

    def _show_shell(self) -> None:
        """The first time: where she left it (clamped to this screen), maximised if it was."""
        if self._geometry_applied:
            self.shell.show()
            return
        self._geometry_applied = True
        if geometry.restore(self.shell, self.settings):
            self.shell.showMaximized()
        else:
            self.shell.show()

    @Slot()
    def _remember_geometry(self) -> None:
        if self._geometry_applied:
            geometry.remember(self.shell, self.settings)

    def _action(self, icon_name: str, text: str, shortcut: str, slot: object) -> QAction:
        action = QAction(icon(icon_name), text, self.shell)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        self.shell.addAction(action)
        return action

    @staticmethod
    def _idle_seconds(minutes: int) -> float:
        return minutes * CONFIG.seconds_per_minute

    # --- start ---------------------------------------------------------------------------------------
    def start(self) -> None:
        """Show the first screen now; open the data folder once it has been painted."""
        self.guard.watch_window(self.shell, bool(self.settings.get(SCREEN_CAPTURE_ALLOWED)))
        first: QWidget
        try:
            existing = holds_data(self.data_dir)
        except UserError as exc:  # a folder this account may not list (Windows): say why, never vanish
            self.shell.show_error(error_text(exc))
            self._show_shell()
            self.is_ready = True
            emit(self.ready)
            return
        if existing:
            self._show_unlock()
            self._show_shell()
            assert self.unlock_screen is not None
            first = self.unlock_screen
        else:
            self.wizard = SetupWizard(self.data_dir)
            self.wizard.completed.connect(self._set_up)
            self.wizard.rejected.connect(self.app.quit)
            self.wizard.show()
            first = self.wizard
        self._first_screen = first
        first.installEventFilter(self)
        QTimer.singleShot(OPEN_ANYWAY_MS, self, self._open)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._first_screen and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._first_screen = None
            QTimer.singleShot(0, self, self._painted)  # runs once this paint has reached the screen
        return super().eventFilter(watched, event)

    @Slot()
    def _painted(self) -> None:
        if self.is_ready or self._stopped:
            return
        emit(self.screen_shown)
        self._open()

    @Slot()
    def _open(self) -> None:
        """The services import and `Workspace.open`, after the first paint; once, unless shut down before."""
        if self.is_ready or self._stopped:
            return
        try:
            from app.services.workspace import Workspace

            if self.unlock_screen is not None and self.workspace is None:
                try:
                    self.workspace = Workspace.open(self.data_dir)
                except UserError as exc:
                    self.shell.show_error(error_text(exc))
                    self._drop_unlock_screen()
                else:
                    self.unlock_screen.set_workspace(self.workspace)
        finally:  # an unexpected error reaches the error dialog; the unlock screen stays unusable
            self.is_ready = True
            emit(self.ready)

    def _drop_unlock_screen(self) -> None:
        screen, self.unlock_screen, self._first_screen = self.unlock_screen, None, None
        if screen is not None:
            self.shell.remove_page(screen)
            screen.deleteLater()

    @Slot(object, object)
    def _set_up(self, workspace: Workspace, login: LoginResult) -> None:
        """The wizard stays on screen until the main window is built (its import alone takes seconds on a
        slow PC), then gives way to it: never an empty window in between."""
        self.workspace = workspace
        wizard = self.wizard
        operations.run(
            wizard or self.shell,
            lambda: session.describe(workspace, login),
            self._set_up_done,
            busy_text=self.tr("Opening Ascolto…"),
        )

    def _set_up_done(self, info: SessionInfo) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._unlocked(info)
            self._show_shell()
        finally:
            QApplication.restoreOverrideCursor()
        if self.wizard is not None:
            self.wizard.done(QDialog.DialogCode.Accepted)

    # --- unlocked ------------------------------------------------------------------------------------
    @Slot(object)
    def _unlocked(self, info: SessionInfo) -> None:
        assert self.workspace is not None
        from app.ui.main_window import MainWindow

        window = MainWindow(self.workspace, info, self.settings, self.quick_hide_action, self.lock_action)
        window.idle_minutes_changed.connect(self.set_idle_minutes)  # from the administration page
        window.restored.connect(self._reopen)
        window.session_lost.connect(self.lock)
        self.main_window = window
        self.shell.show_page(window)
        window.focus_start()  # arrows and Enter work at once on "Oggi" (not the navigation list)
        self.idle.timeout_seconds = self._idle_seconds(self.settings.get(IDLE_LOCK_MINUTES))
        self.idle.arm()

    @Slot(object)
    def _reopen(self, info: SessionInfo) -> None:
        """After a restore from the administration: a new session on the restored database."""
        self.shell.blank_now()
        self._close_session_windows()
        window, self.main_window = self.main_window, None
        if window is not None:
            window.clear()
            self.shell.remove_page(window)
            window.deleteLater()
        self._unlocked(info)

    @Slot(str)
    def _show_damaged(self, username: str) -> None:
        assert self.workspace is not None
        if self.damaged_screen is None:
            self.damaged_screen = DamagedScreen(self.workspace)
            self.damaged_screen.restored.connect(self._unlocked)
            self.damaged_screen.back.connect(self._show_unlock)
        self.shell.show_page(self.damaged_screen)
        self.damaged_screen.show_for(username)

    @Slot(int)
    def set_idle_minutes(self, minutes: int) -> None:
        self.idle.timeout_seconds = self._idle_seconds(minutes)

    # --- locking -------------------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self.main_window is None and not (self.workspace is not None and self.workspace.is_unlocked)

    @Slot()
    def lock(self) -> None:
        if self.is_locked:
            return
        self.shell.blank_now()
        self.idle.disarm()
        self._close_session_windows()
        operations.discard_pending()
        self.guard.clear_clipboard()
        window, self.main_window = self.main_window, None
        if window is not None:
            window.clear()
            self.shell.remove_page(window)
            window.deleteLater()
        if self.workspace is not None:
            self.workspace.release_folder()  # taken back at unlock: no "already running" for the others
        self._show_unlock()

    @Slot()
    def quick_hide(self) -> None:
        """Blank everything now, lock, and get the window out of sight."""
        self._close_session_windows()
        self.shell.blank_now()
        self.lock()
        if self.shell.isVisible():
            self.shell.showMinimized()

    def _close_session_windows(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is self.shell or widget is self.wizard or not widget.isVisible():
                continue
            if isinstance(widget, QDialog):
                widget.done(QDialog.DialogCode.Rejected)
            elif isinstance(widget, QMenu):
                widget.close()
            else:
                widget.hide()

    def _show_unlock(self) -> None:
        if self.unlock_screen is None:
            self.unlock_screen = CheckedUnlockScreen(self.workspace)
            self.unlock_screen.unlocked.connect(self._unlocked)
            self.unlock_screen.damaged.connect(self._show_damaged)
        self.shell.show_page(self.unlock_screen)
        self.unlock_screen.reset()

    # --- end -----------------------------------------------------------------------------------------
    @Slot()
    def shutdown(self) -> None:
        """Lock, close the workspace and release the folder; safe to call more than once. A folder not
        opened yet (start-up) is not opened any more."""
        self._stopped = True
        self.lock()
        self.idle.shutdown()
        self.guard.clear_clipboard()
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
