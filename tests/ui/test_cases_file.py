"""The case file: fast service entry, pathway goals, help-desk refusal, and clearing on lock."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit

from app.services import accounts, cases
from app.services.cases import ConsentInput, IdentityInput, ProfileInput
from app.services.workspace import Workspace
from app.ui import messages
from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from app.ui.pages.cases import CasesPage
from tests.conftest import ADMIN, OPERATOR
from tests.ui.helpers import click, log_in, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")


def new_case(ws: Workspace, first: str, last: str, desk_id: int | None = None) -> cases.CaseRef:
    consent = ConsentInput(scopes=("TRATTAMENTO", "STATISTICHE"), date=dt.date.today())
    return cases.open_case(ws, IdentityInput(first, last), ProfileInput(), consent, help_desk_id=desk_id)


def session(qtbot: Any, controller: AppController, user: dict[str, str]) -> MainWindow:
    window = log_in(qtbot, controller, user["username"], user["password"])
    wait_idle(qtbot)
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    return window


def open_case(qtbot: Any, page: CasesPage, case_id: int) -> None:
    page.list.model.set_query(page.list.query())
    wait_idle(qtbot)
    row = next(r for r in range(page.list.model.rowCount()) if page.list.model.case_at(r).id == case_id)  # type: ignore[union-attr]
    table = page.list.table
    rect = table.visualRect(page.list.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.case_view.case is not None and page.case_view.case.id == case_id)


@pytest.fixture
def admin_case(qtbot: Any, controller: AppController) -> tuple[MainWindow, cases.CaseRef]:
    window = session(qtbot, controller, ADMIN)
    assert controller.workspace is not None
    ref = new_case(controller.workspace, "Anna", "Colombo")
    open_case(qtbot, window.cases_page, ref.id)
    return window, ref


def test_fast_service_entry(
    qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]
) -> None:
    window, ref = admin_case
    view = window.cases_page.case_view
    qtbot.keyClick(view.tabs, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # focus the bar
    bar = view.services.bar
    assert view.tabs.currentWidget() is view.services and bar.service_type.hasFocus()
    assert (bar.mode.code(), bar.minutes.value(), bar.date.day()) == ("PRESENZA", 60, dt.date.today())
    qtbot.keyClicks(bar.service_type, "psy")  # "Individual psychological support"
    assert bar.service_type.code() == "PSICO_IND"
    qtbot.keyClick(bar.service_type, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.services.model.rowCount() == 1)
    assert controller.workspace is not None
    services = cases.get_case(controller.workspace, ref.id).services
    assert [(s.service_type, s.mode, s.minutes, s.operator_role) for s in services] == [
        ("PSICO_IND", "PRESENZA", 60, "ACCOGLIENZA")
    ]
    assert bar.service_type.code() == "PSICO_IND" and bar.service_type.hasFocus()  # last used type kept
    qtbot.keyClick(bar.service_type, Qt.Key.Key_Enter)  # a second one: one keystroke
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.services.model.rowCount() == 2)


def test_pathway_and_goal(qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]) -> None:
    window, ref = admin_case
    view = window.cases_page.case_view
    view.tabs.setCurrentWidget(view.pathway)
    tab = view.pathway
    assert not tab.goal_button.isEnabled()
    click(qtbot, tab.agree_button)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    click(qtbot, dialog.ok_button)  # type: ignore[attr-defined]
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.case is not None and view.case.pathway is not None)
    assert view.header.status.text() == "Pathway in progress"
    click(qtbot, tab.goal_button)
    dialog = tab.dialog
    assert dialog is not None
    dialog.area.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.area, "Hou")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.description, "A safe flat for her and the children")  # type: ignore[attr-defined]
    click(qtbot, dialog.ok_button)  # type: ignore[attr-defined]
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: tab.goals.rowCount() == 1)
    assert tab.goals.item(0, 0).text() == "Housing"  # type: ignore[union-attr]
    combo = tab.goals.cellWidget(0, 2)
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.keyClicks(combo, "In p")  # status changed in place
    wait_idle(qtbot)
    assert controller.workspace is not None
    qtbot.waitUntil(lambda: view.case is not None and view.case.pathway.goals[0].status == "IN_CORSO")  # type: ignore[union-attr]
    goal = cases.get_case(controller.workspace, ref.id).pathway.goals[0]  # type: ignore[union-attr]
    assert (goal.area, goal.description, goal.status) == (
        "ABITATIVA",
        "A safe flat for her and the children",
        "IN_CORSO",
    )


def test_operatrice_cannot_open_another_desks_case(qtbot: Any, controller: AppController) -> None:
    window = session(qtbot, controller, ADMIN)
    ws = controller.workspace
    assert ws is not None
    other_desk = accounts.add_help_desk(ws, "Sportello Dalmine")
    mine = new_case(ws, "Paola", "Ferri")
    theirs = new_case(ws, "Sara", "Galli", other_desk.id)
    controller.lock()
    window = session(qtbot, controller, OPERATOR)
    page: CasesPage = window.cases_page
    page.list.status.setCurrentIndex(page.list.status.findData("all"))
    wait_idle(qtbot)
    assert [page.list.model.case_at(r).code for r in range(page.list.model.rowCount())] == [mine.code]  # type: ignore[union-attr]
    assert not page.list.desk.isVisible()
    messages.set_next_answer(messages.Button.Ok)
    page.open_case(theirs.id)  # a direct attempt (e.g. a stale link): refused by the service, shown
    wait_idle(qtbot)
    assert messages.answered == ["This case belongs to another help desk: you cannot open or change it."]
    assert page.stack.currentWidget() is page.list and page.case_view.case is None


def visible_texts(root: Any) -> list[str]:
    """Every text a widget tree holds: labels, fields, combos, tables (all rows), window titles."""
    texts: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QLabel), *root.findChildren(QLineEdit)]:
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
    texts += [edit.toPlainText() for edit in root.findChildren(QPlainTextEdit)]
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        row = 0
        while model.hasIndex(row, 0):
            column = 0
            while model.hasIndex(row, column):
                texts.append(str(model.index(row, column).data() or ""))
                column += 1
            row += 1
    return texts


def test_lock_clears_the_case_views(
    qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]
) -> None:
    window, ref = admin_case
    page: CasesPage = window.cases_page
    click(qtbot, page.list.new_button)  # an intake started, with a name typed
    assert page.wizard is not None
    page.wizard.identity.form.first_name.setText("Colombo")
    assert any("Colombo" in t for t in visible_texts(window))
    assert any(ref.code in t for t in visible_texts(window))
    found: list[list[str]] = []
    clear = window.clear

    def spy() -> None:
        clear()
        found.append([t for t in visible_texts(window) if ref.code in t or "Anna" in t or "Colombo" in t])

    window.clear = spy  # type: ignore[method-assign]
    controller.lock()
    assert found == [[]]
    assert controller.main_window is None
    assert not [w for w in QApplication.allWidgets() if isinstance(w, CasesPage)] or all(
        not w.isVisible() for w in QApplication.allWidgets() if isinstance(w, CasesPage)
    )


def test_profile_tab_saves_identity_and_profile_together(
    qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]
) -> None:
    window, ref = admin_case
    tab = window.cases_page.case_view.profile
    window.cases_page.case_view.tabs.setCurrentWidget(tab)
    tab.identity.last_name.setText("Colombo Bianchi")
    tab.profile.birth_year.set_value_or_none(1985)
    click(qtbot, tab.save_button)
    wait_idle(qtbot)
    assert controller.workspace is not None
    case = cases.get_case(controller.workspace, ref.id)
    assert case.identity is not None and case.identity.last_name == "Colombo Bianchi"
    assert case.profile.birth_year == 1985
