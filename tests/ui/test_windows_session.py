"""Windows session events and the clipboard marks (issue #28, items 4 and 5), checked on any system: the
message decoding is pure, the native filter reads a real MSG structure, the marks are on the mime data."""

from __future__ import annotations

import ctypes
from typing import Any

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication, QLineEdit

from app.services.errors import UserError
from app.services.workspace import Workspace
from app.ui import session_guard
from app.ui.controller import AppController
from app.ui.session_guard import (
    MARK,
    NOT_FOR_HISTORY,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WindowsMessage,
    leaves_session,
    marked_copy,
)
from tests.conftest import ADMIN
from tests.ui.helpers import log_in

WM_ACTIVATE = 0x0006
pytestmark = pytest.mark.usefixtures("ui_env")

WTS_SESSION_UNLOCK = 0x8
WTS_SESSION_LOGON = 0x5
PBT_APMRESUMEAUTOMATIC = 0x12


@pytest.mark.parametrize(
    ("message", "wparam", "leaves"),
    [
        (WM_WTSSESSION_CHANGE, 0x7, True),  # WTS_SESSION_LOCK: Win+L
        (WM_WTSSESSION_CHANGE, 0x4, True),  # WTS_REMOTE_DISCONNECT
        (WM_WTSSESSION_CHANGE, 0x2, True),  # WTS_CONSOLE_DISCONNECT: switch user
        (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, False),
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOGON, False),
        (WM_POWERBROADCAST, PBT_APMSUSPEND, True),  # sleep
        (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC, False),
        (WM_ACTIVATE, 0x7, False),
    ],
)
def test_which_messages_mean_she_left(message: int, wparam: int, leaves: bool) -> None:
    assert leaves_session(message, wparam) is leaves


def _feed(controller: AppController, message: int, wparam: int) -> None:
    """What Qt's Windows event dispatcher passes to a native filter: the address of a MSG."""
    msg = WindowsMessage(hwnd=None, message=message, wParam=wparam, lParam=0, time=0)
    controller.guard._native.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg))


def test_win_l_locks_like_the_idle_timer(qtbot: Any, controller: AppController) -> None:
    log_in(qtbot, controller, ADMIN["username"], ADMIN["password"], start=None)
    _feed(controller, WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK)
    assert controller.main_window is not None
    _feed(controller, WM_WTSSESSION_CHANGE, 0x7)
    qtbot.waitUntil(lambda: controller.main_window is None)
    assert controller.workspace is not None and not controller.workspace.is_unlocked


def test_a_message_of_another_platform_is_ignored(controller: AppController) -> None:
    msg = WindowsMessage(message=WM_POWERBROADCAST, wParam=PBT_APMSUSPEND)
    assert controller.guard._native.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(msg)) == (
        False,
        0,
    )


def test_marked_copy_keeps_the_text_and_adds_the_marks() -> None:
    data = QMimeData()
    data.setText("Maria Rossi")
    marked = marked_copy(data)
    assert marked.text() == "Maria Rossi"
    for name, value in NOT_FOR_HISTORY.items():
        assert bytes(marked.data(name).data()) == value
    assert 'value="ExcludeClipboardContentFromMonitorProcessing"' in " ".join(marked.formats())


def test_what_ascolto_copies_carries_the_marks(qtbot: Any, controller: AppController) -> None:
    field = QLineEdit("Maria Rossi")
    qtbot.addWidget(field)
    field.selectAll()
    field.copy()
    clipboard = QApplication.clipboard()
    qtbot.waitUntil(lambda: clipboard.mimeData() is not None and clipboard.mimeData().hasFormat(MARK))
    data = clipboard.mimeData()
    assert data.text() == "Maria Rossi"
    assert all(data.hasFormat(name) for name in NOT_FOR_HISTORY)
    controller.guard.clear_clipboard()  # still recognised as ours after marking
    assert clipboard.text() == ""


def test_capture_is_left_alone_off_windows(controller: AppController) -> None:
    assert session_guard.sys.platform != "win32"
    controller.guard.watch_window(controller.shell)  # no ctypes.windll here: must not be reached


def test_a_locked_session_lets_another_account_open_the_folder(qtbot: Any, controller: AppController) -> None:
    log_in(qtbot, controller, ADMIN["username"], ADMIN["password"], start=None)
    _feed(controller, WM_WTSSESSION_CHANGE, 0x2)  # WTS_CONSOLE_DISCONNECT: switch user
    qtbot.waitUntil(lambda: controller.main_window is None)
    other = Workspace.open(controller.data_dir)  # no "already running" for the next operator
    other.close()
    log_in(qtbot, controller, ADMIN["username"], ADMIN["password"], start=None)  # and she gets it back
    with pytest.raises(UserError, match="already running"):
        Workspace.open(controller.data_dir)
