"""Unlock screen: wrong then right password, throttling, the failed-attempts banner, the recovery key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.services.workspace import Workspace
from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from tests.conftest import ADMIN, CENTRE, OPERATOR
from tests.ui.helpers import click, log_in, type_into, unlock, wait_idle, wait_ready

pytestmark = pytest.mark.usefixtures("ui_env")


def test_nothing_but_the_unlock_screen_before_unlock(controller: AppController) -> None:
    assert controller.shell.stack.currentWidget() is controller.unlock_screen
    assert controller.main_window is None and not controller.shell.findChildren(MainWindow)
    assert controller.workspace is not None and not controller.workspace.is_unlocked
    screen = controller.unlock_screen
    assert screen is not None and screen.username.hasFocus()
    assert screen.password.echoMode() == screen.password.EchoMode.Password


def test_wrong_then_right_password(qtbot: Any, controller: AppController) -> None:
    screen = controller.unlock_screen
    assert screen is not None
    unlock(qtbot, controller, OPERATOR["username"], "not her password at all")
    assert screen.message.isVisible() and screen.message.text() == "Wrong user name or password."
    assert screen.password.text() == "" and controller.main_window is None

    window = log_in(qtbot, controller, OPERATOR["username"], OPERATOR["password"])
    assert controller.shell.stack.currentWidget() is window
    assert window.banner is not None and window.banner.isVisible()
    assert window.banner.text.text().startswith("1 failed login attempt on your account")
    assert window.banner.text.text().endswith("If it was not you, tell your administrator.")
    assert window.who.text() == f"{OPERATOR['full_name']}  ·  Operator  ·  {CENTRE['desk_name']}"


def test_login_delayed_after_four_failures(qtbot: Any, controller: AppController) -> None:
    screen = controller.unlock_screen
    assert screen is not None
    for _ in range(4):
        unlock(qtbot, controller, ADMIN["username"], "wrong wrong wrong wrong")
        assert screen.message.text() == "Wrong user name or password."
    unlock(qtbot, controller, ADMIN["username"], ADMIN["password"])  # even the right one must wait
    assert "You can try again in 2 seconds." in screen.message.text()
    assert not screen.unlock_button.isEnabled()
    assert controller.main_window is None
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=5000)
    assert not screen.message.isVisible()
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    assert window.banner is not None and window.banner.text.text().startswith("4 failed login attempts")
    assert window.banner.text.text().endswith("change your password now.")  # not "tell your administrator"


def test_enter_in_user_name_moves_to_password(qtbot: Any, controller: AppController) -> None:
    screen = controller.unlock_screen
    assert screen is not None
    type_into(qtbot, screen.username, ADMIN["username"])
    qtbot.keyClick(screen.username, Qt.Key.Key_Return)
    assert screen.password.hasFocus()
    click(qtbot, screen.unlock_button)
    assert screen.message.text() == "Enter your user name and password."


@pytest.fixture
def recovery_folder(data_dir: Path, fast_kdf: Any) -> tuple[Path, str]:
    workspace, key = Workspace.initialise(
        data_dir,
        username=ADMIN["username"],
        full_name=ADMIN["full_name"],
        password=ADMIN["password"],
        kdf=fast_kdf,
        **CENTRE,
    )
    workspace.close()
    return data_dir, key


def test_forgotten_password_with_the_recovery_key(
    qapp: Any, qtbot: Any, recovery_folder: tuple[Path, str]
) -> None:
    folder, key = recovery_folder
    controller = AppController(qapp, folder)
    qtbot.addWidget(controller.shell)
    controller.start()
    try:
        wait_ready(qtbot, controller)
        screen = controller.unlock_screen
        assert screen is not None
        type_into(qtbot, screen.username, ADMIN["username"])
        click(qtbot, screen.forgot_button)
        dialog = screen.recover_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.username.text() == ADMIN["username"]
        type_into(qtbot, dialog.key, key.lower().replace("-", " "))
        new_password = "nuova lanterna sul lago"
        type_into(qtbot, dialog.passwords.password, new_password)
        type_into(qtbot, dialog.passwords.repeat, new_password)
        click(qtbot, dialog.ok_button)
        wait_idle(qtbot)
        qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10_000)
        assert controller.shell.stack.currentWidget() is controller.main_window
        controller.lock()
        log_in(qtbot, controller, ADMIN["username"], new_password)
    finally:
        controller.shutdown()


def test_wrong_recovery_key_is_explained_in_the_dialog(qtbot: Any, controller: AppController) -> None:
    screen = controller.unlock_screen
    assert screen is not None
    click(qtbot, screen.forgot_button)
    dialog = screen.recover_dialog
    assert dialog is not None
    type_into(qtbot, dialog.key, "0000-0000-0000-0000-0000-0000-0000-0000-0000")
    type_into(qtbot, dialog.username, ADMIN["username"])
    type_into(qtbot, dialog.passwords.password, "nuova lanterna sul lago")
    type_into(qtbot, dialog.passwords.repeat, "nuova lanterna sul lago")
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "recovery key" in dialog.error.text()
    assert controller.main_window is None
