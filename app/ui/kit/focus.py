"""One focus order per screen: Tab follows the layout (reading order), whatever order the widgets were made in.

Qt's Tab chain is the order in which widgets got their parent, so a button box made before the form, or a
composite that parents its fields early, sends Tab backwards. `follow_layout` rebuilds the chain from the
layout itself; `first_input` is where a form should start.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLayout, QScrollArea, QWidget


def _takes_tab(widget: QWidget) -> bool:
    target = widget.focusProxy() or widget
    return bool(target.focusPolicy() & Qt.FocusPolicy.TabFocus)


def layout_order(layout: QLayout | None) -> list[QWidget]:
    """The widgets that take Tab, in the order the layout places them (rows, then columns)."""
    found: list[QWidget] = []
    if layout is None:
        return found
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.layout() is not None:
            found.extend(layout_order(item.layout()))
            continue
        widget = item.widget()
        if widget is None or (
            widget.isHidden() and widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
        ):
            continue
        inner = widget.widget() if isinstance(widget, QScrollArea) else None
        if inner is not None:
            found.extend(layout_order(inner.layout()))
        elif _takes_tab(widget):
            found.append(widget)
        else:
            found.extend(layout_order(widget.layout()))
    return found


def follow_layout(root: QWidget) -> list[QWidget]:
    """Set the Tab chain of `root` to its layout order; returns that order."""
    layout = root.layout()
    if layout is None:
        return []
    order = layout_order(layout)
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)
    return order


def first_input(order: list[QWidget]) -> QWidget | None:
    """The first enabled field to fill (not a button), else the first enabled widget."""
    enabled = [w for w in order if w.isEnabled()]
    fields = [w for w in enabled if not isinstance(w, QAbstractButton)]
    candidates = fields or enabled
    return candidates[0] if candidates else None
