"""Search in the notes from the case list: by keyboard, results with the words in bold, Enter opens the
case at the tab of the note found, every search audited without the words."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import demo
from app.ui.controller import AppController
from app.ui.pages.cases import CasesPage
from tests.case_fixtures import full_case
from tests.conftest import ADMIN
from tests.ui.helpers import log_in, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture
def page(qtbot: Any, controller: AppController) -> CasesPage:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    assert controller.workspace is not None
    demo.generate(controller.workspace, cases=40, seed=1)
    full_case(controller.workspace, "Teresa", "Galli", note="girasole")
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    page: CasesPage = window.cases_page
    wait_idle(qtbot)
    return page


def _audited(controller: AppController) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from app.models.audit import AuditEvent

    assert controller.workspace is not None
    with controller.workspace.transaction(write=False) as session:
        details = session.scalars(select(AuditEvent.detail).where(AuditEvent.action == "cases.listed")).all()
    return [json.loads(d or "{}") for d in details]


def test_search_in_notes_by_keyboard_and_open_the_case(
    qtbot: Any, controller: AppController, page: CasesPage
) -> None:
    listing = page.list
    listing.search.setFocus()
    qtbot.waitUntil(listing.search.hasFocus)
    qtbot.keyClick(listing.search, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # "Search in n&otes"
    qtbot.waitUntil(listing.in_notes.isChecked)
    wait_idle(qtbot)
    assert listing.results.currentWidget() is listing.empty and "words" in listing.empty.text()
    listing.search.setFocus()
    qtbot.keyClicks(listing.search, "GIRASOL")
    qtbot.keyClick(listing.search, Qt.Key.Key_Return)  # at once, without waiting for the pause
    wait_idle(qtbot)
    notes = listing.notes.model_
    assert listing.results.currentWidget() is listing.notes and notes.rowCount() == 1
    hit = notes.hit_at(0)
    assert hit is not None and hit.display_name == "Teresa Galli" and hit.field == "service"
    assert "<b>girasole</b>" in notes.data(notes.index(0, 4), Qt.ItemDataRole.UserRole + 1)
    assert listing.count.text() == "1 case whose notes hold the words"
    events = _audited(controller)
    assert events[-1]["search"] == "notes" and events[-1]["shown"] == 1
    assert all("girasol" not in json.dumps(e).casefold() for e in events)

    listing.search.setFocus()
    qtbot.keyClick(listing.search, Qt.Key.Key_Return)  # the only case: Enter opens it, at her services
    wait_idle(qtbot)
    assert page.stack.currentWidget() is page.case_view
    assert page.case_view.tabs.currentWidget() is page.case_view.services
    assert page.case_view.case is not None and page.case_view.case.code == hit.code


def test_results_open_on_enter_nothing_found_and_back_to_the_list(qtbot: Any, page: CasesPage) -> None:
    listing = page.list
    listing.status.setCurrentIndex(listing.status.findData("all"))
    listing.in_notes.setChecked(True)
    listing.search.setFocus()
    qtbot.keyClicks(listing.search, "colloquio")
    qtbot.waitUntil(lambda: listing.notes.model_.rowCount() > 1, timeout=5000)
    wait_idle(qtbot)
    qtbot.keyClick(listing.search, Qt.Key.Key_Down)
    assert listing.notes.hasFocus() and listing.notes.currentIndex().row() == 0
    first = listing.notes.model_.hit_at(0)
    assert first is not None
    qtbot.keyClick(listing.notes, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.stack.currentWidget() is page.case_view and page.case_view.case is not None
    assert page.case_view.case.id == first.case_id

    page.show_list()
    wait_idle(qtbot)
    listing.search.setFocus()
    listing.search.selectAll()
    qtbot.keyClicks(listing.search, "zzzz")
    qtbot.keyClick(listing.search, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert listing.results.currentWidget() is listing.empty and "No note" in listing.empty.text()
    listing.in_notes.setChecked(False)  # back to names and codes: the same text, the case list's answer
    wait_idle(qtbot)
    assert listing.results.currentWidget() is listing.empty and "zzzz" in listing.empty.text()
    assert listing.model.query.text == "zzzz"
