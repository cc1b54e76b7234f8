"""What an administrator is told after logging in: a rollback of the data folder seen at unlock."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.ui.controller import AppController
from app.ui.kit import operations
from tests.conftest import ADMIN
from tests.ui.helpers import type_into

pytestmark = pytest.mark.usefixtures("ui_env")


def test_a_rollback_seen_at_unlock_is_shown_after_login(qtbot: Any, controller: AppController) -> None:
    assert controller.workspace is not None and controller.unlock_screen is not None
    (controller.workspace.folder / "audit-head.json").unlink()  # as when an old copy was put back
    screen = controller.unlock_screen
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=30_000)
    type_into(qtbot, screen.username, ADMIN["username"])
    type_into(qtbot, screen.password, ADMIN["password"])
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.main_window is not None and operations.idle(), timeout=60_000)
    window = controller.main_window
    assert window is not None and window.notice is not None and window.notice.isVisibleTo(window)
    assert "audit-head.json is missing" in window.notice.text.text()
