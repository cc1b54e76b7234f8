"""The case list pages through results (fetchMore) and filters as she types."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from app import demo
from app.services import cases
from app.ui.controller import AppController
from app.ui.pages.cases import CasesPage
from tests.conftest import ADMIN
from tests.ui.helpers import log_in, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture
def page(qtbot: Any, controller: AppController) -> CasesPage:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    assert controller.workspace is not None
    demo.generate(controller.workspace, cases=120, seed=1)
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    page: CasesPage = window.cases_page
    page.list.status.setCurrentIndex(page.list.status.findData("all"))
    wait_idle(qtbot)
    return page


def test_the_model_pages_through_results(qtbot: Any, page: CasesPage) -> None:
    model = page.list.model
    assert model.total == 120
    assert model.rowCount() == model.page_size == 100  # never everything at once
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())  # one page in flight at a time
    wait_idle(qtbot)
    assert model.rowCount() == 120 and not model.canFetchMore(QModelIndex())
    codes = [model.case_at(r).code for r in range(120)]  # type: ignore[union-attr]
    assert codes == sorted(codes, key=lambda c: (c[3:7], c[8:]), reverse=True) and len(set(codes)) == 120
    assert page.list.count.text() == "120 cases"


def test_scrolling_to_the_end_fetches_the_next_page(qtbot: Any, page: CasesPage) -> None:
    table = page.list.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 120)


def test_filters_status_sort_and_empty_state(qtbot: Any, controller: AppController, page: CasesPage) -> None:
    assert controller.workspace is not None
    listing = page.list
    listing.status.setCurrentIndex(listing.status.findData("open"))
    wait_idle(qtbot)
    expected = cases.search_cases(controller.workspace, statuses=cases.OPEN_STATUSES).total
    assert listing.model.total == expected
    header = listing.table.horizontalHeader()
    header.setSortIndicator(4, Qt.SortOrder.AscendingOrder)  # opened on, oldest first
    wait_idle(qtbot)
    dates = [listing.model.case_at(r).opened_on for r in range(listing.model.rowCount())]  # type: ignore[union-attr]
    assert dates == sorted(dates)
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # name: by surname, then first name
    wait_idle(qtbot)
    names = [listing.model.case_at(r).display_name for r in range(listing.model.rowCount())]  # type: ignore[union-attr]
    surnames = [n.split(" ", 1)[-1].casefold() for n in names]
    assert header.sortIndicatorSection() == 1 and surnames == sorted(surnames)
    listing.search.setFocus()
    qtbot.keyClicks(listing.search, "zzzz")
    qtbot.waitUntil(lambda: listing.model.query.text == "zzzz", timeout=3000)
    wait_idle(qtbot)
    assert listing.model.rowCount() == 0
    assert listing.results.currentWidget() is listing.empty and "zzzz" in listing.empty.text()


def _listed(controller: AppController) -> list[dict[str, Any]]:
    """The case-list audit events, oldest first (their details: the filter, never the text typed)."""
    from sqlalchemy import select

    from app.models.audit import AuditEvent

    assert controller.workspace is not None
    with controller.workspace.transaction(write=False) as session:
        details = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "cases.listed").order_by(AuditEvent.id)
        ).all()
    return [json.loads(d or "{}") for d in details]


def test_each_page_shown_is_one_audit_event_without_the_text(
    qtbot: Any, controller: AppController, page: CasesPage
) -> None:
    """Paging through names is a read of personal data: one event per page or search, not per row."""
    before = len(_listed(controller))
    page.list.model.fetchMore(QModelIndex())
    wait_idle(qtbot)
    events = _listed(controller)
    assert len(events) == before + 1
    assert events[-1]["offset"] == 100 and events[-1]["shown"] == 20 and events[-1]["text"] is False
    listing = page.list
    listing.search.setFocus()
    qtbot.keyClicks(listing.search, "Rossi")
    qtbot.waitUntil(lambda: listing.model.query.text == "Rossi", timeout=3000)
    wait_idle(qtbot)
    events = _listed(controller)
    assert events[-1]["text"] is True and events[-1]["offset"] == 0
    assert all("Rossi" not in json.dumps(e) and "rossi" not in json.dumps(e) for e in events)
