"""No Alt+letter is held by two controls on one screen, in Italian and in English.

Qt gives a mnemonic to every visible, enabled button, buddied label, group box and tab of the active window;
when two share a letter Qt only moves the focus between them, and the button she meant is never pressed
(Alt+V was "Salva le impostazioni" and the "Conservazione" tab: the idle-lock change was not saved). So
every state of every screen is walked: each page of the main window as administrator with its banners
shown, each tab and each tab inside it, the case file's tabs, the intake pages, the menus and the dialogs
that open without side effects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QTabWidget, QWidget

from app.services import cases
from app.services.cases import ConsentInput, IdentityInput, ProfileInput
from app.ui.controller import AppController
from app.ui.i18n import install_translators
from tests.conftest import ADMIN
from tests.ui.helpers import click, log_in, open_page, wait_idle
from tests.ui.keyboard import clashes, mnemonic

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture(params=["it", "en"])
def language(request: Any, qapp: Any) -> Iterator[str]:
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")


def outer_tab_widgets(root: QWidget) -> list[QTabWidget]:
    """The tab widgets inside `root` that no other tab widget inside `root` holds."""
    found = root.findChildren(QTabWidget)
    return [
        tabs for tabs in found if not any(other is not tabs and other.isAncestorOf(tabs) for other in found)
    ]


def views(root: QWidget, window: QWidget, name: str, settle: Callable[[], None]) -> Iterator[str]:
    """Shows each tab of every tab widget in `root` in turn, and each tab inside it; yields each state."""
    yield name
    for tabs in outer_tab_widgets(root):
        if not tabs.isVisibleTo(window):
            continue
        start = tabs.currentIndex()
        for index in range(tabs.count()):
            if not (tabs.isTabVisible(index) and tabs.isTabEnabled(index)):
                continue
            tabs.setCurrentIndex(index)
            settle()
            yield from views(tabs.widget(index), window, f"{name} › {tabs.tabText(index)}", settle)
        tabs.setCurrentIndex(start)
        settle()


class Survey:
    """The clashes of every state walked, so that one run lists them all."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.problems: dict[str, list[str]] = {}

    def settle(self) -> None:
        QApplication.processEvents()
        wait_idle(self.qtbot)

    def check(self, name: str, window: QWidget) -> None:
        self.settle()
        found = clashes(window)
        if found:
            self.problems[name] = [
                f"Alt+{letter.upper()}: {texts}" for letter, texts in sorted(found.items())
            ]

    def walk(self, name: str, root: QWidget, window: QWidget) -> None:
        for state in views(root, window, name, self.settle):
            self.check(state, window)

    def dialog(self, name: str, dialog: QDialog | None) -> None:
        assert dialog is not None and dialog.isVisible(), name
        self.walk(name, dialog, dialog)
        dialog.reject()
        QApplication.processEvents()

    def menu(self, name: str, menu: QMenu) -> None:
        letters = [mnemonic(action.text()) for action in menu.actions() if action.isVisible()]
        repeated = sorted({letter for letter in letters if letter and letters.count(letter) > 1})
        if repeated:
            self.problems[name] = [f"Alt+{letter.upper()}" for letter in repeated]

    def assert_clean(self) -> None:
        text = "\n".join(f"{name}:\n  " + "\n  ".join(found) for name, found in self.problems.items())
        assert not self.problems, text


def test_every_screen_has_unique_mnemonics(qtbot: Any, language: str, demo_controller: AppController) -> None:
    controller = demo_controller
    survey = Survey(qtbot)
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"], start=None)
    shell = controller.shell
    assert window.backup_banner is not None
    window.backup_banner.show()  # as when a backup is overdue: its button is on every page
    for index, key in enumerate(window.page_keys()):
        open_page(qtbot, window, key)
        survey.walk(key, window.page(index), shell)
    survey.menu("user menu", window.user_menu)

    admin = window.admin_page
    assert admin is not None
    open_page(qtbot, window, "admin")
    admin.tabs.setCurrentWidget(admin.operators)
    click(qtbot, admin.operators.add_button)
    survey.dialog("add operator", admin.operators.dialog)
    admin.tabs.setCurrentWidget(admin.desks)
    click(qtbot, admin.desks.add_button)
    survey.dialog("add help desk", admin.desks.dialog)
    window.change_password()
    survey.dialog("change password", window.dialog)
    reports = window.reports_page
    assert reports is not None
    open_page(qtbot, window, "reports")
    click(qtbot, reports.preview_button)
    survey.walk("reports with a preview", reports, shell)
    click(qtbot, reports.release.profile_button)
    survey.settle()
    survey.dialog("profile export", reports.release.profile_dialog)

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
    survey.walk("case file", view, shell)
    survey.menu("case actions", view.case_actions.menu)
    for tab, button, name in [
        (view.consents, view.consents.record_button, "consent"),
        (view.interviews, view.interviews.add_button, "interview"),
        (view.risk, view.risk.add_button, "risk"),
        (view.pathway, view.pathway.agree_button, "pathway"),
        (view.services, view.services.add_button, "service"),
        (view.referrals, view.referrals.add_button, "referral"),
    ]:
        view.tabs.setCurrentWidget(tab)
        click(qtbot, button)
        survey.dialog(name, tab.dialog)  # type: ignore[attr-defined]
    view.tabs.setCurrentWidget(view.services)
    click(qtbot, view.services.add_button)
    view.services.dialog.appointment.setChecked(True)  # type: ignore[union-attr]
    survey.dialog("service with its next appointment", view.services.dialog)
    view.tabs.setCurrentWidget(view.referrals)
    view.referrals.table.selectRow(0)
    click(qtbot, view.referrals.outcome_button)
    survey.dialog("referral outcome", view.referrals.dialog)
    view.case_actions.close_case()
    survey.dialog("close case", view.case_actions.dialog)
    view.case_actions.erase()
    survey.dialog("erase identity", view.case_actions.dialog)

    view.back_requested.emit()
    wait_idle(qtbot)
    click(qtbot, page.list.new_button)
    wizard = page.wizard
    assert wizard is not None
    survey.check("intake: consent", shell)
    wizard.consent.processing.setChecked(True)
    for name in ("identity", "profile", "interview", "risk"):
        wizard.next()
        if name == "interview":
            QApplication.processEvents()
            wizard.interview.form.channel.setCurrentIndex(1)
        survey.walk(f"intake: {name}", wizard, shell)
    survey.assert_clean()
