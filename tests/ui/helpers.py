"""Driving the real widgets the way a person does: typing, clicking, pressing Enter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from app.ui.kit import operations

# How long a helper waits for the interface before failing the test. Generous: a passing test never waits
# it out, and a PC busy with other jobs (2 cores, a second test run) can take several seconds to build the
# main window after an unlock (20-40 s seen at a load of 10), which a tight limit turned into failures.
WAIT_MS = 60_000


def click(qtbot: Any, button: QAbstractButton) -> None:
    assert button.isEnabled(), f"{button.text()!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    widget.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


def wait_idle(qtbot: Any, timeout: int = WAIT_MS) -> None:
    qtbot.waitUntil(operations.idle, timeout=timeout)


def unlock(qtbot: Any, controller: Any, username: str, password: str) -> None:
    screen = controller.unlock_screen
    qtbot.waitUntil(lambda: screen.unlock_button.isEnabled() and screen.password.isEnabled(), timeout=WAIT_MS)
    type_into(qtbot, screen.username, username)
    type_into(qtbot, screen.password, password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    wait_idle(qtbot)


def log_in(qtbot: Any, controller: Any, username: str, password: str, start: str | None = "cases") -> Any:
    """Unlock and show the `start` page: the case list, where most tests begin ("Oggi" is shown first
    after unlock; `start=None` leaves it)."""
    unlock(qtbot, controller, username, password)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=WAIT_MS)
    window = controller.main_window
    if start is not None:
        open_page(qtbot, window, start)
        wait_idle(qtbot)
    return window


def open_page(qtbot: Any, window: Any, key: str) -> None:
    row = window.page_keys().index(key)
    item = window.navigation.item(row)
    rect = window.navigation.visualItemRect(item)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentIndex() == row


def wait_ready(qtbot: Any, controller: Any, timeout: int = WAIT_MS) -> None:
    """`start()` opens the data folder after the first screen has been painted: wait for that."""
    qtbot.waitUntil(lambda: controller.is_ready, timeout=timeout)
