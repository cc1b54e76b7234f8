"""Administration, Backup tab: reminder banner, back up now, restore (round trip and refusal)."""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.services import accounts, cases
from app.services.workspace import Workspace
from app.ui.controller import AppController
from app.ui.kit import files
from app.ui.main_window import MainWindow
from app.ui.pages.backup import BackupTab
from tests.conftest import ADMIN
from tests.ui.helpers import click, log_in, open_page, type_into, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture(autouse=True)
def _no_preset_files() -> Any:
    files.reset()
    yield
    files.reset()


def _woman(ws: Workspace, first: str) -> int:
    day = date.today() - timedelta(days=5)
    return cases.open_case(
        ws,
        cases.IdentityInput(first, "Prova"),
        cases.ProfileInput(birth_year=1985, country="IT"),
        cases.ConsentInput(("TRATTAMENTO",), day),
        opened_on=day,
    ).id


def backup_tab(qtbot: Any, controller: AppController) -> tuple[MainWindow, BackupTab]:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    wait_idle(qtbot)
    open_page(qtbot, window, "admin")
    assert window.admin_page is not None
    tab = window.admin_page.backup
    window.admin_page.tabs.setCurrentWidget(tab)
    wait_idle(qtbot)
    return window, tab


def back_up(qtbot: Any, tab: BackupTab, folder: Path) -> Path:
    files.set_next(folder)
    click(qtbot, tab.backup_button)
    wait_idle(qtbot, 30_000)
    made = sorted(folder.glob("*.ascbak"))
    assert len(made) == 1 and made[0].name in tab.result.text()
    return made[0]


def test_backup_now_then_restore_round_trip(qtbot: Any, controller: AppController, tmp_path: Path) -> None:
    window, tab = backup_tab(qtbot, controller)
    assert controller.workspace is not None
    erika = _woman(controller.workspace, "Erika")
    time.sleep(1.1)  # times are stored to the second: "entered after the backup" needs a second between
    assert window.backup_banner is not None and window.backup_banner.isVisibleTo(window)
    assert "No backup" in tab.last.text()
    backup_file = back_up(qtbot, tab, tmp_path / "usb")
    assert not window.backup_banner.isVisibleTo(window)
    assert "No backup" not in tab.last.text()
    workspace = controller.workspace
    assert workspace is not None
    accounts.add_help_desk(workspace, "Sportello aggiunto dopo")  # not in the backup
    time.sleep(1.1)
    _woman(workspace, "Nuova")
    cases.erase_identity(workspace, erika)

    files.set_next(backup_file)
    click(qtbot, tab.restore_button)
    wait_idle(qtbot)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert backup_file.name in dialog.summary.text()
    assert "made: 1 case and 0 services." in dialog.undone.text()  # what will vanish, counted before
    assert (
        "1 erasure, consent withdrawal or revocation made since then is applied again" in dialog.undone.text()
    )
    click(qtbot, dialog.ok_button)  # not confirmed yet
    assert "Tick the box" in dialog.error.text()
    dialog.confirm.setChecked(True)
    type_into(qtbot, dialog.password, ADMIN["password"])
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, 30_000)
    qtbot.waitUntil(lambda: controller.main_window is not None and controller.main_window is not window)
    assert workspace.is_unlocked
    assert "Sportello aggiunto dopo" not in [d.name for d in accounts.list_help_desks(workspace)]
    assert list(workspace.backups_dir.glob("replaced-*"))  # the replaced database is kept aside
    restored = controller.main_window
    assert restored is not None and restored.notice is not None
    assert "was restored" in restored.notice.text.text()
    assert "applied again: 1." in restored.notice.text.text()
    assert cases.search_cases(workspace, "erika").total == 0  # her erasure outlived the restore


def test_a_refused_restore_keeps_the_session_and_the_database(
    qtbot: Any, controller: AppController, tmp_path: Path
) -> None:
    window, tab = backup_tab(qtbot, controller)
    backup_file = back_up(qtbot, tab, tmp_path / "usb")
    files.set_next(backup_file)
    click(qtbot, tab.restore_button)
    wait_idle(qtbot)
    dialog = tab.dialog
    assert dialog is not None
    dialog.confirm.setChecked(True)
    type_into(qtbot, dialog.password, "not the password of that time")
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, 30_000)
    assert controller.main_window is window and controller.workspace is not None
    assert controller.workspace.is_unlocked  # credentials are checked before anything is locked
    assert dialog.isVisible() and "credentials" in dialog.error.text()
    assert not list(controller.data_dir.joinpath("backups").glob("replaced-*"))
    dialog.reject()


def test_reminder_days_are_saved(qtbot: Any, controller: AppController) -> None:
    _window, tab = backup_tab(qtbot, controller)
    tab.reminder.setValue(30)
    click(qtbot, tab.save_reminder)
    wait_idle(qtbot)
    from app.services import backup

    assert controller.workspace is not None
    assert backup.backup_status(controller.workspace).reminder_days == 30


class _Volume:
    """What backup_start_folder reads of a QStorageInfo."""

    def __init__(self, root: str, read_only: bool = False) -> None:
        self.root, self.read_only = root, read_only

    def isValid(self) -> bool:
        return True

    def isReady(self) -> bool:
        return True

    def isReadOnly(self) -> bool:
        return self.read_only

    def rootPath(self) -> str:
        return self.root


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux mount points")
def test_the_folder_dialog_opens_on_a_usb_stick_or_home_never_in_the_data_folder() -> None:
    from app.ui.pages.backup import backup_start_folder

    stick = _Volume("/media/anna/CHIAVETTA")
    system = [_Volume("/"), _Volume("/home"), _Volume("/media/anna/CDROM", read_only=True)]
    assert backup_start_folder(system) == Path.home()  # type: ignore[arg-type]
    assert backup_start_folder([*system, stick]) == Path("/media/anna/CHIAVETTA")  # type: ignore[arg-type]
    assert backup_start_folder([_Volume("/run/media/anna/USB")]) == Path("/run/media/anna/USB")  # type: ignore[list-item]
