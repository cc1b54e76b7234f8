"""Every screen and dialog, in Italian and in English: no two mnemonics share a letter, Tab reaches every
input in reading order, and the first focus is the first field to fill."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget, QWizard

from app.services import agenda, cases
from app.services.cases import ConsentInput, IdentityInput, ProfileInput
from app.ui.controller import AppController
from app.ui.i18n import install_translators
from app.ui.kit import messages
from app.ui.pages.backup import files
from tests.conftest import ADMIN
from tests.ui.helpers import click, log_in, open_page, type_into, wait_idle
from tests.ui.keyboard import check_keyboard

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture(params=["it", "en"])
def language(request: Any, qapp: Any) -> Iterator[str]:
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")


def activate(qtbot: Any, controller: AppController) -> None:
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)


class Survey:
    """Collects the problems of every screen, so that one run lists them all."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.problems: dict[str, list[str]] = {}

    def check(self, name: str, window: QWidget, first: QWidget | None = None, order: bool = True) -> None:
        QApplication.processEvents()
        found = check_keyboard(self.qtbot, window, first, order)
        if found:
            self.problems[name] = found

    def dialog(self, name: str, dialog: QDialog | None, first: QWidget | None = None) -> None:
        assert dialog is not None and dialog.isVisible(), name
        self.qtbot.waitUntil(lambda: dialog.focusWidget() is not None or True)
        self.check(name, dialog, first)
        dialog.reject()
        QApplication.processEvents()

    def assert_clean(self) -> None:
        text = "\n".join(f"{name}:\n  " + "\n  ".join(found) for name, found in self.problems.items())
        assert not self.problems, text


def test_set_up_wizard_pages(qapp: Any, qtbot: Any, data_dir: Path, language: str) -> None:
    controller = AppController(qapp, data_dir)
    qtbot.addWidget(controller.shell)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    qtbot.waitExposed(wizard)
    survey = Survey(qtbot)
    centre = wizard.centre_page
    survey.check("wizard: centre", wizard, centre.centre)
    type_into(qtbot, centre.centre, "Centro")
    type_into(qtbot, centre.code, "BG")
    type_into(qtbot, centre.desk, "Sportello")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    admin = wizard.admin_page
    survey.check("wizard: administrator", wizard, admin.full_name)
    type_into(qtbot, admin.full_name, "Maria Rossi")
    type_into(qtbot, admin.passwords.password, ADMIN["password"])
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert (admin.full_name.text(), admin.passwords.value()) == ("Maria Rossi", "")  # the secret is not kept
    survey.assert_clean()
    controller.shutdown()


def test_unlock_screen_and_lock_screen(qtbot: Any, language: str, controller: AppController) -> None:
    survey = Survey(qtbot)
    screen = controller.unlock_screen
    assert screen is not None
    controller.shell.activateWindow()
    survey.check("unlock", controller.shell, screen.username)
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"], start=None)
    wait_idle(qtbot)
    activate(qtbot, controller)
    assert window.today_page.appointments_table.hasFocus()  # "Oggi" first, its list under the arrows
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.cases_page.list.search.hasFocus()  # Ctrl+F goes to the case search
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: controller.main_window is None)
    screen = controller.unlock_screen
    assert screen is not None
    assert screen.username.text() == "" and screen.username.hasFocus()  # the next person types her name
    survey.check("lock screen", controller.shell, screen.username)
    survey.assert_clean()


def test_main_window_case_file_and_their_dialogs(
    qtbot: Any, language: str, controller: AppController, tmp_path: Path
) -> None:
    survey = Survey(qtbot)
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    wait_idle(qtbot)
    activate(qtbot, controller)
    shell = controller.shell
    for key in window.page_keys():
        open_page(qtbot, window, key)
        wait_idle(qtbot)
        page = window.pages.currentWidget()
        tabs = getattr(page, "tabs", None)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
                wait_idle(qtbot)
            name = f"{key}" + (f": {tabs.tabText(index)}" if tabs is not None else "")
            page.setFocus()
            page.focusNextChild()
            survey.check(name, shell)

    admin = window.admin_page
    assert admin is not None
    admin.tabs.setCurrentWidget(admin.operators)
    click(qtbot, admin.operators.add_button)
    survey.dialog("add operator", admin.operators.dialog, admin.operators.dialog.full_name)  # type: ignore[union-attr]
    admin.tabs.setCurrentWidget(admin.desks)
    click(qtbot, admin.desks.add_button)
    dialog = admin.desks.dialog
    survey.dialog("add help desk", dialog, getattr(dialog, "name", None))
    admin.tabs.setCurrentWidget(admin.backup)
    backup_file = tmp_path / "x.ascbak"
    backup_file.write_bytes(b"not a backup")
    files.set_next(backup_file)
    messages.set_next_answer(messages.Button.Ok)  # "not an Ascolto backup file"
    click(qtbot, admin.backup.restore_button)
    wait_idle(qtbot)
    if admin.backup.dialog is not None and admin.backup.dialog.isVisible():
        survey.dialog("restore", admin.backup.dialog)

    workspace = controller.workspace
    assert workspace is not None
    consent = ConsentInput(scopes=("TRATTAMENTO", "STATISTICHE"), date=dt.date.today())
    ref = cases.open_case(workspace, IdentityInput("Anna", "Colombo"), ProfileInput(), consent)
    cases.add_referral(workspace, ref.id, cases.ReferralInput(date=dt.date.today(), destination="SERV_SOC"))
    open_page(qtbot, window, "cases")
    page = window.cases_page
    page.open_case(ref.id)
    wait_idle(qtbot)
    view = page.case_view
    qtbot.waitUntil(lambda: view.case is not None)
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        view.tabs.currentWidget().setFocus()
        view.tabs.currentWidget().focusNextChild()
        survey.check(f"case file: {view.tabs.tabText(index)}", shell)
    tab_dialogs = [
        (view.consents, view.consents.record_button, "consent"),
        (view.interviews, view.interviews.add_button, "interview"),
        (view.risk, view.risk.add_button, "risk"),
        (view.pathway, view.pathway.agree_button, "pathway"),
        (view.services, view.services.add_button, "service"),
        (view.referrals, view.referrals.add_button, "referral"),
    ]
    for tab, button, name in tab_dialogs:
        view.tabs.setCurrentWidget(tab)
        click(qtbot, button)
        survey.dialog(name, tab.dialog)  # type: ignore[arg-type]
    view.tabs.setCurrentWidget(view.services)
    click(qtbot, view.services.add_button)
    view.services.dialog.appointment.setChecked(True)  # type: ignore[union-attr]
    survey.dialog("service with its next appointment", view.services.dialog)  # type: ignore[arg-type]
    view.tabs.setCurrentWidget(view.referrals)
    view.referrals.table.selectRow(0)
    click(qtbot, view.referrals.outcome_button)
    survey.dialog("referral outcome", view.referrals.dialog)  # type: ignore[arg-type]
    view.case_actions.close_case()
    survey.dialog("close case", view.case_actions.dialog)
    view.case_actions.erase()
    dialog = view.case_actions.dialog
    survey.dialog("erase identity", dialog, getattr(dialog, "confirm", None))

    agenda.schedule_appointment(workspace, ref.id, agenda.AppointmentInput(dt.date.today(), "10:00"))
    open_page(qtbot, window, "today")
    wait_idle(qtbot)
    today_page = window.today_page
    qtbot.waitUntil(lambda: today_page.appointments.rowCount() == 1)
    today_page.appointments_table.selectRow(0)
    click(qtbot, today_page.move_button)
    survey.dialog("move an appointment", today_page.dialog)
    open_page(qtbot, window, "cases")
    wait_idle(qtbot)

    view.back_requested.emit()
    wait_idle(qtbot)
    click(qtbot, page.list.new_button)
    wizard = page.wizard
    assert wizard is not None
    QApplication.processEvents()
    survey.check("intake: consent", shell, wizard.consent.processing)
    wizard.consent.processing.setChecked(True)
    for name in ("identity", "profile", "interview", "risk"):
        wizard.next()
        QApplication.processEvents()
        if name == "interview":
            wizard.interview.form.channel.setCurrentIndex(1)
            QApplication.processEvents()
        survey.check(f"intake: {name}", shell)
    survey.assert_clean()
