"""What she finds on the next start: the window where she left it, the language she reads, and after a
restore a message that it worked and a reminder that knows the backup exists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from app.ui.controller import AppController
from app.ui.i18n import install_translators
from app.ui.kit import files, geometry
from app.ui.settings import LANGUAGE, WINDOW_GEOMETRY, WINDOW_MAXIMISED, UiSettings
from tests.conftest import ADMIN
from tests.ui.helpers import click, log_in, open_page, type_into, wait_idle, wait_ready
from tests.ui.test_backup import back_up, backup_tab

pytestmark = pytest.mark.usefixtures("ui_env")


def restart(qtbot: Any, controller: AppController) -> AppController:
    """Close the window as she does (the close button), then start again on the same folder."""
    folder = controller.data_dir
    controller.shell.close()
    again = AppController(controller.app, folder)
    qtbot.addWidget(again.shell)
    again.start()
    qtbot.waitExposed(again.shell)
    wait_ready(qtbot, again)
    return again


def test_geometry_and_maximised_state_survive_a_restart(qtbot: Any, controller: AppController) -> None:
    available = QGuiApplication.primaryScreen().availableGeometry()
    placed = QRect(available.left() + 40, available.top() + 60, 730, 460)
    controller.shell.setGeometry(placed)
    qtbot.wait(50)
    again = restart(qtbot, controller)
    try:
        assert again.shell.geometry() == placed
        settings = UiSettings(controller.data_dir)
        assert settings.get(WINDOW_MAXIMISED) == 0
        again.shell.showMaximized()
        qtbot.waitUntil(again.shell.isMaximized)
        third = restart(qtbot, again)
        try:
            assert third.shell.isMaximized()
            assert settings.get(WINDOW_MAXIMISED) == 1
            assert parse_saved(controller.data_dir) == placed  # the normal geometry is kept for later
        finally:
            third.shutdown()
    finally:
        again.shutdown()


def parse_saved(folder: Path) -> QRect | None:
    return geometry.parse(UiSettings(folder).get(WINDOW_GEOMETRY))


def test_after_a_restore_she_is_told_and_the_reminder_knows_the_backup(
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
    type_into(qtbot, dialog.password, ADMIN["password"])
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot, 30_000)
    qtbot.waitUntil(lambda: controller.main_window is not None and controller.main_window is not window)
    restored = controller.main_window
    assert restored is not None
    wait_idle(qtbot)
    assert restored.notice is not None and restored.notice.isVisibleTo(restored)
    assert "was restored" in restored.notice.text.text()
    assert restored.backup_banner is not None and not restored.backup_banner.isVisibleTo(restored)
    open_page(qtbot, restored, "admin")
    assert restored.admin_page is not None
    restored.admin_page.tabs.setCurrentWidget(restored.admin_page.backup)
    wait_idle(qtbot)
    assert "No backup" not in restored.admin_page.backup.last.text()


@pytest.mark.parametrize(("running", "shown"), [("en", "English"), ("it", "Italiano")])
def test_the_language_setting_shows_the_language_running(
    qtbot: Any, controller: AppController, qapp: Any, running: str, shown: str
) -> None:
    saved = "it" if running == "en" else "en"
    settings = UiSettings(controller.data_dir)
    settings.set(LANGUAGE, saved)
    install_translators(qapp, running)  # as `ascolto --language` does over the saved setting
    try:
        window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
        wait_idle(qtbot)
        assert window.admin_page is not None
        assert window.admin_page.security.language.currentText() == shown
    finally:
        install_translators(qapp, "en")


def test_a_saved_geometry_is_clamped_to_a_smaller_screen() -> None:
    """Closed on a large monitor, reopened on the laptop: the window comes back whole and on screen."""
    laptop = QRect(0, 0, 1366, 728)
    shown = geometry.clamped(QRect(1500, -200, 1900, 1100), laptop)
    assert laptop.contains(shown)
    assert shown.width() <= laptop.width() - geometry.FRAME_ALLOWANCE.width()
    assert shown.height() <= laptop.height() - geometry.FRAME_ALLOWANCE.height()
    assert geometry.clamped(QRect(100, 100, 800, 500), laptop) == QRect(100, 100, 800, 500)
    first = geometry.first_geometry(laptop)
    assert laptop.contains(first) and first.center() == laptop.center()


def test_a_page_is_built_when_first_shown_not_at_unlock(qtbot: Any, controller: AppController) -> None:
    """Unlock shows "Oggi" without building the other pages (two seconds of an administrator's unlock
    went to building pages she may not open); a page appears whole the first time she opens it."""
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"], start=None)
    keys = window.page_keys()
    assert keys[0] == "today" and "admin" in keys

    def built(key: str) -> bool:
        return window.pages.widget(keys.index(key)).widget() is not None

    assert [key for key in keys if built(key)] == ["today"]
    open_page(qtbot, window, "admin")
    wait_idle(qtbot)
    assert built("admin") and window.admin_page is window.page(keys.index("admin"))
    assert window.admin_page.isVisible() and not built("reports")
