"""Every screen fits a 1366x768 laptop and 1280x720 at 125% (1024x576 logical pixels).

A screen "fits" when the minimum size of its window (what its layouts cannot go below) is within the
screen's available area less a task bar and the window frame; long forms scroll vertically, never
sideways. The main window holds every page in one stack and every case-file tab in one tab widget, so
checking its minimum size with each of them built checks them all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QWidget

from app.services import accounts, cases
from app.services.cases import ConsentInput, IdentityInput, ProfileInput
from app.storage.backup import Manifest
from app.ui.casefile.close_dialog import CloseCaseDialog, EraseDialog
from app.ui.casefile.consent_dialog import ConsentDialog
from app.ui.casefile.interview_dialog import InterviewDialog
from app.ui.casefile.pathway_dialogs import AgreePathwayDialog, GoalDialog, ReviewDialog
from app.ui.casefile.referrals_tab import ReferralDialog
from app.ui.casefile.risk_tab import RiskDialog
from app.ui.casefile.services_tab import ServiceDialog
from app.ui.controller import AppController
from app.ui.dialogs.operator import AddHelpDeskDialog, AddOperatorDialog, ResetPasswordDialog
from app.ui.dialogs.password import ChangePasswordDialog
from app.ui.dialogs.recover import RecoverDialog
from app.ui.dialogs.restore import RestoreDialog
from app.ui.kit import geometry
from app.ui.pages.recovery import RecoveryKeyDialog
from app.ui.pages.wizard import SetupWizard
from tests.conftest import ADMIN
from tests.ui.helpers import log_in, open_page, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")

TASK_BAR = 40  # logical pixels; Windows' task bar at 100% and at 125% alike
SCREENS = {"1366x768": QSize(1366, 768), "1280x720 at 125%": QSize(1024, 576)}


def room(screen: QSize) -> QSize:
    """The client area a window can have on `screen`: without the task bar and its own frame."""
    return screen - QSize(0, TASK_BAR) - geometry.FRAME_ALLOWANCE


def minimum(widget: QWidget) -> QSize:
    widget.ensurePolished()
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    return widget.minimumSizeHint().expandedTo(widget.minimumSize())


def misfits(widget: QWidget, what: str) -> list[str]:
    found = []
    need = minimum(widget)
    for name, screen in SCREENS.items():
        space = room(screen)
        if need.width() > space.width() or need.height() > space.height():
            found.append(
                f"{what} needs {need.width()}x{need.height()}, {name} leaves {space.width()}x{space.height()}"
            )
    return found


def sideways(window: QWidget, what: str) -> list[str]:
    """At the smallest screen, no form scrolls sideways (tables and the report preview may)."""
    shell = window.window()
    shell.resize(room(SCREENS["1280x720 at 125%"]))
    QApplication.processEvents()
    return [
        f"{what}: {area.widget().objectName() or type(area.widget()).__name__} scrolls sideways "
        f"({area.widget().minimumSizeHint().width()} wide in {area.viewport().width()})"
        for area in window.findChildren(QScrollArea)
        if area.widgetResizable() and area.isVisible() and area.horizontalScrollBar().maximum() > 0
    ]


def new_case(controller: AppController) -> cases.CaseRef:
    assert controller.workspace is not None
    consent = ConsentInput(scopes=("TRATTAMENTO", "STATISTICHE"), date=dt.date.today())
    identity = IdentityInput("Anna", "Colombo")
    return cases.open_case(controller.workspace, identity, ProfileInput(), consent)


def test_every_page_of_the_main_window_fits(qtbot: Any, controller: AppController) -> None:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    wait_idle(qtbot)
    assert window.backup_banner is not None and window.backup_banner.isVisibleTo(window)
    problems = []
    for key in window.page_keys():
        open_page(qtbot, window, key)
        wait_idle(qtbot)
        if key == "admin":
            assert window.admin_page is not None
            for index in range(window.admin_page.tabs.count()):
                window.admin_page.tabs.setCurrentIndex(index)
                wait_idle(qtbot)
                problems += sideways(window, f"administration tab {index}")
        else:
            problems += sideways(window, key)
    page = window.cases_page
    ref = new_case(controller)
    open_page(qtbot, window, "cases")
    page.open_case(ref.id)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.case_view.case is not None)
    for index in range(page.case_view.tabs.count()):
        page.case_view.tabs.setCurrentIndex(index)
        wait_idle(qtbot)
        problems += sideways(window, f"case file tab {index}")
    page.new_case()  # the intake wizard, beside the case file in the same stack
    wizard = page.wizard
    assert wizard is not None
    wizard.consent.processing.setChecked(True)
    wizard.identity.form.first_name.setText("Giulia")
    wizard.identity.form.last_name.setText("Esposito")
    wizard.interview.form.channel.setCurrentIndex(1)
    wizard.interview.form.mode.setCurrentIndex(1)
    seen = []
    while wizard.currentId() not in seen:
        seen.append(wizard.currentId())
        problems += sideways(window, f"intake page {wizard.currentId()}")
        wizard.next()
    assert len(seen) >= 5, wizard.interview.error.text()  # consent, identity, profile, interview, risk…
    problems += misfits(controller.shell, "main window with every page, case file and intake wizard")
    assert not problems, "\n".join(problems)


def test_one_scroll_bar_per_view(qtbot: Any, controller: AppController) -> None:
    """At 1366x768, with the backup banner, the case file's profile scrolls in its own area and the page
    around it does not: never two vertical scroll bars side by side."""
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    wait_idle(qtbot)
    controller.shell.resize(room(SCREENS["1366x768"]))
    page = window.cases_page
    ref = new_case(controller)
    page.open_case(ref.id)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.case_view.case is not None)
    QApplication.processEvents()
    page_scroll = window.pages.currentWidget()
    assert isinstance(page_scroll, QScrollArea)
    inner = [
        a for a in page.findChildren(QScrollArea) if a.isVisible() and a.verticalScrollBar().maximum() > 0
    ]
    assert inner, "the profile scrolls in its own area at this height"
    assert page_scroll.verticalScrollBar().maximum() == 0


def test_no_page_scrolls_as_a_whole_at_1366x768(qtbot: Any, controller: AppController) -> None:
    """Every page and every administration tab fits the height of the common laptop screen (with the
    backup banner): a page that scrolls as a whole around a tab that scrolls too gives two bars."""
    from PySide6.QtWidgets import QTabWidget

    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    wait_idle(qtbot)
    controller.shell.resize(room(SCREENS["1366x768"]))
    tall = []
    for index, key in enumerate(window.page_keys()):
        window.show_page(key)
        wait_idle(qtbot)
        QApplication.processEvents()
        scroll = window.pages.widget(index)
        assert isinstance(scroll, QScrollArea)
        if scroll.verticalScrollBar().maximum() > 0:
            tall.append(f"{key} ({window.page(index).height()} px high in {scroll.viewport().height()} px)")
        for tabs in window.page(index).findChildren(QTabWidget):
            if not tabs.isVisible():
                continue
            for tab in range(tabs.count()):
                hint = tabs.widget(tab).minimumSizeHint().height()
                if hint > tabs.height():
                    tall.append(f"{key} / {tabs.tabText(tab)} (min height {hint} > {tabs.height()})")
    assert not tall, tall


def test_every_dialog_fits(qtbot: Any, controller: AppController, tmp_path: Path) -> None:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    wait_idle(qtbot)
    workspace = controller.workspace
    assert workspace is not None
    page = window.cases_page
    page.open_case(new_case(controller).id)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.case_view.case is not None)
    case = page.case_view.case
    assert case is not None
    context, shell = page.context, controller.shell
    manifest = Manifest(
        "2026-01-05T10:00:00+00:00", "0008", "id", "BG", {"case_file": 300, "intake": 900}, "", "", 1
    )
    desks = accounts.list_help_desks(workspace)
    dialogs: list[QDialog] = [
        InterviewDialog(context, case, shell),
        RiskDialog(context, case, shell),
        ServiceDialog(context, case, shell),
        ReferralDialog(context, case, shell),
        AgreePathwayDialog(context, case, shell),
        GoalDialog(context, case, shell),
        ReviewDialog(context, case, shell),
        ConsentDialog(context, case, shell),
        CloseCaseDialog(context, case, shell),
        EraseDialog(context, case, shell),
        AddOperatorDialog(workspace, desks, shell),
        ResetPasswordDialog(workspace, "giulia", "Giulia Bianchi", shell),
        AddHelpDeskDialog(workspace, shell),
        ChangePasswordDialog(workspace, shell),
        RecoverDialog(workspace, "anna", shell),
        RestoreDialog(workspace, tmp_path / "BG-2026-01-05.ascbak", manifest, "anna", shell),
        RecoveryKeyDialog("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789-ABCD", "Aiuto Donna", shell),
    ]
    problems = []
    for dialog in dialogs:
        dialog.show()
        QApplication.processEvents()
        problems += misfits(dialog, type(dialog).__name__)
        dialog.reject()
    wizard = SetupWizard(tmp_path / "new")
    for _ in range(len(wizard.pageIds())):
        problems += misfits(wizard, f"set-up wizard page {wizard.currentId()}")
        wizard.next()
    wizard.deleteLater()
    assert not problems, "\n".join(problems)
