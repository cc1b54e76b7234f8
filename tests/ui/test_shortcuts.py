"""The window's shortcuts work wherever the focus is, and Ctrl+Enter sends a dialog as OK does."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services import accounts, cases
from app.services.cases import ConsentInput, IdentityInput, ProfileInput
from app.ui.controller import AppController
from tests.conftest import ADMIN
from tests.ui.helpers import click, log_in, open_page, type_into, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")

CTRL = Qt.KeyboardModifier.ControlModifier


def activate(qtbot: Any, window: QWidget) -> None:
    """A shortcut fires only in the active window: wait for it (slow under load)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_ctrl_f_keeps_the_focus_in_the_search_field_when_the_list_arrives(
    qtbot: Any, controller: AppController
) -> None:
    """Ctrl+F from "Oggi": the case list is read after the search field took the focus; its arrival must not
    move the focus to the table (what she types next is a search, not the table's own type-ahead)."""
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"], start="today")
    assert controller.workspace is not None
    consent = ConsentInput(scopes=("TRATTAMENTO",), date=dt.date.today())
    cases.open_case(controller.workspace, IdentityInput("Anna", "Colombo"), ProfileInput(), consent)
    activate(qtbot, controller.shell)
    window.today_page.focus_start()
    qtbot.keyClick(window.today_page, Qt.Key.Key_F, CTRL)
    assert window.cases_page.list.search.hasFocus()
    wait_idle(qtbot)
    assert window.cases_page.list.model.rowCount() == 1  # the list has arrived
    # the window's focus widget, whether or not the platform left the window active
    assert controller.shell.focusWidget() is window.cases_page.list.search


def test_find_and_new_case_from_the_sidebar_and_ctrl_enter_sends_dialogs(
    qtbot: Any, controller: AppController
) -> None:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"], start="admin")
    activate(qtbot, controller.shell)
    cases_row = window.page_keys().index("cases")

    window.navigation.setFocus()  # the sections list, on the Administration page
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, CTRL)
    assert window.pages.currentIndex() == cases_row and window.cases_page.list.search.hasFocus()

    open_page(qtbot, window, "admin")
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.pages.currentIndex() == cases_row
    wizard = window.cases_page.wizard
    assert wizard is not None and wizard.isVisible()
    wizard.consent.processing.setChecked(True)
    open_page(qtbot, window, "today")
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.cases_page.wizard is wizard and wizard.isVisible()  # the intake begun is not thrown away
    assert wizard.consent.processing.isChecked()

    # A form dialog of the kit: Ctrl+Return in its line field
    admin = window.admin_page
    assert admin is not None and controller.workspace is not None
    open_page(qtbot, window, "admin")
    admin.tabs.setCurrentWidget(admin.desks)
    click(qtbot, admin.desks.add_button)
    dialog: Any = admin.desks.dialog
    activate(qtbot, dialog)
    type_into(qtbot, dialog.name, "Sportello di Treviglio")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, CTRL)
    wait_idle(qtbot)
    names = [desk.name for desk in accounts.list_help_desks(controller.workspace, include_inactive=True)]
    assert "Sportello di Treviglio" in names

    # A case file dialog: the keypad's Ctrl+Enter in its notes, where plain Enter starts a new line
    consent = ConsentInput(scopes=("TRATTAMENTO",), date=dt.date.today())
    ref = cases.open_case(controller.workspace, IdentityInput("Anna", "Colombo"), ProfileInput(), consent)
    open_page(qtbot, window, "cases")
    window.cases_page.open_case(ref.id)
    wait_idle(qtbot)
    view = window.cases_page.case_view
    qtbot.waitUntil(lambda: view.case is not None)
    view.tabs.setCurrentWidget(view.referrals)
    click(qtbot, view.referrals.add_button)
    referral: Any = view.referrals.dialog
    activate(qtbot, referral)
    referral.destination.set_code("SERV_SOC")
    type_into(qtbot, referral.notes, "Accompagnata")
    qtbot.keyClick(referral.notes, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    wait_idle(qtbot)
    saved = cases.get_case(controller.workspace, ref.id).referrals
    assert [(r.destination, r.notes) for r in saved] == [("SERV_SOC", "Accompagnata")]

    # "Cases" in the sidebar, clicked again from the open case file, goes back to the list
    assert window.cases_page.stack.currentWidget() is view
    rect = window.navigation.visualItemRect(window.navigation.item(window.page_keys().index("cases")))
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.cases_page.stack.currentWidget() is window.cases_page.list
    assert view.case is None  # what is not on screen is not kept
