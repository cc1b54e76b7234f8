"""Shared-PC safety besides the idle timer: lock when the app is hidden or suspended, and on lock clear
from the clipboard any text that Ascolto put there (only that: someone else's clipboard is left alone).

The clipboard is remembered as SHA-256 digests of texts copied while Ascolto was the active application,
never as the texts themselves. What Ascolto copies is marked as not for clipboard managers: Windows
Clipboard History (Win+V) and cloud clipboard skip it, and so do KDE's Klipper and others that honour
the password-manager hint.

Desktop Windows never says "application hidden/suspended": there the guard also listens to the window
messages for a session lock or disconnect (Win+L, switch user, RDP disconnect) and for sleep, and locks
on them as on the idle timer (as KeePassXC does).
"""

from __future__ import annotations

import ctypes
import hashlib
import sys

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QByteArray,
    QEvent,
    QMimeData,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.kit.qt_compat import emit


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _windows_format(name: str) -> str:
    """Qt's name for a registered Windows clipboard format."""
    return f'application/x-qt-windows-mime;value="{name}"'


NOT_FOR_HISTORY: dict[str, bytes] = {
    # Windows: clipboard history, cloud clipboard and monitors skip the data (a DWORD 0 says "no")
    _windows_format("ExcludeClipboardContentFromMonitorProcessing"): b"\x00\x00\x00\x00",
    _windows_format("CanIncludeInClipboardHistory"): b"\x00\x00\x00\x00",
    _windows_format("CanUploadToCloudClipboard"): b"\x00\x00\x00\x00",
    "x-kde-passwordManagerHint": b"secret",  # Klipper and other Linux clipboard managers
}
MARK = _windows_format("CanIncludeInClipboardHistory")


def marked_copy(data: QMimeData) -> QMimeData:
    """The same clipboard content, marked as not for clipboard history, cloud or monitors."""
    marked = QMimeData()
    for name in data.formats():
        marked.setData(name, data.data(name))
    for name, value in NOT_FOR_HISTORY.items():
        marked.setData(name, QByteArray(value))
    return marked


# Window messages (winuser.h, wtsapi32.h) that mean "the person has left this screen".
WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0
WDA_NONE = 0x0
WDA_EXCLUDEFROMCAPTURE = 0x11
_LEFT_SESSION = frozenset({WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT, WTS_SESSION_LOCK})


def leaves_session(message: int, wparam: int) -> bool:
    """Whether a Windows message means the screen is being left: locked, disconnected or put to sleep."""
    if message == WM_WTSSESSION_CHANGE:
        return wparam in _LEFT_SESSION
    return message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND


class _Point(ctypes.Structure):
    _fields_ = [("x", ctypes.c_long), ("y", ctypes.c_long)]


class WindowsMessage(ctypes.Structure):
    """Win32 MSG (declared here: ctypes.wintypes is Windows-only on some Pythons)."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt", _Point),
    ]


class WindowsSessionFilter(QAbstractNativeEventFilter):
    """Sees every native message; calls `on_leave` for a session lock, a disconnect or sleep."""

    def __init__(self, guard: SessionGuard) -> None:
        super().__init__()
        self._guard = guard

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> tuple[bool, int]:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind == b"windows_generic_MSG" and message:
            msg = WindowsMessage.from_address(int(message))
            if leaves_session(msg.message, msg.wParam):
                emit(self._guard.lock_requested)
        return False, 0  # never swallow: Windows and Qt still handle the message


class SessionGuard(QObject):
    """Emits `lock_requested` when the application is hidden or suspended by the system."""

    lock_requested = Signal()

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._ours: set[bytes] = set()
        self._clipboard = app.clipboard()
        self._clipboard.dataChanged.connect(self._clipboard_changed)
        if self._clipboard.supportsSelection():
            self._clipboard.selectionChanged.connect(self._selection_changed)
        app.applicationStateChanged.connect(self._state_changed)
        self._native = WindowsSessionFilter(self)
        app.installNativeEventFilter(self._native)
        self._registered: list[int] = []
        self._allow_capture = False
        self._watching_windows = False

    def watch_window(self, window: QWidget, allow_capture: bool = False) -> None:
        """Windows: ask for the session-change messages of `window`, and keep every window of Ascolto
        (this one and each dialog as it is shown) out of screen capture (Recall, screenshots, screen
        sharing) unless an administrator allowed capture for training."""
        self._allow_capture = allow_capture
        if sys.platform != "win32":
            return
        hwnd = int(window.winId())
        if hwnd not in self._registered and ctypes.windll.wtsapi32.WTSRegisterSessionNotification(
            ctypes.c_void_p(hwnd), NOTIFY_FOR_THIS_SESSION
        ):
            self._registered.append(hwnd)
        self._set_affinity(window)
        if not self._watching_windows:
            self._watching_windows = True
            self._app.installEventFilter(self)

    def _set_affinity(self, window: QWidget) -> None:
        if sys.platform == "win32":
            affinity = WDA_NONE if self._allow_capture else WDA_EXCLUDEFROMCAPTURE
            ctypes.windll.user32.SetWindowDisplayAffinity(ctypes.c_void_p(int(window.winId())), affinity)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self._set_affinity(watched)
        return super().eventFilter(watched, event)

    @Slot(Qt.ApplicationState)
    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state in (Qt.ApplicationState.ApplicationHidden, Qt.ApplicationState.ApplicationSuspended):
            emit(self.lock_requested)

    def _remember(self, mode: QClipboard.Mode) -> None:
        owns = (
            self._clipboard.ownsSelection()
            if mode == QClipboard.Mode.Selection
            else self._clipboard.ownsClipboard()
        )
        if owns or self._app.applicationState() == Qt.ApplicationState.ApplicationActive:
            text = self._clipboard.text(mode)
            if text:
                self._ours.add(_digest(text))
            data = self._clipboard.mimeData(mode)
            if mode == QClipboard.Mode.Clipboard and data is not None and not data.hasFormat(MARK):
                self._clipboard.setMimeData(marked_copy(data), mode)  # comes back here, marked

    @Slot()
    def _clipboard_changed(self) -> None:
        self._remember(QClipboard.Mode.Clipboard)

    @Slot()
    def _selection_changed(self) -> None:
        self._remember(QClipboard.Mode.Selection)

    def clear_clipboard(self) -> None:
        """Called on every lock."""
        modes = [QClipboard.Mode.Clipboard]
        if self._clipboard.supportsSelection():
            modes.append(QClipboard.Mode.Selection)
        for mode in modes:
            text = self._clipboard.text(mode)
            if text and _digest(text) in self._ours:
                self._clipboard.clear(mode)
        self._ours.clear()

    def shutdown(self) -> None:
        self.clear_clipboard()
        self._clipboard.dataChanged.disconnect(self._clipboard_changed)
        if self._clipboard.supportsSelection():
            self._clipboard.selectionChanged.disconnect(self._selection_changed)
        self._app.applicationStateChanged.disconnect(self._state_changed)
        self._app.removeNativeEventFilter(self._native)
        if self._watching_windows:
            self._app.removeEventFilter(self)
        if sys.platform == "win32":
            for hwnd in self._registered:
                ctypes.windll.wtsapi32.WTSUnRegisterSessionNotification(ctypes.c_void_p(hwnd))
        self._registered.clear()
