"""The windowed program on a data folder this account may not list: the error page names the group and the
sign-out/sign-in step (issue #28, item 1). PermissionError injected as on Windows (tests run as root)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.services.constants import group_of_users
from app.ui.controller import AppController
from tests.test_folder_access import _deny
from tests.ui.helpers import wait_ready


def test_error_page_names_the_group(
    qapp: Any, qtbot: Any, tmp_path: Path, ui_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Ascolto"
    folder.mkdir()
    _deny(folder, monkeypatch)
    controller = AppController(qapp, folder)
    qtbot.addWidget(controller.shell)
    controller.start()
    wait_ready(qtbot, controller)
    try:
        shell = controller.shell
        assert shell.stack.currentWidget() is shell.error_page
        text = shell.error_page.message.text()
        assert group_of_users() in text and "sign out" in text
        assert controller.unlock_screen is None and controller.wizard is None
    finally:
        controller.shutdown()
