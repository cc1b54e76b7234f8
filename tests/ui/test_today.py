""" "Oggi": the first page after unlock; its lines open the case at the right tab, its count is in the
navigation, an appointment set with a service shows up, and the agenda prints without names by default."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services import cases, validation
from app.services.agenda import AppointmentView
from app.services.cases import ConsentInput, IdentityInput, ProfileInput
from app.ui.controller import AppController
from app.ui.kit import files, messages
from app.ui.main_window import MainWindow
from app.ui.pages.today import TodayPage
from tests.conftest import ADMIN
from tests.ui.helpers import click, log_in, open_page, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")


def session(qtbot: Any, controller: AppController) -> MainWindow:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"], start=None)
    wait_idle(qtbot)
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    return window


def reload(qtbot: Any, page: TodayPage) -> None:
    page.refresh()
    wait_idle(qtbot)


def test_a_line_opens_her_case_at_the_right_tab(qtbot: Any, controller: AppController) -> None:
    window = session(qtbot, controller)
    assert window.page_keys()[0] == "today" and window.pages.currentIndex() == 0  # first after unlock
    ws = controller.workspace
    assert ws is not None
    old_notice = ConsentInput(("TRATTAMENTO",), validation.today(), notice_version="2024.2")
    ref = cases.open_case(ws, IdentityInput("Ada", "Verdi"), ProfileInput(), old_notice)
    page = window.today_page
    reload(qtbot, page)
    kinds = ["consent", "intake"]
    assert [page.models[k].rowCount() for k in kinds] == [1, 1]
    assert window.navigation.item(0).text() == "Today (2)"
    assert page.tabs.tabText(4) == "Con&sents to renew (1)"

    page.tabs.setCurrentIndex(4)
    table = page.tables["consent"]
    assert table.model().index(0, 1).data() == "Ada Verdi"
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    wait_idle(qtbot)
    view = window.cases_page.case_view
    qtbot.waitUntil(lambda: view.case is not None and view.case.id == ref.id)
    assert window.pages.currentIndex() == window.page_keys().index("cases")
    assert view.tabs.currentWidget() is view.consents

    open_page(qtbot, window, "today")  # shown again: read again
    wait_idle(qtbot)
    page.tabs.setCurrentIndex(5)
    page.tables["intake"].selectRow(0)
    click(qtbot, page.open_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.tabs.currentWidget() is view.interviews)

    # Focused on a list with lines (as at unlock), Enter opens the first at once: no arrow needed first.
    open_page(qtbot, window, "today")
    wait_idle(qtbot)
    page.tabs.setCurrentIndex(4)
    page.tables["consent"].clearSelection()
    page.tables["consent"].setCurrentIndex(page.tables["consent"].model().index(-1, -1))
    page.focus_start()
    qtbot.keyClick(page.tables["consent"], Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.tabs.currentWidget() is view.consents)


def test_an_appointment_set_with_a_service_is_listed_and_printed_without_names(
    qtbot: Any, controller: AppController, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    window = session(qtbot, controller)
    ws = controller.workspace
    assert ws is not None
    consent = ConsentInput(("TRATTAMENTO",), validation.today())
    ref = cases.open_case(ws, IdentityInput("Bruna", "Sartori"), ProfileInput(), consent)
    open_page(qtbot, window, "cases")
    cases_page = window.cases_page
    cases_page.open_case(ref.id, "services")
    wait_idle(qtbot)
    view = cases_page.case_view
    qtbot.waitUntil(lambda: view.tabs.currentWidget() is view.services)
    click(qtbot, view.services.add_button)
    dialog = view.services.dialog
    assert dialog is not None and dialog.isVisible()
    box = dialog.appointment  # type: ignore[attr-defined]
    assert not box.isChecked()  # nothing scheduled unless she asks
    box.setChecked(True)
    tomorrow = validation.today() + dt.timedelta(days=1)
    box.fields.day.set_day(tomorrow)
    box.fields.time.setCurrentText("14:30")
    assert box.fields.purpose.code() == "ACCOGLIENZA"  # a colloquio unless she says otherwise
    box.fields.purpose.set_code("LEGALE")
    click(qtbot, dialog.ok_button)  # type: ignore[attr-defined]
    wait_idle(qtbot)

    open_page(qtbot, window, "today")
    wait_idle(qtbot)
    page = window.today_page
    model = page.appointments
    assert [[model.index(0, c).data() for c in range(5)]] == [
        ["tomorrow", "14:30", "Legal advice", ref.code, "Bruna Sartori"]
    ]

    out = tmp_path / "agenda.pdf"
    page.agenda_day.setCurrentIndex(1)  # tomorrow
    files.set_next(out)
    click(qtbot, page.print_button)
    wait_idle(qtbot)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert ref.code in text and "14:30" in text and "Sartori" not in text
    named = tmp_path / "named.pdf"
    page.with_names.setChecked(True)
    files.set_next(named)
    click(qtbot, page.print_button)
    wait_idle(qtbot)
    assert "Bruna Sartori" in "\n".join(p.extract_text() for p in PdfReader(named).pages)

    page.appointments_table.selectRow(0)
    messages.set_next_answer(messages.Button.Yes)
    click(qtbot, page.cancel_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: model.rowCount() == 0)


def test_an_hour_booked_for_another_desks_case_shows_no_code_and_opens_nothing(
    qtbot: Any, controller: AppController
) -> None:
    """The line the services send for a case of a desk she may not see (no case id, no code, no name):
    the page says whose it is not, and opening, moving or cancelling it gives a word, not a refusal the
    services would record as an attempt on another desk's case."""
    window = session(qtbot, controller)
    page = window.today_page
    wait_idle(qtbot)
    assert page.view is not None
    day = page.view.day
    hidden = AppointmentView(7, None, "", "", 2, "Dalmine", day, "10:00", "Bice")
    page.show_view(replace(page.view, appointments=[hidden]))
    model = page.appointments
    assert [model.index(0, c).data() for c in range(7)] == [
        "today",
        "10:00",
        "—",  # set before purposes were asked
        "—",
        "a case of another help desk",
        "Dalmine",
        "Bice",
    ]
    opened: list[Any] = []
    page.open_case.connect(lambda *args: opened.append(args))
    page.tabs.setCurrentIndex(0)
    page.appointments_table.selectRow(0)
    page.open_selected()
    for button in (page.move_button, page.cancel_button):
        click(qtbot, button)
        assert page.toast.isVisible() and "another help desk" in page.toast.text()
    assert opened == [] and page.dialog is None
