"""The Outbox page: an administrator sets a folder route, a release made afterwards waits there, Send now
delivers it and the table says so in words; the route's summary never shows a password."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.reports.periods import Period
from app.services import releases, reports
from app.ui.controller import AppController
from app.ui.kit import messages
from app.ui.pages.outbox import RouteDialog
from tests.conftest import ADMIN
from tests.ui import conftest as shared
from tests.ui.helpers import click, log_in, open_page, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")
demo_master = shared.demo_master
demo_controller = shared.demo_controller


def test_a_route_set_in_the_window_delivers_a_release_with_send_now(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    window = log_in(qtbot, demo_controller, ADMIN["username"], ADMIN["password"])
    open_page(qtbot, window, "outbox")
    page = window.outbox_page
    assert page is not None and page.route_button.isVisibleTo(page)
    wait_idle(qtbot)
    assert page.items.rowCount() == 0 and "carried by hand" in page.routes_label.text()

    stick = tmp_path / "chiavetta"
    stick.mkdir()
    click(qtbot, page.route_button)
    dialog = next(w for w in page.findChildren(RouteDialog))
    dialog.kind.setCurrentIndex(1)  # folder
    dialog.folder.setText(str(stick))
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: str(stick) in page.routes_label.text())

    workspace = demo_controller.workspace
    assert workspace is not None
    data = reports.prepare(workspace, Period.year(date.today().year - 1))
    releases.export(workspace, data, tmp_path / "anno.json")  # the release queues itself for the network
    page.refresh()
    wait_idle(qtbot)
    assert page.items.rowCount() == 1 and page.items.item(0, 0).text() == "waiting"  # type: ignore[union-attr]

    messages.set_next_answer(messages.Button.Ok)
    click(qtbot, page.send_button)
    wait_idle(qtbot, 30_000)
    qtbot.waitUntil(lambda: page.items.item(0, 0).text() == "delivered")  # type: ignore[union-attr]
    delivered = sorted(p.name for p in stick.iterdir())
    assert len(delivered) == 2 and delivered[0].endswith(".json") and delivered[1].endswith(".pdf")
