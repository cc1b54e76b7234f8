"""A progress callback a service can call from the worker thread; the bar follows on the GUI thread."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QProgressBar

from app.ui.kit.qt_compat import emit


class ProgressBridge(QObject):
    """Create it on the GUI thread; pass `bridge.report` as the service's `progress(done, total)`."""

    changed = Signal(int, int)

    def __init__(self, bar: QProgressBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.changed.connect(self._show)

    def report(self, done: int, total: int) -> None:
        with suppress(RuntimeError):  # the page went away (lock) while the work goes on: nothing to show
            emit(self.changed, int(done), int(total))

    @Slot(int, int)
    def _show(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))
