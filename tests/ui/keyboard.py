"""Reading a screen the way a keyboard user meets it: its mnemonics (Alt+letter) and its Tab order."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

MNEMONIC = re.compile(r"&([^&\s])")
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractButton)


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.window() is window


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Letter -> texts holding it, over everything shown at once in `window` (one shortcut map)."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter:
            found[letter].append(text)

    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if labelled or (isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QTabBar)):
            add(widget.text())  # type: ignore[attr-defined]
        elif isinstance(widget, QGroupBox):  # checkable or not: Qt takes the letter (to tick, or to enter it)
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index) and widget.isTabEnabled(index):
                    add(widget.tabText(index))
    return dict(found)


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in mnemonics(window).items() if len(texts) > 1}


def inputs(window: QWidget) -> list[QWidget]:
    """Every enabled, shown widget that a person fills or presses with the keyboard."""
    return [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, INPUTS)
        and _shown(widget, window)
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(widget.parent(), (QComboBox, QAbstractSpinBox, QTabBar))
        and widget.focusProxy() is None
    ]


def tab_walk(qtbot: Any, window: QWidget, limit: int = 200) -> tuple[list[QWidget], str]:
    """Press Tab from the current focus until it comes back: the widgets in the order she meets them,
    and where Tab got stuck, if it did."""
    start = window.focusWidget()
    assert start is not None, f"nothing has the focus in {window.windowTitle() or window}"
    seen = [start]
    for _ in range(limit):
        current = window.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        QApplication.processEvents()
        now = window.focusWidget()
        if now is None or now is seen[0]:
            break
        if now is current:
            return seen, f"Tab is trapped in {describe(current)}"
        seen.append(now)
    return seen, ""


def rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def scrolls(widget: QWidget) -> list[QAbstractScrollArea]:
    """The scroll areas holding `widget`, outermost first."""
    found: list[QAbstractScrollArea] = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            found.insert(0, parent)
        parent = parent.parentWidget()
    return found


def place(widget: QWidget, window: QWidget, common: int) -> QRect:
    """Where `widget` is in reading order, as if no scroll area had been scrolled: a widget inside a scroll
    area that the other widget of the pair is not in stands where that scroll area stands."""
    outer = scrolls(widget)
    target = outer[common] if len(outer) > common else widget
    shown = rect(target, window)
    for area in outer[:common]:
        shown.translate(area.horizontalScrollBar().value(), area.verticalScrollBar().value())
    return shown


def pair(first: QWidget, later: QWidget, window: QWidget) -> tuple[QRect, QRect]:
    a, b = scrolls(first), scrolls(later)
    common = 0
    while common < min(len(a), len(b)) and a[common] is b[common]:
        common += 1
    return place(first, window, common), place(later, window, common)


def describe(widget: QWidget) -> str:
    text = widget.accessibleName() or getattr(widget, "text", lambda: "")() or widget.objectName()
    return f"{type(widget).__name__}({text!r})"


def order_problems(window: QWidget, walked: list[QWidget]) -> list[str]:
    """Pairs met against reading order: B after A although B is above A in the same column, or left of
    A on the same line. Side-by-side columns may be read either way, so only those two rules apply."""
    position = {id(widget): index for index, widget in enumerate(walked)}
    problems = []
    widgets = [w for w in walked if id(w) in position]
    for i, first in enumerate(widgets):
        for later in widgets[i + 1 :]:
            a, b = pair(first, later, window)
            same_column = a.left() < b.right() and b.left() < a.right()
            same_line = a.top() < b.bottom() and b.top() < a.bottom()
            if (same_column and b.bottom() <= a.top()) or (
                same_line and not same_column and b.right() <= a.left()
            ):
                problems.append(f"{describe(later)} comes after {describe(first)}")
    return problems


def from_top(window: QWidget, walked: list[QWidget]) -> list[QWidget]:
    """Tab goes round in a circle: read it from the widget at the top left, wherever the focus was."""
    if not walked:
        return walked
    spots = [place(widget, window, 0) for widget in walked]
    start = min(range(len(walked)), key=lambda i: (spots[i].top(), spots[i].left()))
    return walked[start:] + walked[:start]


def check_keyboard(
    qtbot: Any, window: QWidget, first: QWidget | None = None, order: bool = True
) -> list[str]:
    """Every problem of one screen: clashing mnemonics, inputs Tab never reaches, Tab against reading
    order, and an initial focus that is not the first field to fill."""
    problems = [f"Alt+{letter.upper()}: {texts}" for letter, texts in clashes(window).items()]
    focus = window.focusWidget()
    if first is not None and focus is not first:
        problems.append(f"starts in {describe(focus) if focus else 'nothing'}, not {describe(first)}")
    walked, trapped = tab_walk(qtbot, window)
    if trapped:
        problems.append(trapped)
    missing = [describe(w) for w in inputs(window) if w not in walked]
    if missing:
        problems.append(f"Tab never reaches {missing}")
    if order:
        problems.extend(
            order_problems(window, from_top(window, [w for w in walked if isinstance(w, INPUTS)]))
        )
    return problems
