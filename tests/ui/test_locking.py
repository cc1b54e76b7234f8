"""Shared-PC safety: idle lock (wall-clock aware), quick-hide, minimize, hidden app, clipboard, dialogs."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.controller import AppController
from app.ui.kit.qt_compat import emit
from app.ui.main_window import MainWindow
from tests.conftest import ADMIN
from tests.ui.helpers import log_in, open_page

pytestmark = pytest.mark.usefixtures("ui_env")


def assert_locked(controller: AppController) -> None:
    assert controller.main_window is None
    assert not controller.shell.findChildren(MainWindow), "the session's widgets must be gone"
    assert controller.shell.stack.currentWidget() is controller.unlock_screen
    assert controller.workspace is not None and not controller.workspace.is_unlocked
    assert not controller.idle.armed


@pytest.fixture
def admin_session(qtbot: Any, controller: AppController) -> MainWindow:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    open_page(qtbot, window, "admin")
    assert window.admin_page is not None
    qtbot.waitUntil(
        lambda: window.admin_page is not None and window.admin_page.operators.table.rowCount() == 2
    )
    return window


def test_idle_lock_clears_the_views_and_shows_the_unlock_screen(
    qtbot: Any, controller: AppController, admin_session: MainWindow
) -> None:
    table = admin_session.admin_page.operators.table  # type: ignore[union-attr]
    rows_after_clear: list[int] = []
    clear = admin_session.clear

    def spy() -> None:
        clear()
        rows_after_clear.append(table.rowCount())

    admin_session.clear = spy  # type: ignore[method-assign]
    controller.set_idle_minutes(1)
    assert controller.idle.timeout_seconds == 60
    controller.idle.timeout_seconds = 0.5
    qtbot.waitUntil(lambda: controller.main_window is None, timeout=4000)
    assert_locked(controller)
    assert rows_after_clear == [0]  # emptied before being destroyed
    log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    assert controller.idle.armed


def test_input_keeps_the_session_open(
    qtbot: Any, controller: AppController, admin_session: MainWindow
) -> None:
    controller.idle.timeout_seconds = 1.5
    for _ in range(5):
        qtbot.wait(500)
        qtbot.keyClick(admin_session.navigation, Qt.Key.Key_Down)
    assert controller.main_window is admin_session


def test_wall_clock_jump_after_sleep_locks_at_once(
    qtbot: Any, controller: AppController, admin_session: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Suspend/resume: the monotonic clock stood still, the wall clock did not."""
    assert controller.idle.timeout_seconds == 300
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 3600)
    qtbot.waitUntil(lambda: controller.main_window is None, timeout=2500)
    assert_locked(controller)


def test_quick_hide_blanks_synchronously_and_locks(
    qtbot: Any, controller: AppController, admin_session: MainWindow
) -> None:
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(admin_session.navigation, Qt.Key.Key_H, ctrl_shift)
    # no waiting: by the time the key press returns, nothing of the session is left
    assert_locked(controller)
    assert controller.shell.isMinimized()


def test_quick_hide_from_the_toolbar_closes_open_dialogs(
    qtbot: Any, controller: AppController, admin_session: MainWindow
) -> None:
    admin_session.change_password_action.trigger()
    dialog = admin_session.dialog
    assert dialog is not None and dialog.isVisible()
    controller.quick_hide_action.trigger()
    assert_locked(controller)
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if w is not controller.shell)


def test_lock_shortcut(qtbot: Any, controller: AppController, admin_session: MainWindow) -> None:
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    qtbot.keyClick(admin_session.navigation, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert_locked(controller)
    assert not controller.shell.isMinimized()


def test_minimizing_locks(qtbot: Any, controller: AppController, admin_session: MainWindow) -> None:
    controller.shell.showMinimized()
    qtbot.waitUntil(lambda: controller.main_window is None, timeout=2000)
    assert_locked(controller)


def test_hidden_or_suspended_application_locks(
    qtbot: Any, qapp: Any, controller: AppController, admin_session: MainWindow
) -> None:
    emit(qapp.applicationStateChanged, Qt.ApplicationState.ApplicationSuspended)
    assert_locked(controller)


def test_clipboard_cleared_on_lock_only_if_ascolto_put_the_text_there(
    qtbot: Any, qapp: Any, controller: AppController, admin_session: MainWindow
) -> None:
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    clipboard = QApplication.clipboard()
    clipboard.setText("BG-2026-0042 Maria")  # copied inside Ascolto while it is active
    controller.lock()
    assert clipboard.text() == ""

    log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    guard = controller.guard
    guard._ours.clear()  # as if the next text came from another program
    clipboard.blockSignals(True)
    clipboard.setText("shopping list")
    clipboard.blockSignals(False)
    controller.lock()
    assert clipboard.text() == "shopping list"
    clipboard.clear()
