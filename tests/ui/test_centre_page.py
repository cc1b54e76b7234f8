"""The centre of several PCs in the window: Administration lists its PCs and what each sent, a missing
desk PC's period can be released without it after a confirmation, and the Reports page says which
installations a period's figures include. Built on the three PCs of tests/test_centre.py (no login)."""

from __future__ import annotations

from typing import Any

import pytest

from app.services import centre
from app.services.errors import UserError
from app.ui.kit import messages
from app.ui.pages.centre import CentreTab
from app.ui.pages.reports import ReportsPage
from tests.test_centre import Centre
from tests.ui.helpers import click, wait_idle

pytest_plugins = ["tests.test_centre"]
pytestmark = pytest.mark.usefixtures("ui_env")


def _sent(network: Centre) -> None:
    results = centre.receive(network.main, centre.send(network.desk, network.folder))
    assert not [r for r in results if isinstance(r, UserError)], results


def test_the_centres_pcs_and_a_release_without_one(qtbot: Any, network: Centre) -> None:
    _sent(network)
    tab = CentreTab(network.main)
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    qtbot.waitUntil(lambda: tab.installations.rowCount() == 3 and tab.periods.rowCount() > 0, timeout=10_000)
    assert not tab.alone.isVisibleTo(tab)
    names = [tab.installations.item(r, 0).text() for r in range(3)]
    assert set(names[1:]) == {"Sportello Dalmine", "Sportello Treviglio"}
    treviglio = names.index("Sportello Treviglio")
    assert tab.installations.item(treviglio, 4).text().startswith("no. ")  # its last bundle, and when
    row = next(r for r in range(tab.periods.rowCount()) if tab.periods.item(r, 2).text() == "missing")
    tab.periods.selectRow(row)
    assert tab.waive_button.isEnabled()
    messages.set_next_answer(messages.Button.No)  # asked first: No changes nothing
    click(qtbot, tab.waive_button)
    assert "Sportello Dalmine" in messages.answered[-1]
    wait_idle(qtbot)
    assert tab.statuses[row].state == "missing"
    messages.set_next_answer(messages.Button.Yes)
    click(qtbot, tab.waive_button)
    qtbot.waitUntil(lambda: tab.periods.item(row, 2).text() == "released without it", timeout=10_000)
    tab.periods.selectRow(row)
    assert not tab.waive_button.isEnabled()


def test_the_reports_page_says_which_installations_the_figures_include(qtbot: Any, network: Centre) -> None:
    _sent(network)
    page = ReportsPage(network.main)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.desks.list.count() > 0, timeout=10_000)
    click(qtbot, page.preview_button)
    qtbot.waitUntil(lambda: page.data is not None, timeout=30_000)
    wait_idle(qtbot)
    text = page.chosen_detail.text()
    assert "Figures of this PC and of: Sportello Treviglio." in text
    assert "Missing: Sportello Dalmine" in text
