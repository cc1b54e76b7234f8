"""Quick anonymous contact: a compact form, saved with Ctrl+Enter, nothing identifying stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.models.cases import Contact
from app.services import validation
from app.ui.controller import AppController
from tests.conftest import OPERATOR
from tests.ui.helpers import log_in, open_page, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")


def test_quick_contact_with_one_keystroke(qtbot: Any, controller: AppController) -> None:
    window = log_in(qtbot, controller, OPERATOR["username"], OPERATOR["password"])
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    open_page(qtbot, window, "contact")
    page = window.contact_page
    assert page.desk.currentText() == "Sportello Bergamo" and not page.desk.isEnabled()
    ctrl = Qt.KeyboardModifier.ControlModifier
    page.channel.setFocus()
    qtbot.keyClick(page.channel, Qt.Key.Key_Return, ctrl)  # nothing chosen: pointed at the field
    wait_idle(qtbot)
    assert page.error.isVisible() and page.channel.property("invalid") is True
    qtbot.keyClicks(page.channel, "1522")
    assert not page.channel.property("invalid") and not page.error.isVisible()  # fixed: no longer red
    page.mode.setFocus()
    qtbot.keyClicks(page.mode, "Phone")
    qtbot.keyClick(page.mode, Qt.Key.Key_Return, ctrl)
    wait_idle(qtbot)
    assert page.toast.isVisible() and "Nothing identifying" in page.toast.text()
    assert not page.error.isVisible() and page.channel.code() == ""  # ready for the next call
    assert controller.workspace is not None
    with controller.workspace.transaction(write=False) as session:
        rows = [
            (c.access_channel, c.first_contact_mode, c.reason, c.case_id)
            for c in session.scalars(select(Contact))
        ]
    assert rows == [("N1522", "TELEFONO", "RICHIESTA_AIUTO", None)]


def test_a_contact_with_an_unreadable_date_is_not_recorded(qtbot: Any, controller: AppController) -> None:
    window = log_in(qtbot, controller, OPERATOR["username"], OPERATOR["password"])
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    open_page(qtbot, window, "contact")
    page = window.contact_page
    page.channel.setFocus()
    qtbot.keyClicks(page.channel, "1522")
    assert not page.channel.property("invalid") and not page.error.isVisible()  # fixed: no longer red
    page.mode.setFocus()
    qtbot.keyClicks(page.mode, "Phone")
    page.date.edit.setFocus()
    page.date.edit.selectAll()
    qtbot.keyClicks(page.date.edit, "1/13/2026")
    qtbot.keyClick(page.date.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot)
    assert page.error.text() == "Date: The month must be between 1 and 12."
    assert page.date.text() == "1/13/2026" and page.date.message.isVisible() and page.date.edit.hasFocus()
    assert controller.workspace is not None
    with controller.workspace.transaction(write=False) as session:
        assert list(session.scalars(select(Contact))) == []
    qtbot.keyClick(page.date.edit, Qt.Key.Key_Backspace)  # everything was selected: she starts again
    day = validation.today() - dt.timedelta(days=3)
    qtbot.keyClicks(page.date.edit, f"{day.day}-{day.month}-{day.year % 100:02d}")
    assert not page.error.isVisible()
    qtbot.keyClick(page.date.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot)
    with controller.workspace.transaction(write=False) as session:
        assert [c.date for c in session.scalars(select(Contact))] == [day]
