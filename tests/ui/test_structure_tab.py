"""Administration, Struttura (ISTAT): what she enters is what a release's package states for the year."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.services import structure
from app.ui.controller import AppController
from tests.ui import test_reports as shared
from tests.ui.helpers import click, wait_idle
from tests.ui.test_retention import admin_page

pytestmark = pytest.mark.usefixtures("ui_env")
demo_master = shared.demo_master  # the shared demo-folder fixtures
demo_controller = shared.demo_controller


def test_the_centre_and_a_desk_are_entered_from_a_date_and_listed_as_changes(
    qtbot: Any, demo_controller: AppController
) -> None:
    page = admin_page(qtbot, demo_controller)
    tab = page.structure
    page.tabs.setCurrentWidget(tab)
    wait_idle(qtbot)
    tab.valid_from.set_day(dt.date(2025, 3, 1))
    wait_idle(qtbot)
    tab.adheres.set_code("SI")
    tab.h24.set_code("NO")
    tab.paid["PSICOLOGA"].set_value_or_none(2)
    click(qtbot, tab.save_centre_button)
    wait_idle(qtbot)
    tab.desk.setCurrentIndex(0)
    desk_id = tab.desk.currentData()
    tab.days.set_codes(("LUN", "GIO"))
    tab.hours.set_value_or_none(12)
    tab.languages.set_codes(("IT", "EN"))
    click(qtbot, tab.save_desk_button)
    wait_idle(qtbot)
    assert not tab.error.text()

    ws = demo_controller.workspace
    assert ws is not None
    held = structure.structure_at(ws, dt.date(2025, 12, 31))
    assert (held.centre.adheres_1522, held.centre.available_h24) == ("SI", "NO")
    assert held.centre.staff_paid["PSICOLOGA"] == 2
    desk = next(d for d in held.desks if d.help_desk_id == desk_id)
    assert desk.structure == structure.DeskStructure(("LUN", "GIO"), 12, ("IT", "EN"))
    assert structure.structure_at(ws, dt.date(2025, 2, 28)).centre.available_h24 == "ND"  # from the date on
    changes = [tab.history.item(i).text() for i in range(tab.history.count())]
    assert any("h24" in line for line in changes) and any("weekly hours" in line for line in changes)

    tab.valid_from.set_day(dt.date(2025, 1, 15))  # the form shows what held then: nothing yet
    wait_idle(qtbot)
    assert tab.h24.code() == "ND" and tab.hours.value_or_none() is None
