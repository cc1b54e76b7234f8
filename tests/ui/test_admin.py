"""Administration: only for administrators; operators, help desks, settings, passwords, recovery key."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.services import accounts
from app.services.errors import PermissionDenied
from app.ui.controller import AppController
from app.ui.kit import messages
from app.ui.main_window import MainWindow
from app.ui.pages.admin import AdminPage
from app.ui.pages.recovery import RecoveryKeyDialog
from app.ui.settings import IDLE_LOCK_MINUTES, UiSettings
from tests.conftest import ADMIN, OPERATOR
from tests.ui.helpers import click, log_in, open_page, type_into, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture
def admin_page(qtbot: Any, controller: AppController) -> AdminPage:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    open_page(qtbot, window, "admin")
    page = window.admin_page
    assert page is not None
    qtbot.waitUntil(lambda: page.operators.table.rowCount() == 2)
    return page


def table_column(page: AdminPage, column: int) -> list[str]:
    table = page.operators.table
    return [table.item(row, column).text() for row in range(table.rowCount())]  # type: ignore[union-attr]


def select_operator(qtbot: Any, page: AdminPage, username: str) -> None:
    table = page.operators.table
    row = table_column(page, 0).index(username)
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.operators.selected() is not None


def test_operatrice_does_not_see_administration(qtbot: Any, controller: AppController) -> None:
    window = log_in(qtbot, controller, OPERATOR["username"], OPERATOR["password"])
    assert window.page_keys() == [
        "today",
        "agenda",
        "cases",
        "contact",
    ]  # reports and network are for coordinators
    assert window.admin_page is None and not window.findChildren(AdminPage)
    assert controller.workspace is not None
    with pytest.raises(PermissionDenied):  # and the services refuse anyway
        accounts.list_operators(controller.workspace)


def test_operators_table(admin_page: AdminPage) -> None:
    assert table_column(admin_page, 0) == [OPERATOR["username"], ADMIN["username"]]
    assert table_column(admin_page, 2) == ["Operator", "Administrator"]
    assert table_column(admin_page, 4) == ["yes", "yes"]


def test_admin_adds_an_operator(qtbot: Any, admin_page: AdminPage) -> None:
    click(qtbot, admin_page.operators.add_button)
    dialog = admin_page.operators.dialog
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog.full_name, "Giulia Verdi")
    type_into(qtbot, dialog.username, "gverdi")
    dialog.role.setFocus()
    qtbot.keyClicks(dialog.role, "C")  # keyboard search in the combo: Coordinator
    assert dialog.role.currentData() == "coordinatrice"
    type_into(qtbot, dialog.passwords.password, "quaderno salice vento lupo")
    type_into(qtbot, dialog.passwords.repeat, "quaderno salice vento lupo")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: admin_page.operators.table.rowCount() == 3, timeout=10_000)
    assert "gverdi" in table_column(admin_page, 0)
    assert "Giulia Verdi" in table_column(admin_page, 1)


def test_add_operator_refusal_is_shown_in_the_dialog(qtbot: Any, admin_page: AdminPage) -> None:
    click(qtbot, admin_page.operators.add_button)
    dialog = admin_page.operators.dialog
    assert dialog is not None
    type_into(qtbot, dialog.username, OPERATOR["username"])
    type_into(qtbot, dialog.passwords.password, "quaderno salice vento lupo")
    click(qtbot, dialog.ok_button)
    assert dialog.error.text() == "The two passwords are different."
    type_into(qtbot, dialog.passwords.repeat, "quaderno salice vento lupo")
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    assert dialog.isVisible() and dialog.error.text() == f"The user name {OPERATOR['username']} is taken."


def test_revoke_asks_and_explains_the_key_rotation(qtbot: Any, admin_page: AdminPage) -> None:
    select_operator(qtbot, admin_page, OPERATOR["username"])
    messages.set_next_answer(messages.Button.No)
    click(qtbot, admin_page.operators.revoke_button)
    assert "The data key of the database is then replaced" in messages.answered[-1]
    assert "Backup files made before today still open with her old password" in messages.answered[-1]
    wait_idle(qtbot)
    assert table_column(admin_page, 4) == ["yes", "yes"]

    select_operator(qtbot, admin_page, OPERATOR["username"])
    messages.set_next_answer(messages.Button.Yes)
    messages.set_next_answer(messages.Button.No)  # no new recovery key this time
    click(qtbot, admin_page.operators.revoke_button)
    qtbot.waitUntil(lambda: table_column(admin_page, 4) == ["revoked", "yes"], timeout=10_000)
    qtbot.waitUntil(lambda: len(messages.answered) == 3, timeout=10_000)
    assert messages.answered[1].startswith("Revoke the access of Lucia Bianchi")
    assert messages.answered[2].startswith("Access revoked. Make a new recovery key now?")
    assert "signing key were replaced" in messages.answered[2]


def test_after_revoking_a_new_recovery_key_is_offered(qtbot: Any, admin_page: AdminPage) -> None:
    select_operator(qtbot, admin_page, OPERATOR["username"])
    messages.set_next_answer(messages.Button.Yes)
    messages.set_next_answer(messages.Button.Yes)
    click(qtbot, admin_page.operators.revoke_button)
    qtbot.waitUntil(lambda: isinstance(admin_page.operators.dialog, RecoveryKeyDialog), timeout=10_000)
    dialog = admin_page.operators.dialog
    assert isinstance(dialog, RecoveryKeyDialog)
    dialog.done(0)


def test_own_account_cannot_be_revoked_from_the_table(qtbot: Any, admin_page: AdminPage) -> None:
    select_operator(qtbot, admin_page, ADMIN["username"])
    assert admin_page.operators.reset_button.isEnabled()
    assert not admin_page.operators.revoke_button.isEnabled()


def test_reset_password(qtbot: Any, controller: AppController, admin_page: AdminPage) -> None:
    select_operator(qtbot, admin_page, OPERATOR["username"])
    click(qtbot, admin_page.operators.reset_button)
    dialog = admin_page.operators.dialog
    assert dialog is not None
    type_into(qtbot, dialog.passwords.password, "nuova parola segreta lunga")
    type_into(qtbot, dialog.passwords.repeat, "nuova parola segreta lunga")
    qtbot.keyClick(dialog.passwords.repeat, Qt.Key.Key_Return)  # Enter submits
    wait_idle(qtbot)
    controller.lock()
    log_in(qtbot, controller, OPERATOR["username"], "nuova parola segreta lunga")


def test_add_help_desk(qtbot: Any, admin_page: AdminPage) -> None:
    admin_page.tabs.setCurrentWidget(admin_page.desks)
    click(qtbot, admin_page.desks.add_button)
    dialog = admin_page.desks.dialog
    assert dialog is not None
    type_into(qtbot, dialog.name, "Sportello Treviglio")
    type_into(qtbot, dialog.town, "Treviglio")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: admin_page.desks.list.count() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: len(admin_page.operators.desks) == 2, timeout=10_000)


def test_rename_close_and_reopen_a_help_desk(qtbot: Any, admin_page: AdminPage) -> None:
    tab = admin_page.desks
    admin_page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=10_000)
    tab.list.setCurrentRow(0)
    assert (
        tab.rename_button.isEnabled() and tab.close_button.isEnabled() and not tab.reopen_button.isEnabled()
    )
    click(qtbot, tab.rename_button)
    dialog = tab.dialog
    assert dialog is not None
    dialog.name.clear()  # type: ignore[attr-defined]
    type_into(qtbot, dialog.name, "Sportello Bergamo Alta")  # type: ignore[attr-defined]
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(
        lambda: tab.list.item(0) is not None and tab.list.item(0).text() == "Sportello Bergamo Alta"
    )
    tab.list.setCurrentRow(0)
    messages.set_next_answer(messages.Button.Yes)
    click(qtbot, tab.close_button)
    qtbot.waitUntil(lambda: "(closed)" in tab.list.item(0).text(), timeout=10_000)
    assert "no new cases" in messages.answered[-1]
    tab.list.setCurrentRow(0)
    click(qtbot, tab.reopen_button)
    qtbot.waitUntil(lambda: "(closed)" not in tab.list.item(0).text(), timeout=10_000)
    admin_page.tabs.setCurrentWidget(admin_page.centre)  # a PC alone: the centre's page says so
    qtbot.waitUntil(lambda: admin_page.centre.alone.isVisibleTo(admin_page.centre), timeout=10_000)
    assert not admin_page.centre.periods.isVisibleTo(admin_page.centre)


def test_idle_minutes_setting(qtbot: Any, controller: AppController, admin_page: AdminPage) -> None:
    tab = admin_page.security
    admin_page.tabs.setCurrentWidget(tab)
    assert tab.idle_minutes.value() == 5
    tab.idle_minutes.setFocus()
    tab.idle_minutes.selectAll()
    qtbot.keyClicks(tab.idle_minutes, "12")
    click(qtbot, tab.save_button)
    assert UiSettings(controller.data_dir).get(IDLE_LOCK_MINUTES) == 12
    assert controller.idle.timeout_seconds == 12 * 60


def test_change_own_password(qtbot: Any, controller: AppController, admin_page: AdminPage) -> None:
    window = controller.main_window
    assert isinstance(window, MainWindow)
    window.change_password_action.trigger()
    dialog = window.dialog
    assert dialog is not None
    type_into(qtbot, dialog.current, ADMIN["password"])
    type_into(qtbot, dialog.passwords.password, "un altro sentiero nel bosco")
    type_into(qtbot, dialog.passwords.repeat, "un altro sentiero nel bosco")
    messages.set_next_answer(messages.Button.Ok)
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    assert messages.answered == ["Your password has been changed."]
    controller.lock()
    log_in(qtbot, controller, ADMIN["username"], "un altro sentiero nel bosco")


def test_regenerate_recovery_key_shows_it_once(qtbot: Any, admin_page: AdminPage) -> None:
    tab = admin_page.security
    admin_page.tabs.setCurrentWidget(tab)
    messages.set_next_answer(messages.Button.Yes)
    click(qtbot, tab.regenerate_button)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=10_000)
    dialog = tab.dialog
    assert dialog is not None
    assert len(dialog.panel.key_label.text().split()) == 9
    assert not dialog.close_button.isEnabled()
    dialog.reject()  # Escape: not before she confirms
    assert dialog.isVisible()
    click(qtbot, dialog.panel.confirm)
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()
