"""Drop-downs show whole texts: the popup is as wide as the longest choice, the closed combo tells an
elided choice in its tooltip."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.kit.fields import CodeCombo

pytestmark = pytest.mark.usefixtures("ui_env")


def test_a_narrow_combo_opens_wide_and_tells_the_whole_choice(qtbot: Any) -> None:
    combo = CodeCombo("employment")
    qtbot.addWidget(combo)
    combo.setMinimumContentsLength(5)
    combo.setFixedWidth(120)
    combo.show()
    qtbot.waitExposed(combo)
    longest = max(
        range(combo.count()), key=lambda i: combo.fontMetrics().horizontalAdvance(combo.itemText(i))
    )
    combo.setCurrentIndex(longest)
    text = combo.itemText(longest)
    assert combo.toolTip() == text  # elided when closed: the tooltip has it whole
    combo.showPopup()
    QApplication.processEvents()
    view = combo.view()
    assert view.width() >= view.fontMetrics().horizontalAdvance(text)
    combo.hidePopup()
    combo.setFixedWidth(900)
    QApplication.processEvents()
    assert combo.toolTip() == ""  # room enough: no tooltip
