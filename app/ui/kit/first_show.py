"""Reading a page's data the first time it is shown, not when it is built: most pages of a session are
never opened (an operator rarely visits the administration), so unlock stays fast and reads only what she sees.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from app.ui.kit import operations

T = TypeVar("T")


class _FirstShow(QObject):
    """Watches the widget's Show event once, calls `load`, then goes away."""

    def __init__(self, widget: QWidget, load: Callable[[], object]) -> None:
        super().__init__(widget)
        self._load = load
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            self.deleteLater()
            self._load()  # before the widget's own showEvent, as the overrides this replaces did
        return False


def load_on_first_show(widget: QWidget, load: Callable[[], object]) -> None:
    """Call `load` (which usually starts an operation) just before `widget` is first shown."""
    _FirstShow(widget, load)


def read_on_first_show(widget: QWidget, read: Callable[[], T], show: Callable[[T], None]) -> None:
    """The usual case: `read` runs off the GUI thread when `widget` is first shown, `show` gets its result."""
    load_on_first_show(widget, lambda: operations.run(widget, read, show))
