"""A damaged database file: a clear screen instead of an error, and a way back through a backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.services import backup
from app.services.workspace import Workspace
from app.ui.controller import AppController
from app.ui.kit import files
from app.ui.pages.damaged import DamagedScreen
from tests.conftest import ADMIN, OPERATOR
from tests.ui.helpers import click, type_into, unlock, wait_idle, wait_ready

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture
def damaged_folder(set_up_folder: Path, tmp_path: Path) -> Path:
    """A backup in the data folder's backups/, then page 1 of the database scrambled."""
    workspace = Workspace.open(set_up_folder)
    with workspace:
        workspace.unlock(ADMIN["username"], ADMIN["password"])
        backup.make_backup(workspace, workspace.backups_dir)
    db = set_up_folder / "ascolto.db"
    raw = bytearray(db.read_bytes())
    for i in range(200, 600):
        raw[i] ^= 0x5A
    db.write_bytes(bytes(raw))
    return set_up_folder


@pytest.fixture
def app_on_damaged(qapp: Any, qtbot: Any, damaged_folder: Path, ui_env: None) -> Any:
    files.reset()
    controller = AppController(qapp, damaged_folder)
    qtbot.addWidget(controller.shell)
    controller.start()
    wait_ready(qtbot, controller)
    yield controller
    controller.shutdown()
    files.reset()


def test_damaged_database_shows_the_screen_and_restores(qtbot: Any, app_on_damaged: AppController) -> None:
    controller = app_on_damaged
    damaged_bytes = (controller.data_dir / "ascolto.db").read_bytes()
    unlock(qtbot, controller, ADMIN["username"], ADMIN["password"])
    screen = controller.damaged_screen
    assert isinstance(screen, DamagedScreen)
    assert controller.shell.stack.currentWidget() is screen
    assert screen.list.count() == 1 and screen.restore_button.isEnabled()
    assert (controller.data_dir / "ascolto.db").read_bytes() == damaged_bytes  # untouched
    click(qtbot, screen.restore_button)
    wait_idle(qtbot)
    dialog = screen.dialog
    assert dialog is not None and dialog.username.text() == ADMIN["username"]
    dialog.confirm.setChecked(True)
    type_into(qtbot, dialog.password, ADMIN["password"])
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, 30_000)
    qtbot.waitUntil(lambda: controller.main_window is not None)
    assert controller.workspace is not None and controller.workspace.is_unlocked
    kept = list(controller.workspace.backups_dir.glob("replaced-*/ascolto.db"))
    assert kept and kept[0].read_bytes() == damaged_bytes


def test_backups_from_another_folder_and_back_to_sign_in(
    qtbot: Any, app_on_damaged: AppController, tmp_path: Path
) -> None:
    controller = app_on_damaged
    unlock(qtbot, controller, OPERATOR["username"], OPERATOR["password"])
    screen = controller.damaged_screen
    assert screen is not None
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "ascolto-BG-20990101-000000-r0004.ascbak").write_bytes(b"x")
    files.set_next(usb)
    click(qtbot, screen.folder_button)
    assert screen.list.count() == 2 and screen.list.currentRow() == 0
    assert "20990101" in screen.list.currentItem().text()
    click(qtbot, screen.back_button)
    assert controller.shell.stack.currentWidget() is controller.unlock_screen


def test_a_wrong_password_is_not_taken_for_damage(qtbot: Any, controller: AppController) -> None:
    unlock(qtbot, controller, ADMIN["username"], "wrong password here")
    assert controller.damaged_screen is None
    assert controller.unlock_screen is not None and controller.unlock_screen.message.text()
