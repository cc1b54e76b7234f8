"""The case file: fast service entry, pathway goals, help-desk refusal, and clearing on lock."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit

from app.services import accounts, cases, validation
from app.services.cases import ConsentInput, IdentityInput, ProfileInput
from app.services.workspace import Workspace
from app.ui.controller import AppController
from app.ui.kit import messages
from app.ui.kit.date_field import DateField
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
    window.activateWindow()  # a window shortcut fires only in the active window (flaky under load otherwise)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(view.tabs, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # focus the bar
    bar = view.services.bar
    assert view.tabs.currentWidget() is view.services and bar.service_type.hasFocus()
    # "Listening (phone calls)" is a phone service: not "in person"
    assert (bar.service_type.code(), bar.mode.code()) == ("ASCOLTO", "TELEFONO")
    assert (bar.minutes.value(), bar.date.day()) == (60, dt.date.today())
    qtbot.keyClicks(bar.service_type, "psy")  # "Individual psychological support"
    assert (bar.service_type.code(), bar.mode.code()) == ("PSICO_IND", "PRESENZA")  # the mode follows
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


def test_fast_service_mode_she_picked_stays(
    qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]
) -> None:
    """Once she picks the mode (a video call), changing the type does not undo her choice."""
    window, _ref = admin_case
    view = window.cases_page.case_view
    view.tabs.setCurrentWidget(view.services)
    bar = view.services.bar
    bar.mode.setFocus()
    qtbot.keyClicks(bar.mode, "V")  # Video call
    assert bar.mode.code() == "VIDEO"
    bar.mode.activated.emit(bar.mode.currentIndex())  # offscreen key selection does not always emit it
    bar.service_type.set_code("LEGALE_CIV")
    assert bar.mode.code() == "VIDEO"
    bar.reset()
    assert (bar.service_type.code(), bar.mode.code()) == ("ASCOLTO", "TELEFONO")


def test_pathway_and_goal(qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]) -> None:
    window, ref = admin_case
    view = window.cases_page.case_view
    view.tabs.setCurrentWidget(view.pathway)
    tab = view.pathway
    assert not tab.goal_button.isEnabled()
    where = (tab.goal_button.pos(), tab.review_button.pos())
    click(qtbot, tab.agree_button)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    click(qtbot, dialog.ok_button)  # type: ignore[attr-defined]
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.case is not None and view.case.pathway is not None)
    QApplication.processEvents()
    assert not tab.agree_button.isVisible() and (tab.goal_button.pos(), tab.review_button.pos()) == where
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


def type_date(qtbot: Any, field: DateField, text: str) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.edit, text)


def agree_pathway(qtbot: Any, view: Any) -> None:
    view.tabs.setCurrentWidget(view.pathway)
    click(qtbot, view.pathway.agree_button)
    dialog = view.pathway.dialog
    assert dialog is not None
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.case is not None and view.case.pathway is not None)


def open_goal_dialog(qtbot: Any, view: Any) -> Any:
    click(qtbot, view.pathway.goal_button)
    dialog = view.pathway.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.area.setFocus()
    qtbot.keyClicks(dialog.area, "Hou")
    qtbot.keyClicks(dialog.description, "A safe flat")
    return dialog


@pytest.mark.parametrize("typed", ["31/03/2027", "31/03/27", "31-3-27"])
def test_a_typed_goal_deadline_is_saved(
    qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any], typed: str
) -> None:
    window, ref = admin_case
    view = window.cases_page.case_view
    agree_pathway(qtbot, view)
    dialog = open_goal_dialog(qtbot, view)
    type_date(qtbot, dialog.due, typed)
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.pathway.goals.rowCount() == 1)
    assert controller.workspace is not None
    goal = cases.get_case(controller.workspace, ref.id).pathway.goals[0]  # type: ignore[union-attr]
    assert goal.due_on == dt.date(2027, 3, 31)


def test_an_impossible_deadline_blocks_the_goal_until_corrected(
    qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]
) -> None:
    window, ref = admin_case
    view = window.cases_page.case_view
    agree_pathway(qtbot, view)
    dialog = open_goal_dialog(qtbot, view)
    type_date(qtbot, dialog.due, "31/02/2027")
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    assert (
        dialog.isVisible() and dialog.due.text() == "31/02/2027" and dialog.focusWidget() is dialog.due.edit
    )
    assert dialog.due.message.text() == "There is no 31 February 2027."
    assert dialog.error.isVisible() and dialog.error.text() == "Due date: There is no 31 February 2027."
    assert controller.workspace is not None
    assert cases.get_case(controller.workspace, ref.id).pathway.goals == []  # type: ignore[union-attr]
    type_date(qtbot, dialog.due, "28/02/2027")
    assert not dialog.error.isVisible() and not dialog.due.message.isVisible()
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.pathway.goals.rowCount() == 1)
    goal = cases.get_case(controller.workspace, ref.id).pathway.goals[0]  # type: ignore[union-attr]
    assert goal.due_on == dt.date(2027, 2, 28)


def test_a_service_with_an_unreadable_date_is_not_recorded(
    qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]
) -> None:
    window, ref = admin_case
    view = window.cases_page.case_view
    view.tabs.setCurrentWidget(view.services)
    bar = view.services.bar
    type_date(qtbot, bar.date, "31/11/2025")
    qtbot.keyClick(bar.date.edit, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert controller.workspace is not None
    assert cases.get_case(controller.workspace, ref.id).services == []
    assert bar.date.text() == "31/11/2025" and bar.date.message.text() == "There is no 31 November 2025."
    # the focus is put back on the date (the widget the window gives the keyboard to; hasFocus would also
    # need the window to be the active one, which a busy machine does not always keep it)
    assert bar.date.message.isVisible() and bar.window().focusWidget() is bar.date.edit
    today = validation.today()  # the case was opened today: no service before
    type_date(qtbot, bar.date, f"{today.day}-{today.month}-{today.year % 100:02d}")
    assert bar.date.is_valid() and not bar.date.edit.property("invalid")  # it reads the day, no error
    qtbot.keyClick(bar.date.edit, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.services.model.rowCount() == 1)
    assert [s.date for s in cases.get_case(controller.workspace, ref.id).services] == [today]


def test_the_date_of_birth_typed_in_the_case_file_is_saved_with_its_year(
    qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]
) -> None:
    window, ref = admin_case
    view = window.cases_page.case_view
    tab = view.profile
    view.tabs.setCurrentWidget(tab)
    assert tab.identity.birth_date.text() == "" and tab.profile.birth_year.value_or_none() is None
    type_date(qtbot, tab.identity.birth_date, "14/3/1985x")
    click(qtbot, tab.save_button)
    wait_idle(qtbot)
    assert tab.error.isVisible() and tab.identity.birth_date.text() == "14/3/1985x"
    assert controller.workspace is not None
    assert cases.get_case(controller.workspace, ref.id).identity.birth_date is None  # type: ignore[union-attr]
    type_date(qtbot, tab.identity.birth_date, "14-3-85")
    assert tab.profile.birth_year.value_or_none() == 1985
    click(qtbot, tab.save_button)
    wait_idle(qtbot)
    case = cases.get_case(controller.workspace, ref.id)
    assert case.identity is not None and case.identity.birth_date == dt.date(1985, 3, 14)
    assert case.profile.birth_year == 1985
    assert tab.identity.birth_date.text() == "14/03/1985"


def test_a_risk_level_is_chosen_never_preselected(
    qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]
) -> None:
    window, ref = admin_case
    view = window.cases_page.case_view
    view.tabs.setCurrentWidget(view.risk)
    click(qtbot, view.risk.add_button)
    dialog = view.risk.dialog
    assert dialog is not None and dialog.risk.level.code() == ""  # type: ignore[attr-defined]
    click(qtbot, dialog.ok_button)  # type: ignore[attr-defined]
    assert dialog.isVisible() and dialog.error.text() == "Choose the risk level."  # type: ignore[attr-defined]
    assert controller.workspace is not None and cases.get_case(controller.workspace, ref.id).risks == []


def test_a_referral_outcome_comes_with_its_date(
    qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]
) -> None:
    window, ref = admin_case
    view = window.cases_page.case_view
    view.tabs.setCurrentWidget(view.referrals)
    click(qtbot, view.referrals.add_button)
    dialog: Any = view.referrals.dialog
    assert dialog is not None and not dialog.outcome_on.isEnabled()  # pending: no outcome date
    dialog.outcome.set_code("ACCOLTO")
    assert dialog.outcome_on.isEnabled() and dialog.outcome_on.day() == dt.date.today()
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    assert controller.workspace is not None
    referral = cases.get_case(controller.workspace, ref.id).referrals[0]
    assert (referral.outcome, referral.outcome_on) == ("ACCOLTO", dt.date.today())


def test_withdrawing_processing_consent_asks_for_the_case_code_like_an_erasure(
    qtbot: Any, controller: AppController, admin_case: tuple[MainWindow, Any]
) -> None:
    window, ref = admin_case
    view = window.cases_page.case_view
    view.tabs.setCurrentWidget(view.consents)
    click(qtbot, view.consents.record_button)
    dialog: Any = view.consents.dialog
    dialog.scope.set_code("TRATTAMENTO")
    click(qtbot, dialog.withdrawn)
    assert dialog.confirm.isVisible() and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.confirm, ref.code.lower())
    click(qtbot, dialog.ok_button)  # no Yes/No box: the typed code is the confirmation
    wait_idle(qtbot)
    assert controller.workspace is not None
    assert cases.get_case(controller.workspace, ref.id).processing_consent is False
