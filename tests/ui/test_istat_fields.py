"""ISTAT's questions in the intake wizard and the case file: help sought before, the perpetrator, the report."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWizard

from app.services import cases
from app.services.cases import ConsentInput, IdentityInput, IntakeInput, PerpetratorInput, ProfileInput
from app.ui.controller import AppController
from app.ui.pages.cases import CasesPage
from tests.conftest import OPERATOR
from tests.ui.helpers import click, log_in, type_into, wait_idle
from tests.ui.test_cases_file import open_case
from tests.ui.test_intake import choose, next_page, tick

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture
def page(qtbot: Any, controller: AppController) -> CasesPage:
    window = log_in(qtbot, controller, OPERATOR["username"], OPERATOR["password"])
    page: CasesPage = window.cases_page
    wait_idle(qtbot)
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    return page


def _to_interview(qtbot: Any, page: CasesPage) -> Any:
    click(qtbot, page.list.new_button)
    wizard = page.wizard
    assert wizard is not None
    tick(qtbot, wizard.consent.processing)
    next_page(qtbot, wizard)
    type_into(qtbot, wizard.identity.form.first_name, "Marta")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.interview
    form = wizard.interview.form
    choose(qtbot, form.channel, "1522")
    choose(qtbot, form.mode, "Phone")
    return wizard


def _finish(qtbot: Any, wizard: Any) -> None:
    next_page(qtbot, wizard)  # risk (optional)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    wait_idle(qtbot)


def test_the_first_interview_records_help_sought_and_the_main_perpetrator(
    qtbot: Any, page: CasesPage
) -> None:
    wizard = _to_interview(qtbot, page)
    form = wizard.interview.form
    assert form.perpetrator() == PerpetratorInput()  # unasked questions start as "not available"
    tick(qtbot, form.help_sought.boxes["FAMILIARI_AMICI"])
    tick(qtbot, form.help_sought.boxes["FFOO"])
    form.perpetrators.setFocus()
    form.perpetrators.selectAll()
    qtbot.keyClicks(form.perpetrators, "2")
    choose(qtbot, form.perpetrator_sex, "Man")
    choose(qtbot, form.perpetrator_age, "40")
    choose(qtbot, form.perpetrator_citizenship, "Foreign")
    choose(qtbot, form.weapons, "Yes")
    choose(qtbot, form.alcohol, "No")
    _finish(qtbot, wizard)
    view = page.case_view
    qtbot.waitUntil(lambda: view.case is not None, timeout=10_000)
    assert view.case is not None
    intake = view.case.intakes[0]
    assert intake.help_sought == ("FAMILIARI_AMICI", "FFOO")
    assert intake.perpetrator == PerpetratorInput(2, "M", "40-49", "STRANIERA", "SI", "NO", "ND", "ND")


def test_nobody_beside_another_answer_sends_her_back_to_the_interview(qtbot: Any, page: CasesPage) -> None:
    wizard = _to_interview(qtbot, page)
    form = wizard.interview.form
    tick(qtbot, form.help_sought.boxes["NESSUNO"])
    tick(qtbot, form.help_sought.boxes["SERV_SOC"])
    _finish(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.interview, timeout=10_000)
    assert wizard.interview.error.isVisible() and "Nobody" in wizard.interview.error.text()
    assert cases.search_cases(page.workspace, statuses=None).total == 0  # nothing half-stored


def test_the_case_file_records_the_report_step_by_step(
    qtbot: Any, controller: AppController, page: CasesPage
) -> None:
    ws = controller.workspace
    assert ws is not None
    today = dt.date.today()
    ref = cases.open_case(
        ws, IdentityInput("Lucia", "Bianchi"), ProfileInput(), ConsentInput(("TRATTAMENTO",), today)
    )
    perpetrator = PerpetratorInput(1, "M", "30-39", "ITALIANA", "NO", "SI", "NO", "SI")
    cases.add_intake(ws, ref.id, IntakeInput(today, "N1522", help_sought=("FFOO",), perpetrator=perpetrator))
    open_case(qtbot, page, ref.id)
    view = page.case_view
    tab = view.interviews
    view.tabs.setCurrentWidget(tab)
    assert "no step recorded" in tab.report_steps.text()
    assert "Police or carabinieri" in tab.details.text()  # the selected interview's answers
    click(qtbot, tab.report_button)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.stage.code() == "PRESENTATA"  # type: ignore[attr-defined]  # the first step, first
    click(qtbot, dialog.ok_button)  # type: ignore[attr-defined]
    wait_idle(qtbot)
    qtbot.waitUntil(
        lambda: view.case is not None and len(view.case.police_report_events) == 1, timeout=10_000
    )
    assert "Report filed" in tab.report_steps.text()

    click(qtbot, tab.report_button)  # a verdict before any trial is refused, next to its field
    dialog = tab.dialog
    choose(qtbot, dialog.stage, "Conv")  # type: ignore[attr-defined]
    click(qtbot, dialog.ok_button)  # type: ignore[attr-defined]
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)  # type: ignore[union-attr]
    assert "trial" in dialog.error.text()  # type: ignore[union-attr]
    dialog.reject()  # type: ignore[union-attr]

    click(qtbot, tab.add_button)  # a follow-up interview starts from what is known of the perpetrator
    follow_up = tab.dialog
    assert follow_up is not None
    assert follow_up.interview.perpetrator() == perpetrator  # type: ignore[attr-defined]
    assert follow_up.interview.help_sought.codes() == ("FFOO",)  # type: ignore[attr-defined]
    follow_up.reject()  # type: ignore[attr-defined]
