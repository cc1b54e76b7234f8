"""Windows that fit the screen they are on: a 1366x768 laptop, or 1280x720 at 125% (1024x576 logical).

The main window opens within the screen's available area (without the task bar) on first start, comes
back where she left it (clamped to the screen it reopens on, which may be smaller than the one it was
closed on) and remembers whether it was maximised. Dialogs are capped to the available area too.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from app.ui.settings import WINDOW_GEOMETRY, WINDOW_MAXIMISED, UiSettings

MARGIN = 24  # around the window on first start, so that its frame and shadow stay on screen
FRAME_ALLOWANCE = QSize(16, 40)  # a title bar and borders the window system adds outside our geometry
PREFERRED = QSize(1280, 860)  # enough for every page without scrolling; smaller screens get less


def screen_for(point: QPoint | None = None) -> QScreen:
    """The screen holding `point` (where the window was), else the primary one."""
    if point is not None:
        screen = QGuiApplication.screenAt(point)
        if screen is not None:
            return screen
    return QGuiApplication.primaryScreen()


def first_geometry(available: QRect) -> QRect:
    """Centred in the available area, at most PREFERRED, with a margin for the frame."""
    room = available.size() - QSize(2 * MARGIN, 2 * MARGIN) - FRAME_ALLOWANCE
    size = PREFERRED.boundedTo(room).expandedTo(QSize(1, 1))
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(available.center())
    return rect


def clamped(rect: QRect, available: QRect) -> QRect:
    """`rect` made to fit in `available` (its frame included), moved as little as possible."""
    room = (available.size() - FRAME_ALLOWANCE).expandedTo(QSize(1, 1))
    result = QRect(rect.topLeft(), rect.size().boundedTo(room))
    top_gap = FRAME_ALLOWANCE.height() - FRAME_ALLOWANCE.width() // 2  # the title bar sits above the top
    side = FRAME_ALLOWANCE.width() // 2
    left = min(max(result.left(), available.left() + side), available.right() - side - result.width() + 1)
    top = min(max(result.top(), available.top() + top_gap), available.bottom() - side - result.height() + 1)
    result.moveTo(left, top)
    return result


def parse(text: str) -> QRect | None:
    """The saved "x,y,width,height"; None if absent or not four integers with a positive size."""
    parts = text.split(",")
    if len(parts) != 4:
        return None
    try:
        x, y, width, height = (int(part) for part in parts)
    except ValueError:
        return None
    if width <= 0 or height <= 0:
        return None
    return QRect(x, y, width, height)


def restore(window: QWidget, settings: UiSettings) -> bool:
    """Give `window` its saved (clamped) or first-start geometry; returns whether to show it maximised."""
    saved = parse(settings.get(WINDOW_GEOMETRY))
    screen = screen_for(saved.center() if saved is not None else None)
    available = screen.availableGeometry()
    rect = first_geometry(available) if saved is None else clamped(saved, available)
    window.setGeometry(rect)
    return bool(settings.get(WINDOW_MAXIMISED))


def remember(window: QWidget, settings: UiSettings) -> None:
    """Save the normal (not maximised) geometry and the maximised state of `window`."""
    maximised = window.isMaximized()
    rect = window.normalGeometry() if maximised else window.geometry()
    if rect.isValid():
        settings.set(WINDOW_GEOMETRY, f"{rect.x()},{rect.y()},{rect.width()},{rect.height()}")
    settings.set(WINDOW_MAXIMISED, int(maximised))


def cap_to_screen(widget: QWidget) -> None:
    """A dialog never larger than the available area of its screen (its layout scrolls or reflows)."""
    anchor = widget.parentWidget()
    screen = (anchor.screen() if anchor is not None else None) or widget.screen() or screen_for()
    room = (screen.availableGeometry().size() - FRAME_ALLOWANCE).expandedTo(QSize(1, 1))
    widget.setMaximumSize(room)
    if widget.width() > room.width() or widget.height() > room.height():
        widget.resize(widget.size().boundedTo(room))
