"""Administration, structure tab: values entered from a date on, the earlier ones kept and shown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.services import structure
from app.ui.controller import AppController
from app.ui.pages.admin import AdminPage
from tests.conftest import ADMIN
from tests.ui.helpers import click, log_in, open_page, type_into, wait_idle
from tests.ui.test_intake import tick

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture
def admin_page(qtbot: Any, controller: AppController) -> AdminPage:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    open_page(qtbot, window, "admin")
    page = window.admin_page
    assert page is not None
    page.tabs.setCurrentWidget(page.structure)
    qtbot.waitUntil(lambda: page.structure.desk.count() >= 1)
    return page


def _set_date(qtbot: Any, page: AdminPage, day: dt.date) -> None:
    edit = page.structure.valid_from.edit
    edit.selectAll()
    type_into(qtbot, edit, day.strftime("%d/%m/%Y"))
    wait_idle(qtbot)


def test_desk_and_centre_values_hold_from_their_date(
    qtbot: Any, controller: AppController, admin_page: AdminPage
) -> None:
    tab = admin_page.structure
    first, second = dt.date(2025, 1, 1), dt.date(2025, 9, 1)
    _set_date(qtbot, admin_page, first)
    tick(qtbot, tab.days.boxes["LUN"])
    tick(qtbot, tab.days.boxes["GIO"])
    tab.hours.setValue(10)
    tick(qtbot, tab.languages.boxes["AR"])
    click(qtbot, tab.save_desk_button)
    wait_idle(qtbot)
    tab.paid["PSICOLOGA"].setValue(2)
    tab.volunteer["ACCOGLIENZA"].setValue(5)
    click(qtbot, tab.save_centre_button)
    wait_idle(qtbot)

    _set_date(qtbot, admin_page, second)  # the form shows what holds on that day: the values above
    qtbot.waitUntil(lambda: tab.hours.value_or_none() == 10)
    tab.hours.setValue(16)
    click(qtbot, tab.save_desk_button)
    wait_idle(qtbot)

    ws = controller.workspace
    assert ws is not None
    desk_id = tab.desk.currentData()
    spring = next(
        d for d in structure.structure_at(ws, dt.date(2025, 6, 1)).desks if d.help_desk_id == desk_id
    )
    autumn = next(
        d for d in structure.structure_at(ws, dt.date(2025, 10, 1)).desks if d.help_desk_id == desk_id
    )
    assert spring.structure == structure.DeskStructure(("LUN", "GIO"), 10, ("AR",))
    assert autumn.structure == structure.DeskStructure(("LUN", "GIO"), 16, ("AR",))
    centre = structure.structure_at(ws, dt.date(2025, 6, 1)).centre
    assert centre.staff_paid["PSICOLOGA"] == 2 and centre.staff_volunteer["ACCOGLIENZA"] == 5
    assert tab.history.count() == 6  # days, hours, languages; two staff counts; then the new hours
    assert "16" in tab.history.item(0).text() and "2025" in tab.history.item(0).text()

    _set_date(qtbot, admin_page, dt.date(2024, 12, 31))  # before anything was entered
    qtbot.waitUntil(lambda: tab.hours.value_or_none() is None)
    assert tab.days.codes() == ()
