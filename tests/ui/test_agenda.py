"""The Agenda page: Ctrl+Shift+A shows this week; Alt+Right, Alt+Left and Alt+Home go through the weeks;
Enter opens the case of a line; the week prints without names unless she ticks them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services import agenda, cases, validation
from app.services.agenda import AppointmentInput
from app.services.cases import ConsentInput, IdentityInput, ProfileInput
from app.ui.controller import AppController
from app.ui.kit import files
from app.ui.pages.agenda import AgendaPage
from tests.conftest import ADMIN
from tests.ui.helpers import log_in, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")

ALT = Qt.KeyboardModifier.AltModifier


def lines(page: AgendaPage) -> list[tuple[str, ...]]:
    """The rows with something planned: time, what for, case, name."""
    model = page.model
    rows = [tuple(model.index(r, c).data() for c in range(1, 5)) for r in range(model.rowCount())]
    return [row for row in rows if row[2]]


def test_the_week_by_keyboard_and_a_line_opens_her_case(
    qtbot: Any, controller: AppController, tmp_path: Path
) -> None:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"], start=None)
    ws = controller.workspace
    assert ws is not None
    today = validation.today()
    sunday = today + dt.timedelta(days=6 - today.weekday())
    ref = cases.open_case(
        ws, IdentityInput("Bruna", "Sartori"), ProfileInput(), ConsentInput(("TRATTAMENTO",), today)
    )
    agenda.schedule_appointment(ws, ref.id, AppointmentInput(sunday, "10:30", purpose="LEGALE"))
    agenda.schedule_appointment(ws, ref.id, AppointmentInput(sunday + dt.timedelta(days=7), "16:00"))
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)

    window.navigation.setFocus()
    qtbot.keyClick(
        window.navigation,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    page = window.agenda_page
    assert window.pages.currentIndex() == window.page_keys().index("agenda")
    wait_idle(qtbot)
    assert lines(page) == [("10:30", "Legal advice", ref.code, "Bruna Sartori")]
    assert page.model.rowCount() == 7  # one row for each day with nothing planned
    assert page.table.hasFocus() and page.table.currentIndex().row() == next(
        r for r in range(page.model.rowCount()) if page.model.index(r, 3).data()
    )  # the first line is current: Enter opens it at once

    qtbot.keyClick(page.table, Qt.Key.Key_Right, ALT)
    wait_idle(qtbot)
    assert lines(page) == [("16:00", "Interview", ref.code, "Bruna Sartori")]
    qtbot.keyClick(page.table, Qt.Key.Key_Right, ALT)
    wait_idle(qtbot)
    assert lines(page) == []
    qtbot.keyClick(page.table, Qt.Key.Key_Home, ALT)
    wait_idle(qtbot)
    assert lines(page)[0][0] == "10:30"
    qtbot.keyClick(page.table, Qt.Key.Key_Left, ALT)
    wait_idle(qtbot)
    assert lines(page) == [] and page.monday == today - dt.timedelta(days=today.weekday() + 7)
    click_this_week = page.this_button
    click_this_week.click()
    wait_idle(qtbot)

    out = tmp_path / "week.pdf"
    files.set_next(out)
    page.print_button.click()
    wait_idle(qtbot)
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert ref.code in text and "10:30" in text and "Sartori" not in text

    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 3).data() == ref.code)
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    wait_idle(qtbot)
    view = window.cases_page.case_view
    qtbot.waitUntil(lambda: view.case is not None and view.case.id == ref.id)
    assert window.pages.currentIndex() == window.page_keys().index("cases")
    assert view.tabs.currentWidget() is view.services
    assert "next appointment:" in view.header.meta.text() and "Legal advice" in view.header.meta.text()
