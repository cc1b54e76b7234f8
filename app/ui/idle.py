"""Auto-lock after a period without input (KeePassXC's small timer object), wall-clock aware.

An event filter on the application notes the time of each mouse or keyboard event. A one-second timer
compares the time since then against the limit using BOTH the wall clock and the monotonic clock:
the wall clock keeps running while the PC sleeps (so the app locks at once after resume), the monotonic
clock cannot be fooled by someone setting the system clock back.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from app.ui.kit.qt_compat import emit

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class IdleLock(QObject):
    """Emits `timed_out` once when no input arrived for `timeout_seconds` while armed."""

    timed_out = Signal()

    def __init__(self, app: QApplication, timeout_seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.timeout_seconds = timeout_seconds
        self._armed = False
        self._last_wall = time.time()
        self._last_mono = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check)
        app.installEventFilter(self)

    @property
    def armed(self) -> bool:
        return self._armed

    def arm(self) -> None:
        """Start counting (after unlock)."""
        self.touch()
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        """Stop counting (while locked there is nothing to protect)."""
        self._armed = False
        self._timer.stop()

    def touch(self) -> None:
        self._last_wall = time.time()
        self._last_mono = time.monotonic()

    def idle_seconds(self) -> float:
        return max(time.time() - self._last_wall, time.monotonic() - self._last_mono)

    @Slot()
    def check(self) -> None:
        if self._armed and self.idle_seconds() >= self.timeout_seconds:
            self.disarm()
            emit(self.timed_out)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() in INPUT_EVENTS:
            self.touch()
        return False

    def shutdown(self) -> None:
        self.disarm()
        self._app.removeEventFilter(self)
