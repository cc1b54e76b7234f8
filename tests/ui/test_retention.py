"""Administration, Retention tab and the disclosure threshold setting."""

from __future__ import annotations

from typing import Any

import pytest

from app.services import reports, retention
from app.ui.controller import AppController
from app.ui.kit import messages
from app.ui.pages.admin import AdminPage
from tests.conftest import ADMIN
from tests.ui import test_reports as shared
from tests.ui.helpers import click, log_in, open_page, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")
demo_master = shared.demo_master  # the shared demo-folder fixtures
demo_controller = shared.demo_controller


def admin_page(qtbot: Any, controller: AppController) -> AdminPage:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    open_page(qtbot, window, "admin")
    assert window.admin_page is not None
    wait_idle(qtbot)
    return window.admin_page


def test_retention_lists_due_cases_and_applies_after_confirmation(
    qtbot: Any, demo_controller: AppController
) -> None:
    page = admin_page(qtbot, demo_controller)
    tab = page.retention
    page.tabs.setCurrentWidget(tab)
    wait_idle(qtbot)
    assert tab.case_years.value() == 7
    tab.case_years.setValue(1)  # demo cases closed more than a year ago become due
    click(qtbot, tab.save_button)
    wait_idle(qtbot)
    assert tab.plan is not None and tab.plan.erase
    assert tab.due_list.count() == len(tab.plan.erase) + len(tab.plan.delete)
    first = tab.due_list.item(0).text()
    assert first.startswith(tab.plan.erase[0].code) and "erase" in first
    messages.set_next_answer(messages.Button.Yes)
    click(qtbot, tab.apply_button)
    wait_idle(qtbot, 60_000)
    assert "irreversible" in messages.answered[-1] and "erased for good" in messages.answered[-1]
    assert tab.result.text().startswith("Done")
    assert demo_controller.workspace is not None
    assert not retention.due_records(demo_controller.workspace).erase
    assert tab.case_years.suffix() == " year" and tab.audit_years.suffix() == " years"  # not "1 years"
    click(qtbot, tab.check_button)  # a new check: the line about the last run goes
    wait_idle(qtbot)
    assert not tab.result.text()


def test_retention_apply_can_be_declined(qtbot: Any, demo_controller: AppController) -> None:
    page = admin_page(qtbot, demo_controller)
    tab = page.retention
    page.tabs.setCurrentWidget(tab)
    wait_idle(qtbot)
    tab.case_years.setValue(1)
    click(qtbot, tab.save_button)
    wait_idle(qtbot)
    due = tab.due_list.count()
    messages.set_next_answer(messages.Button.No)
    click(qtbot, tab.apply_button)
    wait_idle(qtbot)
    assert tab.due_list.count() == due and not tab.result.text()


def test_disclosure_threshold_setting(qtbot: Any, demo_controller: AppController) -> None:
    page = admin_page(qtbot, demo_controller)
    page.tabs.setCurrentWidget(page.security)
    wait_idle(qtbot)
    box = page.disclosure
    assert box.isVisibleTo(page) and box.threshold.value() == 5 and box.threshold.minimum() == 3
    box.threshold.setValue(8)
    click(qtbot, box.save_button)
    wait_idle(qtbot)
    assert demo_controller.workspace is not None
    assert reports.disclosure_threshold(demo_controller.workspace) == 8
